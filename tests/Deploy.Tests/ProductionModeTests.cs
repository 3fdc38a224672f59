using System.Net;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.AppHost.Production;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>
/// What <c>./kc run --production</c> prepares before anything starts: the gateway's certificate for the LAN,
/// secrets in their own folder readable by their owner only, and every process configured for production.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProductionModeTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly DirectoryInfo _folder = LocalPlatform.NewDataDirectory("kc-production-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly IPAddress[] LanAddresses = [IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fd00::20")];

    private static (string[] DnsNames, IPAddress[] Addresses) NamesOf(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        return ([.. names.EnumerateDnsNames()], [.. names.EnumerateIPAddresses()]);
    }

    [Fact]
    public void The_LAN_certificate_names_localhost_the_host_and_each_of_its_addresses()
    {
        var made = GatewayCertificate.LoadOrCreate(Path.Combine(_folder.FullName, "tls"), "kc-server", LanAddresses, TimeProvider.System);

        var (dnsNames, addresses) = NamesOf(made.Certificate);
        Assert.Equal(["localhost", "kc-server"], dnsNames);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback, .. LanAddresses], addresses);
        Assert.True(made.Certificate.MatchesHostname("kc-server") && made.Certificate.MatchesHostname("192.168.1.20"));
        Assert.Contains(made.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            usage => usage.Value == "1.3.6.1.5.5.7.3.1");
        Assert.Equal(made.Certificate.SubjectName.RawData, made.Certificate.IssuerName.RawData);
        Assert.True(made.Generated);
        Assert.Equal(95, made.Fingerprint.Length);
    }

    [Fact]
    public void The_LAN_certificate_is_made_once_kept_for_its_owner_alone_and_reused_on_the_next_start()
    {
        var folder = Path.Combine(_folder.FullName, "tls");
        var first = GatewayCertificate.LoadOrCreate(folder, "kc-server", LanAddresses, TimeProvider.System);

        var second = GatewayCertificate.LoadOrCreate(folder, "kc-server", LanAddresses, TimeProvider.System);

        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.True(second.Certificate.HasPrivateKey);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(second.KeyPath!));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void A_LAN_certificate_about_to_expire_is_replaced()
    {
        var folder = Path.Combine(_folder.FullName, "tls");
        var first = GatewayCertificate.LoadOrCreate(folder, "kc-server", LanAddresses, TimeProvider.System);
        var nearItsEnd = new FakeTimeProvider(DateTimeOffset.UtcNow + GatewayCertificate.Lifetime - GatewayCertificate.RenewBefore + TimeSpan.FromDays(1));

        var renewed = GatewayCertificate.LoadOrCreate(folder, "kc-server", LanAddresses, nearItsEnd);

        Assert.NotEqual(first.Certificate.Thumbprint, renewed.Certificate.Thumbprint);
        Assert.True(renewed.Certificate.NotAfter > first.Certificate.NotAfter);
    }

    [Fact]
    public void The_secrets_folder_is_the_configured_one_or_the_systems_for_root_or_the_users_own()
    {
        Assert.Equal("/srv/kc-secrets", SecretFiles.DefaultDirectory("/srv/kc-secrets", isRoot: true, home: "/root"));
        Assert.Equal("/etc/khuyencong/secrets", SecretFiles.DefaultDirectory(null, isRoot: true, home: "/root"));
        Assert.Equal("/home/lan/.config/khuyencong/secrets", SecretFiles.DefaultDirectory("", isRoot: false, home: "/home/lan"));
    }

    [Fact]
    public void A_secret_is_written_for_its_owner_alone_even_over_a_file_others_could_read()
    {
        var secrets = Path.Combine(_folder.FullName, "secrets");
        SecretFiles.CreateDirectory(secrets);
        var path = Path.Combine(secrets, "password");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SecretFiles.Write(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(secrets));
    }

    [Fact]
    public async Task In_production_the_AppHost_takes_its_secrets_from_the_secrets_folder_and_configures_every_process_for_production()
    {
        var secrets = Path.Combine(_folder.FullName, "secrets");
        var data = Path.Combine(_folder.FullName, "data");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            .. LocalPlatform.Arguments(_folder).Where(a => !a.StartsWith("--Infrastructure:DataDirectory=", StringComparison.Ordinal)),
            $"--Infrastructure:DataDirectory={data}",
            "--Production:Enabled=true",
            $"--Production:SecretsDirectory={secrets}",
            "--Production:PublicUrl=https://kc.lan:8443/",
            "--Production:HttpsPort=8443",
        ]);

        // Made once in the secrets folder (owner only), none of it beside the data.
        var kept = File.ReadAllLines(Path.Combine(secrets, "local-secrets"));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(secrets, "local-secrets")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(secrets));
        Assert.False(File.Exists(Path.Combine(data, "local-secrets")));
        var adminPassword = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "admin-password");
        Assert.Equal(kept[2], await adminPassword.GetValueAsync(CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(secrets, "tls", "key.pem")));

        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        foreach (var project in projects)
        {
            var environment = await EnvironmentOf(project);
            Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("Production", environment["DOTNET_ENVIRONMENT"]);
            Assert.StartsWith(Path.Combine(secrets, "trust") + ":", environment["SSL_CERT_DIR"], StringComparison.Ordinal);
            Assert.All(ProductionMode.RuntimeSettings, setting => Assert.Equal(setting.Value, environment[setting.Name]));
        }
        var identity = await EnvironmentOf(projects.Single(p => p.Name == "identity"));
        Assert.Equal("https://kc.lan:8443/", identity["Identity__Issuer"]);
        Assert.Equal("true", identity["Identity__RequireHttps"]);
        Assert.Equal("false", identity["Identity__AllowPasswordFlow"]);
        Assert.Equal("https://kc.lan:8443/signin-oidc", identity["Identity__Web__RedirectUris__0"]);
        Assert.Equal("https://kc.lan:8443/", (await EnvironmentOf(projects.Single(p => p.Name == "web")))["Identity__Authority"]);
        var gateway = await EnvironmentOf(projects.Single(p => p.Name == "gateway"));
        Assert.Equal("https://*:8443", gateway["Kestrel__Endpoints__Https__Url"]);
        Assert.Equal(Path.Combine(secrets, "tls", "certificate.pem"), gateway["Kestrel__Endpoints__Https__Certificate__Path"]);
        Assert.Equal("8443", gateway["Gateway__Https__Port"]);
    }

    [Fact]
    public void The_systemd_units_run_every_process_with_the_runtime_settings_of_production_mode()
    {
        Assert.Equal(ProductionMode.RuntimeSettings, SystemdUnits.RuntimeSettings);
        var units = SystemdUnits.Generate(new SingleServer());
        foreach (var service in Topology.Services)
        {
            var unit = units[SystemdUnits.UnitName(service)];
            var runtimeSettings = unit.Split('\n')
                .Where(l => l.StartsWith("Environment=\"", StringComparison.Ordinal))
                .Select(l => l["Environment=\"".Length..^1].Split('=', 2))
                .Where(pair => IsRuntimeSetting(pair[0]))
                .Select(pair => (pair[0], pair[1]));
            Assert.Equal(ProductionMode.RuntimeSettings.Order(), runtimeSettings.Order());
        }
    }

    [Theory]
    [InlineData("deploy/kubernetes/base")]
    [InlineData("deploy/kubernetes/overlays/production")]
    public async Task The_Kubernetes_pods_run_every_process_with_the_runtime_settings_of_production_mode(string kustomization)
    {
        var manifests = await RenderedManifests.RenderAsync(kustomization);

        var settings = Assert.Single(manifests.All<k8s.Models.V1ConfigMap>("ConfigMap"), c => c.Metadata.Name == "khuyencong-settings");
        Assert.Equal(ProductionMode.RuntimeSettings.Order(), settings.Data.Where(d => IsRuntimeSetting(d.Key)).Select(d => (d.Key, d.Value)).Order());
        foreach (var service in Topology.Services)
        {
            var container = Assert.Single(manifests.Deployment(service.Name).Spec.Template.Spec.Containers);
            Assert.Contains(container.EnvFrom, source => source.ConfigMapRef?.Name == settings.Metadata.Name);
            // Nothing of a pod's own sets them otherwise.
            Assert.DoesNotContain(container.Env ?? [], variable => IsRuntimeSetting(variable.Name));
        }
    }

    /// <summary>A setting of the .NET runtime or of the C library's allocator (not the host's environment name, nor the SDK's).</summary>
    private static bool IsRuntimeSetting(string name) =>
        (name.StartsWith("DOTNET_", StringComparison.Ordinal) && name != "DOTNET_ENVIRONMENT" && !name.StartsWith("DOTNET_CLI_", StringComparison.Ordinal))
        || name.StartsWith("MALLOC_", StringComparison.Ordinal);

    [Fact]
    public async Task In_development_the_AppHost_keeps_its_secrets_beside_the_data_and_the_password_grant_on()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(LocalPlatform.Arguments(_folder));

        Assert.True(File.Exists(Path.Combine(_folder.FullName, "local-secrets")));
        var identity = await EnvironmentOf(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "identity"));
        Assert.Equal("true", identity["Identity__AllowPasswordFlow"]);
        Assert.Equal("false", identity["Identity__RequireHttps"]);
        Assert.StartsWith("http://localhost:", identity["Identity__Issuer"], StringComparison.Ordinal);
    }

    /// <summary>The plain values the AppHost sets in a process's environment (values of other resources, such as their addresses, left out).</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(ProjectResource project)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), project, [], CancellationToken.None);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            if (value is string text)
            {
                values[name] = text;
            }
            else if (value is ReferenceExpression { ValueProviders.Count: 0 } expression)
            {
                values[name] = (await expression.GetValueAsync(CancellationToken.None))!;
            }
        }
        return values;
    }
}

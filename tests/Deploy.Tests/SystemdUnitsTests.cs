using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>The units <c>./kc deploy systemd</c> writes, checked by systemd's own verifier.</summary>
public sealed class SystemdUnitsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kc-units-");
    private readonly SingleServer _server = new()
    {
        PublicUrl = new Uri("https://khuyencong.sct.quangninh.gov.vn/"),
        // systemd-analyze checks that the program a unit starts exists.
        Dotnet = File.Exists("/usr/bin/dotnet") ? "/usr/bin/dotnet" : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")!,
    };

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<(int ExitCode, string Errors)> VerifyAsync()
    {
        var units = Directory.GetFiles(_folder.FullName, "*.service").Append(Path.Combine(_folder.FullName, SystemdUnits.Target));
        var (exitCode, output, errors) = await Tools.RunAsync("systemd-analyze", ["verify", "--man=no", .. units]);
        return (exitCode, output + errors);
    }

    [Fact]
    public async Task Every_unit_passes_systemd_analyze_verify_without_a_warning()
    {
        SystemdUnits.WriteTo(_folder.FullName, _server);

        var (exitCode, errors) = await VerifyAsync();

        Assert.True(exitCode == 0 && errors.Length == 0, $"systemd-analyze verify: exit {exitCode}\n{errors}");
    }

    [Fact]
    public async Task The_verifier_reports_a_setting_systemd_does_not_know()
    {
        // The check above can fail: the same verifier on a unit with a mistyped setting reports it.
        SystemdUnits.WriteTo(_folder.FullName, _server);
        var unit = Path.Combine(_folder.FullName, "khuyencong-proposals.service");
        File.WriteAllText(unit, File.ReadAllText(unit).Replace("Restart=always", "Restart=always\nRestartEvery=5", StringComparison.Ordinal));

        var (_, errors) = await VerifyAsync();

        Assert.Contains("RestartEvery", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void There_is_a_unit_for_every_process_of_the_platform_and_the_target_starts_them()
    {
        var files = SystemdUnits.Generate(_server);

        var units = files.Keys.Where(k => k.EndsWith(".service", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(Topology.Services.Select(SystemdUnits.UnitName).Order(), units);
        Assert.All(units, u => Assert.Contains($"WantedBy={SystemdUnits.Target}", files[u], StringComparison.Ordinal));
        Assert.Contains("WantedBy=multi-user.target", files[SystemdUnits.Target], StringComparison.Ordinal);
        Assert.Contains("u khuyencong ", files["khuyencong.sysusers.conf"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_is_restarted_with_a_cap_and_runs_unprivileged_and_hardened()
    {
        var files = SystemdUnits.Generate(_server);
        foreach (var service in Topology.Services)
        {
            var unit = Lines(files[SystemdUnits.UnitName(service)]);
            Assert.Contains("Restart=always", unit);
            Assert.Contains("RestartSec=5", unit);
            Assert.Contains("StartLimitBurst=10", unit);
            Assert.Contains("User=khuyencong", unit);
            Assert.Contains($"ExecStart={_server.Dotnet} /opt/khuyencong/{service.Name}/{service.Assembly}.dll", unit);
            Assert.Contains("Environment=\"ASPNETCORE_ENVIRONMENT=Production\"", unit);
            foreach (var setting in new[] { "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes", "RestrictSUIDSGID=yes" })
            {
                Assert.Contains(setting, unit);
            }
            // Only the gateway may bind the public ports; every other service holds no capability at all.
            Assert.Contains(service.IsPublic ? "CapabilityBoundingSet=CAP_NET_BIND_SERVICE" : "CapabilityBoundingSet=", unit);
            // Everything but the gateway's public address listens on the loopback only.
            var urls = unit.Single(l => l.StartsWith("Environment=\"ASPNETCORE_URLS=", StringComparison.Ordinal));
            Assert.Equal(service.IsPublic, urls.Contains("0.0.0.0", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Production_turns_the_password_grant_off_and_every_token_names_the_public_address()
    {
        var files = SystemdUnits.Generate(_server);

        var identity = Lines(files[SystemdUnits.UnitName(Topology.Named(Topology.Identity))]);
        Assert.Contains("Environment=\"Identity__AllowPasswordFlow=false\"", identity);
        Assert.Contains("Environment=\"Identity__RequireHttps=true\"", identity);
        foreach (var service in Topology.Services.Where(s => s.Name != Topology.Web))
        {
            Assert.Contains("Environment=\"Identity__Issuer=https://khuyencong.sct.quangninh.gov.vn/\"", Lines(files[SystemdUnits.UnitName(service)]));
        }
    }

    [Fact]
    public void Each_service_finds_the_services_it_calls_on_their_own_ports()
    {
        var files = SystemdUnits.Generate(_server);

        Assert.Equal(Topology.Services.Count, Topology.Services.Select(s => s.Port).Distinct().Count());
        foreach (var service in Topology.Services)
        {
            var unit = Lines(files[SystemdUnits.UnitName(service)]);
            foreach (var called in service.Calls.Select(Topology.Named))
            {
                Assert.Contains($"Environment=\"services__{called.Name}__http__0=http://127.0.0.1:{called.Port}\"", unit);
            }
        }
    }

    [Fact]
    public void Secrets_stay_in_files_outside_the_units()
    {
        var files = SystemdUnits.Generate(_server);
        foreach (var service in Topology.Services)
        {
            var unit = files[SystemdUnits.UnitName(service)];
            Assert.DoesNotContain("Password=", unit, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Admin__Password", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("ConnectionStrings", unit, StringComparison.Ordinal);
            if (service.Database is { } database)
            {
                Assert.Contains($"EnvironmentFile=/etc/khuyencong/secrets/{service.Name}.env", Lines(unit));
                var example = files[$"secrets/{service.Name}.env.example"];
                Assert.Contains($"ConnectionStrings__{database}=", example, StringComparison.Ordinal);
                if (service.UsesMessaging)
                {
                    Assert.Contains("ConnectionStrings__messaging=", example, StringComparison.Ordinal);
                }
                else
                {
                    Assert.DoesNotContain("ConnectionStrings__messaging=", example, StringComparison.Ordinal);
                }
            }
        }
        // The certificate's key is handed over by systemd, never read from a path the service could widen.
        var gateway = Lines(files[SystemdUnits.UnitName(Topology.Named(Topology.Gateway))]);
        Assert.Contains("LoadCredential=key.pem:/etc/khuyencong/tls/key.pem", gateway);
        Assert.Contains("Environment=\"Kestrel__Certificates__Default__KeyPath=%d/key.pem\"", gateway);
    }

    private static string[] Lines(string unit) => unit.Split('\n');
}

using System.Net;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.AppHost.Production;

/// <summary>The <c>Production</c> configuration section: the switches of <c>./kc run --production</c>.</summary>
public sealed class ProductionOptions
{
    public const string Section = "Production";

    public bool Enabled { get; set; }

    /// <summary>Where secrets are kept; empty means <see cref="SecretFiles.CurrentUserDirectory"/>.</summary>
    public string SecretsDirectory { get; set; } = "";

    /// <summary>The address people use, the tokens' issuer; empty means https://&lt;host name&gt;:&lt;HttpsPort&gt;/.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The gateway's HTTPS port (its HTTP port, Gateway:Port, then only redirects to it); 0 picks a free one.</summary>
    public int HttpsPort { get; set; } = 8443;

    /// <summary>The operator's certificate: a PFX, or a PEM certificate with <see cref="CertificateKey"/>. Empty: one made for the LAN.</summary>
    public string Certificate { get; set; } = "";

    /// <summary>The PEM private key of <see cref="Certificate"/>.</summary>
    public string CertificateKey { get; set; } = "";

    /// <summary>A file holding the PFX's password (otherwise the KC_CERTIFICATE_PASSWORD environment variable).</summary>
    public string CertificatePasswordFile { get; set; } = "";
}

/// <summary>
/// What <c>./kc run --production</c> changes (Production:Enabled=true): every process in the Production
/// environment; secrets from a folder outside the repository; data apart from development's <c>.data</c>;
/// the gateway public over HTTPS with the operator's certificate or one made for the LAN, its plain HTTP port
/// redirecting there, while the web UI's server reaches it on an internal loopback port; the password grant
/// off; telemetry to the dashboard, or to OTEL_EXPORTER_OTLP_ENDPOINT when the operator sets it.
/// </summary>
public sealed class ProductionMode
{
    public const string CertificatePasswordVariable = "KC_CERTIFICATE_PASSWORD";

    /// <summary>The OpenTelemetry exporter's settings an operator may give the AppHost; each is handed to every process.</summary>
    private static readonly string[] TelemetrySettings = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    /// <summary>
    /// The .NET runtime's settings of every process, chosen for a small footprint with <c>./kc bench footprint</c>
    /// (README, "Benchmarks"): the workstation garbage collector without its background thread, compacting to keep
    /// the heap small; each method compiled once, optimised (no quick first version kept beside the optimised one);
    /// at most two C allocator arenas (one per core, rather than eight). The systemd units and the Kubernetes
    /// settings set the same (src/Deploy/SystemdUnits.cs, RuntimeSettings; deploy/kubernetes/base/settings.yaml).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> RuntimeSettings { get; } =
    [
        ("DOTNET_gcServer", "0"),
        ("DOTNET_gcConcurrent", "0"),
        ("DOTNET_GCConserveMemory", "7"),
        ("DOTNET_TieredCompilation", "0"),
        ("MALLOC_ARENA_MAX", "2"),
    ];

    private readonly IConfiguration _configuration;

    private ProductionMode(IConfiguration configuration, string secretsDirectory, string dataDirectory, Uri publicUrl, int httpsPort, GatewayCertificate certificate)
    {
        _configuration = configuration;
        SecretsDirectory = secretsDirectory;
        DataDirectory = dataDirectory;
        PublicUrl = publicUrl;
        HttpsPort = httpsPort;
        Certificate = certificate;
    }

    public string SecretsDirectory { get; }
    public string DataDirectory { get; }
    public Uri PublicUrl { get; }
    public int HttpsPort { get; }
    public GatewayCertificate Certificate { get; }

    /// <summary>The folder of certificates the platform's processes trust besides the system's (the gateway's own).</summary>
    public string TrustDirectory => Path.Combine(SecretsDirectory, "trust");

    /// <summary>
    /// Production mode when Production:Enabled is set, otherwise null. Prepares the secrets folder, the gateway's
    /// certificate and the infrastructure's folders (Infrastructure:DataDirectory and SecretsDirectory).
    /// </summary>
    public static ProductionMode? From(IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProductionOptions.Section).Get<ProductionOptions>() ?? new ProductionOptions();
        if (!options.Enabled)
        {
            return null;
        }
        var secrets = string.IsNullOrWhiteSpace(options.SecretsDirectory) ? SecretFiles.CurrentUserDirectory() : Path.GetFullPath(options.SecretsDirectory);
        SecretFiles.CreateDirectory(secrets);
        var data = string.IsNullOrWhiteSpace(builder.Configuration["Infrastructure:DataDirectory"])
            ? DefaultDataDirectory()
            : Path.GetFullPath(builder.Configuration["Infrastructure:DataDirectory"]!);
        builder.Configuration["Infrastructure:DataDirectory"] = data;
        builder.Configuration["Infrastructure:SecretsDirectory"] = secrets;

        var hostName = Dns.GetHostName();
        var httpsPort = Infrastructure.InfrastructureExtensions.PortOrFree(options.HttpsPort);
        var certificate = string.IsNullOrWhiteSpace(options.Certificate)
            ? GatewayCertificate.LoadOrCreate(Path.Combine(secrets, "tls"), hostName, GatewayCertificate.MachineAddresses(), TimeProvider.System)
            : GatewayCertificate.FromOperator(options.Certificate, string.IsNullOrWhiteSpace(options.CertificateKey) ? null : options.CertificateKey, CertificatePassword(options));
        var publicUrl = string.IsNullOrWhiteSpace(options.PublicUrl) ? new Uri($"https://{hostName}:{httpsPort}/") : new Uri(options.PublicUrl);
        var mode = new ProductionMode(builder.Configuration, secrets, data, publicUrl, httpsPort, certificate);

        // The web UI's server and the demo data loader call the gateway by its public address too: they trust its certificate.
        SecretFiles.CreateDirectory(mode.TrustDirectory);
        File.WriteAllText(Path.Combine(mode.TrustDirectory, "khuyencong-gateway.pem"), certificate.Certificate.ExportCertificatePem());
        return mode;
    }

    /// <summary>Production data: /var/lib/khuyencong for root, ~/.local/share/khuyencong for anyone else.</summary>
    public static string DefaultDataDirectory() => Environment.UserName == "root"
        ? "/var/lib/khuyencong"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "khuyencong");

    private static string? CertificatePassword(ProductionOptions options) =>
        string.IsNullOrWhiteSpace(options.CertificatePasswordFile)
            ? Environment.GetEnvironmentVariable(CertificatePasswordVariable)
            : File.ReadAllText(options.CertificatePasswordFile).TrimEnd('\r', '\n');

    /// <summary>
    /// Puts every declared process in the Production environment and makes the gateway public over HTTPS: its
    /// <c>http</c> endpoint (<paramref name="internalPort"/>) stays on the loopback for the web UI's server,
    /// <paramref name="publicHttpPort"/> redirects to HTTPS, <see cref="HttpsPort"/> serves it.
    /// </summary>
    public void Apply(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, int publicHttpPort, int internalPort)
    {
        var trust = $"{TrustDirectory}:{Environment.GetEnvironmentVariable("SSL_CERT_DIR") ?? "/etc/ssl/certs"}";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables["ASPNETCORE_ENVIRONMENT"] = "Production";
                context.EnvironmentVariables["DOTNET_ENVIRONMENT"] = "Production";
                context.EnvironmentVariables["SSL_CERT_DIR"] = trust;
                foreach (var (name, value) in RuntimeSettings)
                {
                    context.EnvironmentVariables[name] = value;
                }
                foreach (var setting in TelemetrySettings)
                {
                    if (!string.IsNullOrWhiteSpace(_configuration[setting]))
                    {
                        context.EnvironmentVariables[setting] = _configuration[setting]!;
                    }
                }
                if (project.Name == "demodata")
                {
                    // The loader signs people in as a browser does: redirects back to the registered public address.
                    context.EnvironmentVariables["Gateway"] = PublicUrl.ToString();
                }
                return Task.CompletedTask;
            }));
        }

        string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        gateway
            .WithEnvironment("Kestrel__Endpoints__Internal__Url", "http://localhost:" + Port(internalPort))
            .WithEnvironment("Kestrel__Endpoints__Public__Url", "http://*:" + Port(publicHttpPort))
            .WithEnvironment("Kestrel__Endpoints__Https__Url", "https://*:" + Port(HttpsPort))
            .WithEnvironment("Kestrel__Endpoints__Https__Certificate__Path", Certificate.Path)
            .WithEnvironment("Gateway__Https__Port", Port(HttpsPort))
            .WithEnvironment("Gateway__Https__RedirectFromPorts__0", Port(publicHttpPort))
            .WithUrl(PublicUrl.ToString(), "Public address (HTTPS)");
        if (Certificate.KeyPath is not null)
        {
            gateway.WithEnvironment("Kestrel__Endpoints__Https__Certificate__KeyPath", Certificate.KeyPath);
        }
        if (Certificate.Password is not null)
        {
            var password = builder.AddParameter("gateway-certificate-password", Certificate.Password, secret: true);
            gateway.WithEnvironment("Kestrel__Endpoints__Https__Certificate__Password", password);
        }
    }

    /// <summary>What the operator reads at start: the address, the certificate's fingerprint and how to trust it.</summary>
    public string Summary() =>
        $"""
        Production mode: {PublicUrl} (HTTP on the gateway's port redirects there)
          Secrets:     {SecretsDirectory}
          Data:        {DataDirectory}
          Certificate: {Certificate.Path}{(Certificate.Generated ? " (made for this network, self-signed)" : "")}
          SHA-256 fingerprint: {Certificate.Fingerprint}
        """ + (Certificate.Generated
            ? $"""

              To trust it on a computer, compare the fingerprint and import {Path.Combine(TrustDirectory, "khuyencong-gateway.pem")}:
                Debian/Ubuntu: sudo cp FILE /usr/local/share/ca-certificates/khuyencong.crt && sudo update-ca-certificates
                Windows: certutil -addstore -user Root FILE (or double-click it and put it in "Trusted Root Certification Authorities")
                Firefox: Settings, Certificates, View Certificates, Authorities, Import
              """
            : "");
}

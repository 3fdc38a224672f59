using System.Globalization;
using System.Text;

namespace KhuyenCong.Deploy;

/// <summary>Where and how the platform is installed on one server (the options of <c>./kc deploy systemd</c>).</summary>
public sealed record SingleServer
{
    /// <summary>The address people and API clients use (the gateway's), also the tokens' issuer.</summary>
    public Uri PublicUrl { get; init; } = new("https://khuyencong.local/");

    /// <summary>Where each service's published output lies, one folder per service (<c>/opt/khuyencong/proposals</c>).</summary>
    public string InstallRoot { get; init; } = "/opt/khuyencong";

    /// <summary>The settings and secrets folder, outside the repository and readable by root and the platform's user only.</summary>
    public string ConfigRoot { get; init; } = "/etc/khuyencong";

    /// <summary>The .NET host that runs the published assemblies.</summary>
    public string Dotnet { get; init; } = "/usr/bin/dotnet";

    /// <summary>The system account every service runs as (made by the sysusers.d file).</summary>
    public string User { get; init; } = "khuyencong";
}

/// <summary>
/// The systemd units that run the platform on one server without the AppHost: a unit per service that
/// restarts it when it stops (with a cap on how often), runs it as an unprivileged user with the usual
/// hardening, and takes its secrets from files under <see cref="SingleServer.ConfigRoot"/>; PostgreSQL and
/// RabbitMQ are the distribution's own services. A target starts and stops them all.
/// </summary>
public static class SystemdUnits
{
    public const string Target = "khuyencong.target";

    public static string UnitName(PlatformService service) => $"khuyencong-{service.Name}.service";

    /// <summary>Every file, by its name in the output folder.</summary>
    public static IReadOnlyDictionary<string, string> Generate(SingleServer server)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Target] = TargetUnit(),
            ["khuyencong.sysusers.conf"] = $"# systemd-sysusers: the account the platform's services run as.\nu {server.User} - \"KhuyenCong platform\" /var/lib/khuyencong\n",
        };
        foreach (var service in Topology.Services)
        {
            files[UnitName(service)] = ServiceUnit(service, server);
            if (HasSecrets(service))
            {
                files[$"secrets/{service.Name}.env.example"] = SecretsExample(service);
            }
        }
        return files;
    }

    /// <summary>Writes every file into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, SingleServer server)
    {
        var written = new List<string>();
        foreach (var (name, content) in Generate(server))
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            written.Add(path);
        }
        return written;
    }

    private static string TargetUnit() =>
        """
        [Unit]
        Description=KhuyenCong platform (every service)
        Wants=postgresql.service rabbitmq-server.service
        After=network-online.target postgresql.service rabbitmq-server.service

        [Install]
        WantedBy=multi-user.target

        """;

    private static string ServiceUnit(PlatformService service, SingleServer server)
    {
        var unit = new StringBuilder();
        unit.AppendLine("[Unit]")
            .AppendLine(CultureInfo.InvariantCulture, $"Description=KhuyenCong {service.Name}")
            .AppendLine("PartOf=" + Target);
        var after = new List<string> { "network-online.target" };
        if (service.Database is not null)
        {
            // Wanted, not required: a service answers 503 while its database or the broker is down and
            // carries on when they are back, rather than being stopped with them.
            string[] servers = service.UsesMessaging ? ["postgresql.service", "rabbitmq-server.service"] : ["postgresql.service"];
            unit.AppendLine("Wants=" + string.Join(' ', servers));
            after.AddRange(servers);
        }
        after.AddRange(service.Calls.Select(c => UnitName(Topology.Named(c))));
        unit.AppendLine("After=" + string.Join(' ', after))
            // At most 10 starts in 5 minutes: a service that cannot start is left failed for the operator.
            .AppendLine("StartLimitIntervalSec=300")
            .AppendLine("StartLimitBurst=10")
            .AppendLine()
            .AppendLine("[Service]")
            .AppendLine("Type=exec")
            .AppendLine(CultureInfo.InvariantCulture, $"User={server.User}")
            .AppendLine(CultureInfo.InvariantCulture, $"Group={server.User}")
            .AppendLine(CultureInfo.InvariantCulture, $"WorkingDirectory={server.InstallRoot}/{service.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"ExecStart={server.Dotnet} {server.InstallRoot}/{service.Name}/{service.Assembly}.dll");
        if (HasSecrets(service))
        {
            unit.AppendLine(CultureInfo.InvariantCulture, $"EnvironmentFile={server.ConfigRoot}/secrets/{service.Name}.env");
        }
        if (service.IsPublic)
        {
            // The certificate's key stays root's: systemd hands the service a private copy (%d, its credentials folder).
            unit.AppendLine(CultureInfo.InvariantCulture, $"LoadCredential=certificate.pem:{server.ConfigRoot}/tls/certificate.pem")
                .AppendLine(CultureInfo.InvariantCulture, $"LoadCredential=key.pem:{server.ConfigRoot}/tls/key.pem");
        }
        foreach (var (name, value) in Settings(service, server))
        {
            unit.AppendLine(CultureInfo.InvariantCulture, $"Environment=\"{name}={value}\"");
        }
        unit.AppendLine("Restart=always")
            .AppendLine("RestartSec=5")
            .AppendLine("TimeoutStopSec=30")
            // The state folder is the service's home: ASP.NET Core keeps its data-protection keys there.
            .AppendLine(CultureInfo.InvariantCulture, $"StateDirectory=khuyencong/{service.Name}")
            .AppendLine("StateDirectoryMode=0700")
            .AppendLine("UMask=0077")
            .AppendLine("NoNewPrivileges=yes")
            .AppendLine("ProtectSystem=strict")
            .AppendLine("ProtectHome=yes")
            .AppendLine("PrivateTmp=yes")
            .AppendLine("PrivateDevices=yes")
            .AppendLine("ProtectKernelTunables=yes")
            .AppendLine("ProtectKernelModules=yes")
            .AppendLine("ProtectKernelLogs=yes")
            .AppendLine("ProtectControlGroups=yes")
            .AppendLine("ProtectClock=yes")
            .AppendLine("ProtectHostname=yes")
            .AppendLine("ProtectProc=invisible")
            .AppendLine("RestrictNamespaces=yes")
            .AppendLine("RestrictRealtime=yes")
            .AppendLine("RestrictSUIDSGID=yes")
            .AppendLine("LockPersonality=yes")
            .AppendLine("RemoveIPC=yes")
            .AppendLine("SystemCallArchitectures=native")
            .AppendLine("RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK");
        // Only the gateway binds the public ports 80 and 443; no service holds any other capability.
        // (The .NET JIT writes code at run time, so MemoryDenyWriteExecute cannot be set.)
        unit.AppendLine(service.IsPublic ? "CapabilityBoundingSet=CAP_NET_BIND_SERVICE" : "CapabilityBoundingSet=")
            .AppendLine(service.IsPublic ? "AmbientCapabilities=CAP_NET_BIND_SERVICE" : "AmbientCapabilities=")
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine("WantedBy=" + Target);
        return unit.ToString();
    }

    /// <summary>
    /// The .NET runtime's settings every process runs with in production, the same as the AppHost's production mode
    /// gives (src/AppHost/Production/ProductionMode.cs): the workstation garbage collector without its background
    /// thread, compacting to keep the heap small; no tiered compilation; at most two C allocator arenas. Measured
    /// with <c>./kc bench footprint</c> (README, "Benchmarks"): the smallest resident memory of the settings compared there.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> RuntimeSettings { get; } =
    [
        ("DOTNET_gcServer", "0"),
        ("DOTNET_gcConcurrent", "0"),
        ("DOTNET_GCConserveMemory", "7"),
        ("DOTNET_TieredCompilation", "0"),
        ("MALLOC_ARENA_MAX", "2"),
    ];

    /// <summary>The settings that are not secret, written into the unit itself.</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(PlatformService service, SingleServer server)
    {
        var issuer = server.PublicUrl.ToString();
        var gatewayInside = $"http://127.0.0.1:{Topology.Named(Topology.Gateway).Port}";
        var settings = new List<(string, string)>
        {
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
            ("HOME", $"/var/lib/khuyencong/{service.Name}"),
            ("ASPNETCORE_URLS", service.IsPublic
                // The public HTTPS address, and plain HTTP on the loopback for the web UI's server.
                ? $"https://0.0.0.0:443;{gatewayInside}"
                : $"http://127.0.0.1:{service.Port}"),
        };
        settings.AddRange(RuntimeSettings);
        settings.AddRange(service.Calls.Select(c => ($"services__{c}__http__0", $"http://127.0.0.1:{Topology.Named(c).Port}")));
        switch (service.Name)
        {
            case Topology.Web:
                settings.Add(("Gateway__Url", gatewayInside));
                settings.Add(("Identity__Authority", issuer));
                break;
            case Topology.Identity:
                settings.Add(("Identity__Issuer", issuer));
                settings.Add(("Identity__RequireHttps", "true"));
                settings.Add(("Identity__AllowPasswordFlow", "false"));
                settings.Add(("Identity__Web__RedirectUris__0", $"{issuer}signin-oidc"));
                settings.Add(("Identity__Web__PostLogoutRedirectUris__0", issuer));
                settings.Add(("Identity__Web__PostLogoutRedirectUris__1", $"{issuer}signout-callback-oidc"));
                break;
            case Topology.Gateway:
                settings.Add(("Identity__Issuer", issuer));
                settings.Add(("Kestrel__Certificates__Default__Path", "%d/certificate.pem"));
                settings.Add(("Kestrel__Certificates__Default__KeyPath", "%d/key.pem"));
                break;
            default:
                settings.Add(("Identity__Issuer", issuer));
                break;
        }
        return settings;
    }

    /// <summary>Services with a database hold connection strings; Identity also the first administrator's password.</summary>
    public static bool HasSecrets(PlatformService service) => service.Database is not null;

    /// <summary>What the operator writes into <c>secrets/&lt;service&gt;.env</c> (mode 0600, owned by root).</summary>
    public static string SecretsExample(PlatformService service)
    {
        var text = new StringBuilder($"# Secrets of the {service.Name} service: copy to secrets/{service.Name}.env, fill in, chmod 600.\n");
        if (service.Database is { } database)
        {
            text.Append(CultureInfo.InvariantCulture, $"ConnectionStrings__{database}=Host=127.0.0.1;Port=5432;Database={database};Username={service.Name};Password=CHANGE-ME\n");
        }
        if (service.UsesMessaging)
        {
            text.Append(CultureInfo.InvariantCulture, $"ConnectionStrings__{Topology.Messaging}=amqp://{service.Name}:CHANGE-ME@127.0.0.1:5672/\n");
        }
        if (service.Name == Topology.Identity)
        {
            text.Append("# The first administrator's password (used once, when no administrator exists).\n")
                .Append("Identity__Admin__Password=CHANGE-ME\n");
        }
        return text.ToString();
    }
}

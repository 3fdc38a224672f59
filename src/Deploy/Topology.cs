namespace KhuyenCong.Deploy;

/// <summary>
/// One process of the platform as it is deployed: its project, the loopback port it listens on when the
/// whole platform runs on one server, the database it owns and the services it calls by name.
/// </summary>
/// <param name="Name">The service's name: its service-discovery name, its unit and its Kubernetes workload.</param>
/// <param name="Project">The project, relative to the repository's root.</param>
/// <param name="Assembly">The entry assembly's name (the published <c>.dll</c>).</param>
/// <param name="Port">The port it listens on, on 127.0.0.1, on a single server (the gateway's is public).</param>
/// <param name="Database">The PostgreSQL database it owns, or null.</param>
/// <param name="Calls">The services it reaches by name (service discovery: <c>http://identity</c>).</param>
/// <param name="Messaging">Whether it publishes or consumes integration events through RabbitMQ (every service
/// with a database but the web UI, whose database holds only its sessions and keys).</param>
public sealed record PlatformService(string Name, string Project, string Assembly, int Port, string? Database, IReadOnlyList<string> Calls,
    bool Messaging = true)
{
    /// <summary>Connected to RabbitMQ: a service with business data, which publishes or consumes integration events.</summary>
    public bool UsesMessaging => Database is not null && Messaging;

    /// <summary>Reached from outside the platform (only the gateway).</summary>
    public bool IsPublic => Name == Topology.Gateway;
}

/// <summary>
/// The platform's processes, the same as the AppHost starts (src/AppHost/AppHost.cs): seven services with a
/// database each, the web UI (with a database for its sessions) and the gateway. Deployment outputs (systemd units,
/// the Kubernetes manifests' checks) are made from this list, so a service added here is deployed everywhere.
/// </summary>
public static class Topology
{
    public const string Gateway = "gateway";
    public const string Web = "web";
    public const string Identity = "identity";

    /// <summary>The RabbitMQ connection's name (<c>ConnectionStrings__messaging</c>).</summary>
    public const string Messaging = "messaging";

    private static readonly string[] BusinessServices = ["proposals", "training", "fairs", "products", "reporting", "notifications"];

    public static IReadOnlyList<PlatformService> Services { get; } =
    [
        new("proposals", "src/Services/Proposals", "KhuyenCong.Proposals", 5101, "proposalsdb", [Identity]),
        new("training", "src/Services/Training", "KhuyenCong.Training", 5102, "trainingdb", [Identity]),
        new("fairs", "src/Services/Fairs", "KhuyenCong.Fairs", 5103, "fairsdb", [Identity]),
        new("products", "src/Services/Products", "KhuyenCong.Products", 5104, "productsdb", [Identity]),
        // Reporting asks the owning services for their figures when an administrator reconciles.
        new("reporting", "src/Services/Reporting", "KhuyenCong.Reporting", 5105, "reportingdb", [Identity, "proposals", "training", "fairs", "products"]),
        new("notifications", "src/Services/Notifications", "KhuyenCong.Notifications", 5106, "notificationsdb", [Identity]),
        new(Identity, "src/Services/Identity", "KhuyenCong.Identity", 5107, "identitydb", []),
        // The web UI's database keeps its sessions and data-protection keys, shared by its instances.
        new(Web, "src/Web", "KhuyenCong.Web", 5110, "webdb", [], Messaging: false),
        new(Gateway, "src/Gateway", "KhuyenCong.Gateway", 8080, null, [.. BusinessServices, Identity, Web]),
    ];

    /// <summary>Every database, one per service that owns data.</summary>
    public static IReadOnlyList<string> Databases { get; } = [.. Services.Where(s => s.Database is not null).Select(s => s.Database!)];

    public static PlatformService Named(string name) =>
        Services.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service is named '{name}'.", nameof(name));
}

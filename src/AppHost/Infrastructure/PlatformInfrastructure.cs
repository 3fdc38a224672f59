namespace KhuyenCong.AppHost.Infrastructure;

/// <summary>The databases and the message broker that services reference, whichever mode provides them.</summary>
public sealed class PlatformInfrastructure(
    InfrastructureMode mode,
    IResourceBuilder<IResourceWithConnectionString> messaging,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> databases)
{
    public InfrastructureMode Mode { get; } = mode;
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; } = messaging;

    /// <summary>The nodes of the broker when it is a cluster (<see cref="InfrastructureOptions.RabbitMqClusterNodes"/>).</summary>
    public IReadOnlyList<string> MessagingNodes { get; init; } = [];

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
        databases.TryGetValue(name, out var database)
            ? database
            : throw new ArgumentException($"No database named '{name}' is declared.", nameof(name));
}

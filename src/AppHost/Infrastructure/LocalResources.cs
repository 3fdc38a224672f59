namespace KhuyenCong.AppHost.Infrastructure;

/// <summary>The installed PostgreSQL server, run by the AppHost as an executable.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public string ServerConnectionString { get; } = connectionString;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ServerConnectionString}");
}

/// <summary>One service's database on the local PostgreSQL server; created when the server is ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public LocalPostgresResource Parent { get; } = parent;
    public string DatabaseName { get; } = name;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent.ServerConnectionString};Database={DatabaseName}");
}

/// <summary>The installed RabbitMQ server, run by the AppHost as an executable.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public string BrokerConnectionString { get; } = connectionString;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{BrokerConnectionString}");
}

/// <summary>A RabbitMQ broker the AppHost does not run (<see cref="InfrastructureOptions.ExternalRabbitMq"/>).</summary>
public sealed class ExternalRabbitMqResource(string name, string connectionString)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string BrokerConnectionString { get; } = connectionString;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{BrokerConnectionString}");
}

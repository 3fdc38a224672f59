namespace KhuyenCong.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, otherwise local.</summary>
    Auto,
    /// <summary>PostgreSQL and RabbitMQ as containers with data volumes.</summary>
    Containers,
    /// <summary>The machine's installed PostgreSQL and RabbitMQ run as executable resources.</summary>
    Local,
}

/// <summary>The "Infrastructure" configuration section. A port of 0 means "pick a free one".</summary>
public sealed class InfrastructureOptions
{
    public InfrastructureMode Mode { get; set; } = InfrastructureMode.Auto;
    /// <summary>Where local servers keep their data; empty means ".data" at the repository root.</summary>
    public string DataDirectory { get; set; } = "";
    /// <summary>Where the passwords are kept (production: the secrets folder); empty means beside the data.</summary>
    public string SecretsDirectory { get; set; } = "";
    public int PostgresPort { get; set; } = 54329;
    public int RabbitMqPort { get; set; } = 56729;
    public int RabbitMqDistributionPort { get; set; } = 56739;
    /// <summary>The RabbitMQ management UI; a negative port turns the plugin off.</summary>
    public int RabbitMqManagementPort { get; set; } = 15679;
    /// <summary>
    /// A RabbitMQ broker run elsewhere (amqp://user:password@host:port/), used instead of starting a local node,
    /// e.g. a cluster started by eng/infra/rabbitmq-cluster.sh.
    /// </summary>
    public string ExternalRabbitMq { get; set; } = "";
    /// <summary>The nodes ("host:port") of that broker when it is a cluster; the services move between them.</summary>
    public List<string> RabbitMqClusterNodes { get; set; } = [];
    /// <summary>Extra PostgreSQL settings (name=value), e.g. fsync=off for throwaway test servers.</summary>
    public List<string> PostgresSettings { get; set; } = [];
}

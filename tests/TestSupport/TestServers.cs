using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace KhuyenCong.TestSupport;

/// <summary>
/// A real PostgreSQL server for integration tests: the one named by KC_TEST_POSTGRES (started by
/// <c>./kc test</c>), otherwise a throwaway Testcontainers container.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private PostgreSqlContainer? _container;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("KC_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }
        _container = new PostgreSqlBuilder("postgres:15").Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    /// <summary>
    /// A connection string to a database of its own (created by the first migration). Its pool closes idle
    /// connections after a few seconds: a suite starts hundreds of hosts, each on its own database, and the
    /// pools of finished ones must not hold the server's connection slots until the default five minutes pass.
    /// </summary>
    public string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)],
            ConnectionIdleLifetime = 3,
            ConnectionPruningInterval = 1,
        }.ConnectionString;

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary>
/// A real RabbitMQ broker for integration tests: the one named by KC_TEST_RABBITMQ (an amqp:// URI
/// started by <c>./kc test</c>), otherwise a throwaway Testcontainers container.
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private RabbitMqContainer? _container;

    public string ConnectionString { get; private set; } = "";
    public Uri Address => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("KC_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }
        _container = new RabbitMqBuilder("rabbitmq:3-management").Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    /// <summary>The same broker reached through another host and port (e.g. a <see cref="TcpGate"/>).</summary>
    public string ConnectionStringThrough(int port) =>
        new UriBuilder(Address) { Host = "127.0.0.1", Port = port }.Uri.ToString();

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary>
/// The servers a test assembly's "servers" collection shares. xUnit reads collection definitions from the
/// test assembly only, so each declares <c>[CollectionDefinition(Name)] ServersCollection : TestServersCollection;</c>.
/// </summary>
public abstract class TestServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "servers";
}

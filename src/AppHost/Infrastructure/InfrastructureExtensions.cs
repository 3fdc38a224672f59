using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using KhuyenCong.AppHost.Production;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace KhuyenCong.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>
    /// Declares one PostgreSQL server with the given databases and one RabbitMQ broker named
    /// "messaging", as containers or as the machine's installed servers (see docs/architecture.md).
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder, params string[] databaseNames)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var mode = options.Mode == InfrastructureMode.Auto
            ? (ContainerRuntimeAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local)
            : options.Mode;
        Console.WriteLine($"Infrastructure mode: {mode.ToString().ToLowerInvariant()}");

        return mode == InfrastructureMode.Containers
            ? AddContainers(builder, databaseNames)
            : AddLocal(builder, options, databaseNames);
    }

    /// <summary>
    /// The identity service's secrets as secret parameters: the first administrator's password and the
    /// demo data loader's client secret. Each comes from the AppHost's configuration
    /// (<c>Parameters:admin-password</c>, <c>Parameters:demodata-client-secret</c>) when set there, otherwise
    /// it is made once and kept in <c>.data/local-secrets</c> (lines 3 and 4), so a run needs no prompt.
    /// </summary>
    public static (IResourceBuilder<ParameterResource> AdminPassword, IResourceBuilder<ParameterResource> DemoDataClientSecret) AddIdentitySecrets(
        this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var secrets = LocalSecrets.LoadOrCreate(SecretsDirectory(builder, options));
        return (Parameter("admin-password", secrets.AdminPassword), Parameter("demodata-client-secret", secrets.DemoDataClientSecret));

        IResourceBuilder<ParameterResource> Parameter(string name, string kept) =>
            string.IsNullOrEmpty(builder.Configuration[$"Parameters:{name}"])
                ? builder.AddParameter(name, kept, secret: true)
                : builder.AddParameter(name, secret: true);
    }

    private static string RepositoryRoot(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));

    private static string DataDirectory(IDistributedApplicationBuilder builder, InfrastructureOptions options)
    {
        var dataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory)
            ? Path.Combine(RepositoryRoot(builder), ".data")
            : Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        return dataDirectory;
    }

    /// <summary>Where the passwords are kept: Infrastructure:SecretsDirectory (production), otherwise beside the data.</summary>
    private static string SecretsDirectory(IDistributedApplicationBuilder builder, InfrastructureOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SecretsDirectory))
        {
            return DataDirectory(builder, options);
        }
        SecretFiles.CreateDirectory(options.SecretsDirectory);
        return options.SecretsDirectory;
    }

    /// <summary>References a service's database and the broker, and starts the service only once both are ready.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformInfrastructure(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, string databaseName)
    {
        var database = infrastructure.Database(databaseName);
        service
            .WithReference(database).WaitFor(database)
            .WithReference(infrastructure.Messaging).WaitFor(infrastructure.Messaging);
        for (var index = 0; index < infrastructure.MessagingNodes.Count; index++)
        {
            service.WithEnvironment($"Messaging__ClusterNodes__{index}", infrastructure.MessagingNodes[index]);
        }
        return service;
    }

    private static PlatformInfrastructure AddContainers(IDistributedApplicationBuilder builder, string[] databaseNames)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin().WithDataVolume();
        var databases = databaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        return new PlatformInfrastructure(InfrastructureMode.Containers, messaging, databases);
    }

    private static PlatformInfrastructure AddLocal(IDistributedApplicationBuilder builder, InfrastructureOptions options, string[] databaseNames)
    {
        var scripts = Path.Combine(RepositoryRoot(builder), "eng", "infra");
        var dataDirectory = DataDirectory(builder, options);
        var secrets = LocalSecrets.LoadOrCreate(SecretsDirectory(builder, options));

        var postgresPort = PortOrFree(options.PostgresPort);
        var postgresConnection = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={secrets.PostgresPassword}";
        var postgres = builder
            .AddResource(new LocalPostgresResource("postgres", "/bin/bash", scripts, postgresConnection))
            .WithArgs([Path.Combine(scripts, "postgres.sh"), Path.Combine(dataDirectory, "postgres"), postgresPort.ToString(), .. options.PostgresSettings])
            .WithEnvironment("KC_PG_PASSWORD", secrets.PostgresPassword)
            .WithHealthCheck(AddHealthCheck(builder, "postgres-ready", ct => PostgresAnswersAsync(postgresConnection, ct)));

        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        foreach (var name in databaseNames)
        {
            databases[name] = builder
                .AddResource(new LocalPostgresDatabaseResource(name, postgres.Resource))
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = "PostgresDatabase",
                    State = KnownResourceStates.Waiting,
                    Properties = [],
                })
                .WithParentRelationship(postgres);
        }

        builder.Eventing.Subscribe<ResourceReadyEvent>(postgres.Resource, async (ready, cancellationToken) =>
        {
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in databases.Values.Select(d => (LocalPostgresDatabaseResource)d.Resource))
            {
                await CreateDatabaseIfMissingAsync(postgresConnection, database.DatabaseName, cancellationToken);
                await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Running });
            }
        });

        if (!string.IsNullOrWhiteSpace(options.ExternalRabbitMq))
        {
            var external = builder
                .AddResource(new ExternalRabbitMqResource("messaging", options.ExternalRabbitMq))
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = "RabbitMQ",
                    State = KnownResourceStates.Running,
                    Properties = [],
                })
                .WithHealthCheck(AddHealthCheck(builder, "messaging-ready", ct => RabbitMqAnswersAsync(options.ExternalRabbitMq, ct, options.RabbitMqClusterNodes)));
            return new PlatformInfrastructure(InfrastructureMode.Local, external, databases) { MessagingNodes = options.RabbitMqClusterNodes };
        }

        var rabbitPort = PortOrFree(options.RabbitMqPort);
        var distributionPort = PortOrFree(options.RabbitMqDistributionPort);
        var managementPort = options.RabbitMqManagementPort < 0 ? (int?)null : PortOrFree(options.RabbitMqManagementPort);
        var rabbitConnection = $"amqp://kc:{secrets.RabbitMqPassword}@127.0.0.1:{rabbitPort}/";
        List<string> rabbitArgs = [Path.Combine(scripts, "rabbitmq.sh"), Path.Combine(dataDirectory, "rabbitmq"), rabbitPort.ToString(), distributionPort.ToString()];
        if (managementPort is not null)
        {
            rabbitArgs.Add(managementPort.Value.ToString());
        }
        var messaging = builder
            .AddResource(new LocalRabbitMqResource("messaging", "/bin/bash", scripts, rabbitConnection))
            .WithArgs([.. rabbitArgs])
            .WithEnvironment("KC_RABBITMQ_PASSWORD", secrets.RabbitMqPassword)
            .WithHealthCheck(AddHealthCheck(builder, "messaging-ready", ct => RabbitMqAnswersAsync(rabbitConnection, ct)));
        if (managementPort is not null)
        {
            var managementUrl = $"http://127.0.0.1:{managementPort}";
            messaging.WithUrl(managementUrl, "RabbitMQ management (user kc)");
        }

        return new PlatformInfrastructure(InfrastructureMode.Local, messaging, databases);
    }

    private static string AddHealthCheck(IDistributedApplicationBuilder builder, string name, Func<CancellationToken, Task> probe)
    {
        builder.Services.AddHealthChecks().AddAsyncCheck(name, async cancellationToken =>
        {
            try
            {
                await probe(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return name;
    }

    private static async Task PostgresAnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Whether the broker answers; of a cluster, any one of its nodes.</summary>
    private static async Task RabbitMqAnswersAsync(string connectionString, CancellationToken cancellationToken, IReadOnlyList<string>? nodes = null)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
        if (nodes is { Count: > 0 })
        {
            await using var any = await factory.CreateConnectionAsync(nodes.Select(AmqpTcpEndpoint.Parse).ToList(), cancellationToken);
            return;
        }
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    }

    private static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Names come from the AppHost's own list, never from input.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The given port, or a free one on 127.0.0.1 when it is 0.</summary>
    public static int PortOrFree(int port)
    {
        if (port > 0)
        {
            return port;
        }
        // A port is chosen now and bound later by the process it is for. One from the kernel's ephemeral range
        // (what port 0 gives) may meanwhile become the local end of some outgoing connection, and the bind then
        // fails; so the choice is made just below that range, where the kernel never places a client socket.
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = Random.Shared.Next(Math.Max(1024, below - 12_000), below);
            lock (Chosen)
            {
                if (!Chosen.Add(candidate))
                {
                    continue;
                }
            }
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The ports this AppHost has handed out, so that no two resources get the same one.</summary>
    private static readonly HashSet<int> Chosen = [];

    /// <summary>The first port of the kernel's ephemeral range (32768 unless configured otherwise).</summary>
    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], out var start) && start > 2048 ? start : 32768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }

    /// <summary>Whether a container engine answers (Docker or Podman), within a few seconds.</summary>
    private static bool ContainerRuntimeAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0 && process.StandardOutput.ReadToEnd().Trim().Length > 0;
        }
        catch (Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// Passwords of the local servers and the identity service's secrets, made once and kept beside the
/// data (git-ignored), one a line: PostgreSQL, RabbitMQ, the first administrator (user admin), the demo
/// data loader's client secret. A file of an older run gets the missing lines appended.
/// </summary>
internal sealed record LocalSecrets(string PostgresPassword, string RabbitMqPassword, string AdminPassword, string DemoDataClientSecret)
{
    public static LocalSecrets LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "local-secrets");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        if (lines.Count >= 4)
        {
            return new LocalSecrets(lines[0], lines[1], lines[2], lines[3]);
        }
        Func<string>[] makers = [NewPassword, NewPassword, NewAdminPassword, NewPassword];
        lines.AddRange(makers.Skip(lines.Count).Select(make => make()));
        SecretFiles.Write(path, string.Join('\n', lines) + "\n");
        return new LocalSecrets(lines[0], lines[1], lines[2], lines[3]);
    }

    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // The identity service's password policy asks for upper and lower case letters and a digit.
    private static string NewAdminPassword() => $"Kc-{NewPassword()}-9";
}

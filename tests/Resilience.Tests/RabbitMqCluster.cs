using System.Diagnostics;
using System.Security.Cryptography;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// Three RabbitMQ nodes of Debian's rabbitmq-server on this machine, joined in one cluster by
/// eng/infra/rabbitmq-cluster.sh; each node's data in a throwaway directory.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private readonly DirectoryInfo _data;
    private readonly string[] _nodes;

    private RabbitMqCluster(DirectoryInfo data, int[] ports, string password)
    {
        _data = data;
        Ports = ports;
        Password = password;
        _nodes = [.. ports.Select(port => $"kc-{port}@localhost")];
    }

    /// <summary>The AMQP ports of nodes 1, 2 and 3.</summary>
    public IReadOnlyList<int> Ports { get; }

    public string Password { get; }

    /// <summary>The AMQP address of node 1 (user kc).</summary>
    public string ConnectionString => $"amqp://kc:{Password}@127.0.0.1:{Ports[0]}/";

    /// <summary>Every node, as the services' <c>Messaging:ClusterNodes</c> (and the AppHost's <c>Infrastructure:RabbitMqClusterNodes</c>) list them.</summary>
    public IEnumerable<string> Nodes => Ports.Select(port => $"127.0.0.1:{port}");

    public static async Task<RabbitMqCluster> StartAsync(DirectoryInfo data)
    {
        var ports = Enumerable.Range(0, 6).Select(_ => KhuyenCong.AppHost.Infrastructure.InfrastructureExtensions.PortOrFree(0)).ToArray();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var cluster = new RabbitMqCluster(data, [ports[0], ports[2], ports[4]], password);
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "eng", "infra", "rabbitmq-cluster.sh"),
            [data.FullName, .. ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KC_RABBITMQ_PASSWORD"] = password;
        var (code, text) = await RunAsync(start);
        return code == 0 ? cluster : throw new InvalidOperationException($"The cluster did not start: {text}");
    }

    /// <summary>The node (1, 2 or 3) leading the most quorum queues, and how many queues each node leads.</summary>
    public async Task<(int Node, IReadOnlyDictionary<int, int> Leaders)> LeadingNodeAsync(int askNode)
    {
        var (code, text) = await CtlAsync(askNode, "list_queues", "name", "type", "leader", "--no-table-headers");
        if (code != 0)
        {
            throw new InvalidOperationException($"list_queues failed: {text}");
        }
        var leaders = Enumerable.Range(1, 3).ToDictionary(n => n, _ => 0);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length == 3 && columns[1] == "quorum" && Array.IndexOf(_nodes, columns[2]) is var index and >= 0)
            {
                leaders[index + 1]++;
            }
        }
        return (leaders.MaxBy(l => l.Value).Key, leaders);
    }

    /// <summary>The queues of the given type (name → type), as node <paramref name="askNode"/> lists them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync(int askNode)
    {
        var (_, text) = await CtlAsync(askNode, "list_queues", "name", "type", "--no-table-headers");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 2).ToDictionary(c => c[0], c => c[1]);
    }

    /// <summary>Every queue with its type, leader, ready and unacknowledged messages and consumers, as node <paramref name="askNode"/> lists them.</summary>
    public async Task<string> QueueStateAsync(int askNode)
    {
        var (_, text) = await CtlAsync(askNode, "list_queues", "name", "type", "leader", "messages_ready", "messages_unacknowledged", "consumers");
        return text;
    }

    /// <summary>SIGKILL of node <paramref name="node"/>'s Erlang VM, as a crash of its machine would end it.</summary>
    public void Kill(int node)
    {
        using var process = Process.GetProcessById(ProcessOf(node));
        process.Kill();
    }

    private int ProcessOf(int node) =>
        int.Parse(File.ReadAllText(Path.Combine(_data.FullName, $"node-{node}", "rabbitmq.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private Task<(int, string)> CtlAsync(int node, params string[] arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "setpriv" : "/usr/lib/rabbitmq/bin/rabbitmqctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (root)
        {
            foreach (var argument in new[] { "--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "--", "/usr/lib/rabbitmq/bin/rabbitmqctl" })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in new[] { "-q", "-n", _nodes[node - 1] }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["HOME"] = Path.Combine(_data.FullName, $"node-{node}", "home");
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        return RunAsync(start);
    }

    private static async Task<(int, string)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KhuyenCong.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (KhuyenCong.sln) was not found.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Range(1, 3))
        {
            try
            {
                using var process = Process.GetProcessById(ProcessOf(node));
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
            {
                // Killed by the test, or never started.
            }
        }
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

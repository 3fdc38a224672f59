using System.Diagnostics;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// The platform on a three-node RabbitMQ cluster: its queues are quorum queues, so when the node leading them
/// dies during approvals the others elect new leaders, the services reconnect to them, and every approval is
/// still counted once.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Services = ["proposals", "training", "fairs", "products", "reporting", "identity", "notifications"];
    private RabbitMqCluster _cluster = null!;
    private RunningPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        _cluster = await RabbitMqCluster.StartAsync(LocalPlatform.NewDataDirectory("kc-rabbitmq-cluster-"));
        output.WriteLine($"cluster of nodes on {string.Join(", ", _cluster.Ports)} running after {started.Elapsed.TotalSeconds:0} s");
        try
        {
            _platform = await RunningPlatform.StartAsync(Services,
            [
                $"--Infrastructure:ExternalRabbitMq={_cluster.ConnectionString}",
                .. _cluster.Nodes.Select((node, index) => $"--Infrastructure:RabbitMqClusterNodes:{index}={node}"),
            ]);
        }
        catch
        {
            await _cluster.DisposeAsync();
            _cluster = null!;
            throw;
        }
    }

    [Fact]
    public async Task Approvals_while_the_node_leading_the_queues_is_killed_are_counted_once()
    {
        const int year = 2012;
        const int approvals = 100;
        const int killAfter = 30;
        var council = await _platform.Accounts.CouncilAsync();

        var queues = await _cluster.QueueTypesAsync(1);
        var serviceQueues = queues.Where(q => q.Key.StartsWith("reporting-", StringComparison.Ordinal) && !q.Key.EndsWith("_error", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(serviceQueues);
        Assert.All(serviceQueues, q => Assert.Equal("quorum", q.Value));
        var (leader, leaders) = await _cluster.LeadingNodeAsync(1);
        output.WriteLine($"{queues.Count} queues, quorum queues led by node: {string.Join(", ", leaders.Select(l => $"{l.Key}: {l.Value}"))}");

        var elapsed = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var afterKill = TimeSpan.Zero;
        for (var i = 0; i < approvals; i++)
        {
            var took = Stopwatch.StartNew();
            if (i == killAfter)
            {
                _cluster.Kill(leader);
                output.WriteLine($"node {leader} (port {_cluster.Ports[leader - 1]}) killed after {killAfter} approvals, {elapsed.Elapsed.TotalSeconds:0} s");
            }
            await _platform.ApprovedProposalAsync(year, council);
            if (i == killAfter)
            {
                afterKill = took.Elapsed;
            }
            slowest = took.Elapsed > slowest ? took.Elapsed : slowest;
        }
        output.WriteLine($"{approvals} approvals in {elapsed.Elapsed.TotalSeconds:0} s; the first after the kill took {afterKill.TotalSeconds:0.0} s, the slowest {slowest.TotalSeconds:0.0} s; {SendAgain.Repeated} requests were sent again");
        var survivor = leader == 1 ? 2 : 1;
        var (_, newLeaders) = await _cluster.LeadingNodeAsync(survivor);
        output.WriteLine($"quorum queues now led by node: {string.Join(", ", newLeaders.Select(l => $"{l.Key}: {l.Value}"))}");

        var counted = Stopwatch.StartNew();
        if (!await Eventually.TrueWithin(TimeSpan.FromMinutes(3), async () => (await _platform.SummaryAsync(year)).GetProperty("proposals").GetInt32() >= approvals))
        {
            Assert.Fail($"Reporting counted {(await _platform.SummaryAsync(year)).GetProperty("proposals").GetInt32()} of {approvals} approvals; "
                + $"the proposals outbox: {await _platform.OutboxStateAsync("proposalsdb")}; the queues:\n{await _cluster.QueueStateAsync(survivor)}");
        }
        output.WriteLine($"Reporting counted {approvals} within {counted.Elapsed.TotalSeconds:0.0} s of the last approval");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var summary = await _platform.SummaryAsync(year);
        Assert.Equal(approvals, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(approvals * 100_000_000L, summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal(0, newLeaders[leader]);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

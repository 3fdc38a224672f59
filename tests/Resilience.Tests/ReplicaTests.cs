using System.Diagnostics;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// The platform with two instances of every service (<c>--Replicas=2</c>): the gateway balances over both, and
/// with one instance of each killed during approvals every approval is still counted once.
/// </summary>
public sealed class ReplicaTests(ReplicaTests.Platform platform, ITestOutputHelper output) : IClassFixture<ReplicaTests.Platform>
{
    private static readonly string[] Services = ["proposals", "training", "fairs", "products", "reporting", "identity", "notifications"];

    /// <summary>A request each service answers (whatever the answer, the instance names itself).</summary>
    private static readonly Dictionary<string, string> Probes = new()
    {
        ["proposals"] = "/api/proposals",
        ["training"] = "/api/training/courses",
        ["fairs"] = "/api/fairs",
        ["products"] = "/api/products/competitions",
        ["reporting"] = "/api/reports/summary?fromYear=2020&toYear=2020",
        ["notifications"] = "/api/notifications/tasks/count",
        ["identity"] = "/api/users/me",
    };

    [Fact]
    public async Task Requests_through_the_gateway_reach_both_instances_of_every_service()
    {
        var gateway = platform.Running.Gateway;
        foreach (var service in Services)
        {
            var servedBy = new Dictionary<string, int>();
            for (var i = 0; i < 8; i++)
            {
                using var answer = await gateway.GetAsync(Probes[service]);
                Assert.True((int)answer.StatusCode < 500, $"{service}: {answer.StatusCode}");
                var instance = answer.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : "(none)";
                servedBy[instance] = servedBy.GetValueOrDefault(instance) + 1;
            }
            output.WriteLine($"{service}: {string.Join(", ", servedBy.Select(s => $"{s.Key} {s.Value}"))}");
            Assert.Equal([service, $"{service}-2"], servedBy.Keys.Order());
        }
    }

    [Fact]
    public async Task Approvals_while_one_instance_of_every_service_is_killed_are_counted_once()
    {
        const int year = 2011;
        const int approvals = 60;
        const int killAfter = 20;
        var running = platform.Running;
        var council = await running.Accounts.CouncilAsync();

        var elapsed = Stopwatch.StartNew();
        var killed = new Dictionary<string, int>();
        for (var i = 0; i < approvals; i++)
        {
            if (i == killAfter)
            {
                // SIGKILL of the service process itself (not only of its launcher), the second instance of half the
                // services and the first of the others.
                foreach (var (service, index) in Services.Select((s, index) => (s, index)))
                {
                    var instance = index % 2 == 0 ? $"{service}-2" : service;
                    var pid = await running.ServiceProcessAsync(instance);
                    Process.GetProcessById(pid).Kill();
                    killed[instance] = pid;
                }
                output.WriteLine($"killed {string.Join(", ", killed.Select(k => $"{k.Key} ({k.Value})"))} after {killAfter} approvals, {elapsed.Elapsed.TotalSeconds:0} s");
            }
            await running.ApprovedProposalAsync(year, council);
        }
        output.WriteLine($"{approvals} approvals made in {elapsed.Elapsed.TotalSeconds:0} s; {SendAgain.Repeated} requests were sent again");
        foreach (var (instance, pid) in killed)
        {
            var replacement = await running.ServiceProcessAsync(instance, other: pid);
            output.WriteLine($"{instance}: process {pid} killed, {replacement} running");
        }

        var counted = Stopwatch.StartNew();
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromMinutes(3), async () => (await running.SummaryAsync(year)).GetProperty("proposals").GetInt32() >= approvals),
            "the approvals did not all reach Reporting");
        output.WriteLine($"Reporting counted {approvals} within {counted.Elapsed.TotalSeconds:0.0} s of the last approval");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var summary = await running.SummaryAsync(year);
        Assert.Equal(approvals, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(approvals * 100_000_000L, summary.GetProperty("stateSupport").GetInt64());
    }

    public sealed class Platform : IAsyncLifetime
    {
        public RunningPlatform Running { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Running = await RunningPlatform.StartAsync(Services.SelectMany(s => new[] { s, $"{s}-2" }), "--Replicas=2");

        public async Task DisposeAsync()
        {
            if (Running is not null)
            {
                await Running.DisposeAsync();
            }
        }
    }
}

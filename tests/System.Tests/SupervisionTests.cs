using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The AppHost keeps the services running: a killed service is started again, a hung one restarted, one an
/// operator stops stays stopped (tests/Deploy.Tests/LifecycleTrackerTests); what a service missed while it was down is consumed once when it is back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisionTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string TaxCode = "5701234566";

    [Fact]
    public async Task A_killed_service_is_started_again_within_10_s_and_counts_what_it_missed_once()
    {
        const int year = 2010;
        const int approvals = 10;
        await platform.DemoDataLoadedAsync();
        var before = await RunningProcessAsync("reporting");

        Process.GetProcessById(before).Kill();
        var killedAt = Stopwatch.StartNew();
        // Approvals made while Reporting is down wait in its queue.
        for (var i = 0; i < approvals; i++)
        {
            await ApprovedProposalAsync(year);
        }
        var after = await RunningProcessAsync("reporting", other: before);
        output.WriteLine($"reporting: process {before} killed, process {after} running {killedAt.Elapsed.TotalSeconds:0.0} s later");
        // A started process listens a moment later; the gateway sends readers to it once it answers its health check.
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("reporting");

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(90), async () => (await SummaryAsync(year)).GetProperty("proposals").GetInt32() >= approvals),
            "the approvals made while Reporting was down did not all reach it");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var summary = await SummaryAsync(year);
        Assert.Equal(approvals, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(approvals * 100_000_000L, summary.GetProperty("stateSupport").GetInt64());
    }

    [Fact]
    public async Task A_service_that_was_killed_is_running_again_within_10_s()
    {
        await platform.DemoDataLoadedAsync();
        var before = await RunningProcessAsync("fairs");

        Process.GetProcessById(before).Kill();
        var killedAt = Stopwatch.StartNew();
        await RunningProcessAsync("fairs", other: before, within: TimeSpan.FromSeconds(10));
        output.WriteLine($"fairs: running again {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("fairs");
    }

    [Fact]
    public async Task A_hung_service_is_restarted()
    {
        await platform.DemoDataLoadedAsync();
        var before = await RunningProcessAsync("training");

        // SIGSTOP: the process is there but answers nothing, as a service stuck in a deadlock.
        Assert.Equal(0, Signal(before, "STOP"));
        var hungAt = Stopwatch.StartNew();
        try
        {
            var after = await RunningProcessAsync("training", other: before, within: TimeSpan.FromSeconds(60));
            output.WriteLine($"training: hung process {before} replaced by {after} {hungAt.Elapsed.TotalSeconds:0.0} s later");
        }
        finally
        {
            Signal(before, "CONT");
        }
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("training");
    }

    private Task<int> RunningProcessAsync(string resource, int? other = null, TimeSpan? within = null) =>
        ServiceProcesses.RunningAsync(platform.App.ResourceNotifications, resource, other, within ?? TimeSpan.FromSeconds(60));

    private static int Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private async Task ApprovedProposalAsync(int year)
    {
        var journey = new ProposalJourney(platform.Gateway) { Council = await platform.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(TaxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, 100_000_000, 700_000_000, unit: "van-don"));
        await journey.ApproveAsync(id, 100_000_000, "2019-05-02");
    }

    private async Task<JsonElement> SummaryAsync(int year) =>
        await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/summary?fromYear={year}&toYear={year}");
}

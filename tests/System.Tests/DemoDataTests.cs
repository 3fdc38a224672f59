using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using KhuyenCong.DemoData;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KhuyenCong.SystemTests;

[Collection(PlatformCollection.Name)]
public sealed class DemoDataTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task The_demo_data_loaded_through_the_gateway_reproduces_the_2014_2020_figures_and_a_second_run_adds_nothing()
    {
        Assert.Equal(0, await platform.DemoDataLoadedAsync());

        async Task<JsonElement> Summary() => await Gateway.GetFromJsonAsync<JsonElement>("/api/reports/summary?fromYear=2014&toYear=2020");
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () => (await Summary()).GetProperty("proposals").GetInt32() == 115),
            "the demo proposals never all reached reporting");
        var summary = await Summary();
        Assert.Equal(14_953_000_000, summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal(105_047_000_000, summary.GetProperty("ownCapital").GetInt64());
        Assert.Equal(120_000_000_000, summary.GetProperty("totalBudget").GetInt64());
        Assert.Equal("1 : 7,03", summary.GetProperty("leverageText").GetString());

        var loaded = await DemoCountsAsync();
        Assert.Equal(new DemoCounts(DemoPlan.Proposals.Count, TrainingPlan.Courses.Count, FairsPlan.Fairs.Count, ProductsPlan.Competitions.Count), loaded.Records);
        Assert.Equal(TrainingPlan.Courses.Count, loaded.CoursesCompleted);
        Assert.Equal(FairsPlan.Fairs.Count, loaded.FairsClosedOrCancelled);
        Assert.Equal(ProductsPlan.Competitions.Count, loaded.CompetitionsClosed);

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        using var admin = platform.Accounts.ClientFor(TestUser.Admin);
        await new DemoLoader(Gateway, admin, Gateway.BaseAddress!, NullLogger<DemoLoader>.Instance, TimeProvider.System).LoadAsync(patience.Token);

        Assert.Equal(loaded, await DemoCountsAsync());
    }

    private sealed record DemoCounts(int Proposals, int Courses, int Fairs, int Competitions);

    private sealed record DemoState(DemoCounts Records, int CoursesCompleted, int FairsClosedOrCancelled, int CompetitionsClosed);

    /// <summary>What the demo years hold; other tests use other years, so these counts are the demo data's alone.</summary>
    private async Task<DemoState> DemoCountsAsync()
    {
        int proposals = 0, courses = 0, completed = 0, fairs = 0, ended = 0, competitions = 0, closed = 0;
        for (var year = 2014; year <= 2025; year++)
        {
            proposals += await TotalAsync($"/api/proposals?year={year}&pageSize=1");
            courses += await TotalAsync($"/api/training/courses?year={year}&pageSize=1");
            completed += await TotalAsync($"/api/training/courses?year={year}&status=Completed&pageSize=1");
            fairs += await TotalAsync($"/api/fairs?year={year}&pageSize=1");
            ended += await TotalAsync($"/api/fairs?year={year}&status=Closed&pageSize=1") + await TotalAsync($"/api/fairs?year={year}&status=Cancelled&pageSize=1");
            competitions += await TotalAsync($"/api/products/competitions?year={year}&pageSize=1");
            closed += await TotalAsync($"/api/products/competitions?year={year}&status=Closed&pageSize=1");
        }
        return new DemoState(new DemoCounts(proposals, courses, fairs, competitions), completed, ended, closed);
    }

    private async Task<int> TotalAsync(string path) => (await Gateway.GetFromJsonAsync<JsonElement>(path)).GetProperty("total").GetInt32();
}

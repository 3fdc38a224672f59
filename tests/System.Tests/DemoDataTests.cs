using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

[Collection(PlatformCollection.Name)]
public sealed class DemoDataTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_demo_data_loaded_through_the_gateway_reproduces_the_2014_2020_figures()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var finished = await platform.App.ResourceNotifications.WaitForResourceAsync(
            "demodata", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, patience.Token);
        Assert.Equal(0, finished.Snapshot.ExitCode);

        async Task<JsonElement> Summary() => await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/reports/summary?fromYear=2014&toYear=2020");
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () => (await Summary()).GetProperty("proposals").GetInt32() == 115),
            "the demo proposals never all reached reporting");
        var summary = await Summary();
        Assert.Equal(14_953_000_000, summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal(105_047_000_000, summary.GetProperty("ownCapital").GetInt64());
        Assert.Equal(120_000_000_000, summary.GetProperty("totalBudget").GetInt64());
        Assert.Equal("1 : 7.03", summary.GetProperty("leverageText").GetString());
    }
}

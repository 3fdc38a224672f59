using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.SystemTests;

/// <summary>Reporting's figures agree with the owning services' once the events have arrived.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReconciliationThroughGatewayTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string TaxCode = "5701234566";
    /// <summary>A plan year of its own, decided as a paper record under the 2018 norms (decisions are never in the future).</summary>
    private const int Year = 2010;

    [Fact]
    public async Task After_a_burst_of_advances_and_the_demo_data_the_reconciliation_lists_no_differences()
    {
        Assert.Equal(0, await platform.DemoDataLoadedAsync());
        var journey = new ProposalJourney(platform.Gateway) { Council = await platform.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(TaxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, Year, 300_000_000, 700_000_000, unit: "van-don"));
        await journey.ApproveAsync(id, 300_000_000, "2019-05-02");
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-9/{Year}", signedOn = "2019-05-10" });

        var burst = await Bursts.RunAsync(Bursts.Size, i => platform.Gateway.PostAsJsonAsync($"/api/proposals/{id}/payments",
            new { kind = "Advance", amount = 30_000_000, paidOn = "2019-06-01" }));
        await Bursts.AssertNoServerErrorsAsync(burst);
        output.WriteLine(string.Join(", ", Bursts.Statuses(burst).Select(s => $"{s.Value} × {(int)s.Key}")));

        var admin = platform.Accounts.ClientFor(TestUser.Admin);
        JsonElement report = default;
        var agreed = await Eventually.TrueWithin(TimeSpan.FromSeconds(90), async () =>
        {
            using var response = await admin.GetAsync($"/api/reports/reconciliation?fromYear={Year}&toYear=2026");
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return report.GetProperty("differences").GetArrayLength() == 0;
        }, TimeSpan.FromSeconds(2));

        Assert.True(agreed, $"the reconciliation still lists differences: {(report.ValueKind == JsonValueKind.Object ? report.GetProperty("differences").ToString() : "no answer")}");
        var paid = report.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("area").GetString() == "proposals" && f.GetProperty("figure").GetString() == "advancesPaid" && f.GetProperty("year").GetInt32() == Year);
        var accepted = burst.Count(r => r.IsSuccessStatusCode);
        Assert.InRange(accepted, 1, 7);
        Assert.Equal(accepted * 30_000_000L, paid.GetProperty("owner").GetInt64());
        Assert.Equal(accepted * 30_000_000L, paid.GetProperty("reporting").GetInt64());
        output.WriteLine($"{report.GetProperty("figures").GetArrayLength()} figures compared, {report.GetProperty("differences").GetArrayLength()} differences");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayToReportingTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    private const string TaxCode = "5701234566";

    private ProposalJourney Journey => new(Gateway);

    /// <summary>
    /// A proposal of a plan year no other data uses (before the demo data's 2014), entered as a paper record and
    /// decided on 2 May 2019 under the 2018 norms: a decision is never dated in the future.
    /// </summary>
    private async Task<string> ApprovedProposalAsync(int year, long support, long ownCapital)
    {
        var journey = new ProposalJourney(Gateway) { Council = await platform.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(TaxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, support, ownCapital, unit: "van-don"));
        await journey.ApproveAsync(id, support, "2019-05-02");
        return id;
    }

    private async Task<JsonElement> SummaryAsync(int year) =>
        await Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/summary?fromYear={year}&toYear={year}");

    [Fact]
    public async Task The_gateway_answers_health()
    {
        var response = await Gateway.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_proposal_approved_through_the_gateway_reaches_the_reporting_summary()
    {
        await ApprovedProposalAsync(2011, support: 300_000_000, ownCapital: 2_100_000_000);

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () => (await SummaryAsync(2011)).GetProperty("proposals").GetInt32() == 1),
            "the approval never reached the reporting summary");
        var summary = await SummaryAsync(2011);
        Assert.Equal(300_000_000, summary.GetProperty("stateSupport").GetInt64());
        Assert.Equal(2_100_000_000, summary.GetProperty("ownCapital").GetInt64());
        Assert.Equal(7.0m, summary.GetProperty("leverage").GetDecimal());
    }

    [Fact]
    public async Task A_proposal_is_taken_through_its_whole_life_through_the_gateway()
    {
        var id = await ApprovedProposalAsync(2013, support: 300_000_000, ownCapital: 700_000_000);
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-7/2013", signedOn = "2019-05-10" });
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 210_000_000, paidOn = "2019-05-20" });
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2019-10-01", actualTotalSpend = 980_000_000, actualSupportUsed = 280_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 14, averageWage = 6_400_000,
        });
        await Journey.PostAsync(id, "payments", new { kind = "Balance", amount = 70_000_000, paidOn = "2019-10-05" });
        await Journey.PostAsync(id, "settle", new { settledSupport = 280_000_000, settledOn = "2019-10-10" });
        var closed = await Journey.PostAsync(id, "close", new { reason = "Hoàn thành quyết toán" });

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var history = await Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history");
        Assert.Equal(8, history.EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "StatusChange"));
        Assert.Equal(["2020-04-01", "2020-10-01", "2021-10-01"],
            closed.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("dueOn").GetString()));
        var units = await Gateway.GetFromJsonAsync<JsonElement>("/api/reference/administrative-units?validOn=2026-01-01");
        Assert.Equal(54, units.GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_gets_a_problem_and_the_correlation_id_comes_back()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{Guid.NewGuid()}/approve")
        {
            Content = JsonContent.Create(new { approvedSupport = -5 }),
        };
        request.Headers.Add("X-Correlation-Id", "system-test-1");
        var response = await Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("system-test-1", response.Headers.GetValues("X-Correlation-Id").Single());

        var unknown = await Gateway.PostAsJsonAsync($"/api/proposals/{Guid.NewGuid()}/approve",
            new { approvedSupport = 5, decisionNumber = "1/QĐ", decisionDate = "2031-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Approvals_made_while_RabbitMQ_is_down_for_20_s_are_all_counted_exactly_once_when_it_returns()
    {
        const int year = 2012;
        const int approvals = 50;
        var outage = TimeSpan.FromSeconds(20);
        // The outage is measured on a quiet platform, not while the demo data set is being loaded.
        await platform.DemoDataLoadedAsync();
        await platform.RunResourceCommandAsync("messaging", KnownResourceCommands.StopCommand);
        var stoppedAt = DateTime.UtcNow;
        try
        {
            for (var i = 0; i < approvals; i++)
            {
                await ApprovedProposalAsync(year, support: 100_000_000, ownCapital: 700_000_000);
            }
            Assert.Equal(0, (await SummaryAsync(year)).GetProperty("proposals").GetInt32());
            var rest = outage - (DateTime.UtcNow - stoppedAt);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }
        finally
        {
            await platform.RunResourceCommandAsync("messaging", KnownResourceCommands.StartCommand);
        }

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(120), async () => (await SummaryAsync(year)).GetProperty("proposals").GetInt32() >= approvals),
            "not every approval made during the outage reached reporting");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var summary = await SummaryAsync(year);
        Assert.Equal(approvals, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(approvals * 100_000_000L, summary.GetProperty("stateSupport").GetInt64());
    }
}

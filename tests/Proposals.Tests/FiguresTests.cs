using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The figures Reporting reconciles against, from the service's own tables.</summary>
[Collection(ServersCollection.Name)]
public sealed class FiguresTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";

    [Fact]
    public async Task The_figures_count_approved_proposals_their_support_and_advances_by_plan_year()
    {
        await Journey.EnsureEstablishmentAsync(TaxCode);
        await ExpectAsync(await Client.PostAsJsonAsync("/api/proposals/budget-envelopes",
            new { planYear = 2024, fundingSource = "Local", amount = 900_000_000, decisionNumber = "120/QĐ-UBND", decisionDate = "2024-01-10" }), HttpStatusCode.Created);
        var settled = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year: 2024));
        await Journey.ApproveAsync(settled, 300_000_000, "2024-03-01");
        await Journey.PostAsync(settled, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-03-10" });
        await Journey.PostAsync(settled, "payments", new { kind = "Advance", amount = 90_000_000, paidOn = "2024-04-01" });
        await Journey.PostAsync(settled, "accept", new
        {
            acceptedOn = "2024-10-10", actualTotalSpend = 980_000_000, actualSupportUsed = 280_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 12, averageWage = 6_000_000,
        });
        await Journey.PostAsync(settled, "settle", new { settledSupport = 280_000_000, settledOn = "2024-11-30" });
        var open = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year: 2024, stateSupport: 200_000_000));
        await Journey.ApproveAsync(open, 200_000_000, "2024-03-02");
        await Journey.PostAsync(open, "implementation", new { contractNumber = "HĐ-2", signedOn = "2024-03-12" });
        await Journey.PostAsync(open, "payments", new { kind = "Advance", amount = 50_000_000, paidOn = "2024-04-02" });
        await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2024));

        var figures = await ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/proposals/figures?fromYear=2024&toYear=2025");

        var of2024 = figures!.Figures.Where(f => f.Year == 2024).ToDictionary(f => f.Figure, f => f.Value);
        Assert.Equal(new Dictionary<string, long>
        {
            ["approvedProposals"] = 2, ["totalBudget"] = 1_900_000_000, ["approvedSupport"] = 500_000_000,
            ["ownCapital"] = 1_400_000_000, ["otherSources"] = 0, ["acceptedProposals"] = 1, ["supportUsed"] = 280_000_000,
            ["advancesPaid"] = 140_000_000, ["advancesOutstanding"] = 50_000_000, ["refunded"] = 0, ["allocated"] = 900_000_000,
            ["planned"] = 0, ["nationalRequested"] = 0, ["nationalApproved"] = 0,
        }, of2024);
        Assert.All(figures.Figures.Where(f => f.Year == 2025), f => Assert.Equal(0, f.Value));
    }

    [Theory]
    [InlineData("fromYear=2025&toYear=2024")]
    [InlineData("fromYear=2024")]
    [InlineData("fromYear=1999&toYear=2024")]
    public async Task A_bad_range_is_refused(string query)
    {
        var response = await ClientAs(TestUser.Admin).GetAsync($"/api/proposals/figures?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Officer")]
    [InlineData("Leader")]
    [InlineData("Appraiser")]
    [InlineData("DistrictOfficer")]
    [InlineData("Establishment")]
    public async Task Only_an_administrator_reads_the_figures(string role)
    {
        var response = await ClientAs(new TestUser(role, TaxCode: TaxCode, UnitCode: "dong-trieu"))
            .GetAsync("/api/proposals/figures?fromYear=2024&toYear=2025");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

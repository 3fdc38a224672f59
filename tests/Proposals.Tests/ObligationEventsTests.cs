using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// The events the Notifications service keeps the progress reports owed and the advances to settle from: each carries its
/// due date, and a report moves the month owed on once, however many arrive at the same time.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ObligationEventsTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>Approved on 2024-01-15 for the plan year 2024, and under a contract signed on <paramref name="signedOn"/>.</summary>
    private async Task<string> InImplementationAsync(string signedOn)
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.PostAsync(id, "approve", new { approvedSupport = 200_000_000, decisionNumber = "15/QĐ-SCT", decisionDate = "2024-01-15" });
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn });
        return id;
    }

    private static object Report(string period) => new
    {
        period, percentDone = 30, stateSupportSpent = 50_000_000, ownCapitalSpent = 100_000_000, otherSourcesSpent = 0, notes = "Đã lắp đặt lò nung",
    };

    private Task<List<JsonElement>> PayloadsAsync(string type, string id) => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.Contains($".{type},")).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonDocument.Parse(p).RootElement.Clone())
            .Where(e => e.GetProperty("proposalId").GetString() == id).ToList());

    private static (string? Period, string? DueOn) Owed(JsonElement e) =>
        (e.GetProperty("period").GetString(), e.GetProperty("dueOn").GetString());

    [Fact]
    public async Task The_start_of_the_implementation_announces_the_first_report_owed_and_its_due_date()
    {
        var early = await InImplementationAsync("2024-02-01");
        var late = await InImplementationAsync("2024-02-26");

        var owed = Assert.Single(await PayloadsAsync("ProgressReportDue", early));
        Assert.Equal(("2024-02-01", "2024-02-25"), Owed(owed));
        Assert.Equal(TaxCode, owed.GetProperty("proposal").GetProperty("establishmentTaxCodes")[0].GetString());
        Assert.Equal(("2024-03-01", "2024-03-25"), Owed(Assert.Single(await PayloadsAsync("ProgressReportDue", late))));
    }

    [Fact]
    public async Task The_report_of_the_month_owed_announces_the_next_month_not_yet_reported_and_another_months_announces_nothing()
    {
        var id = await InImplementationAsync("2024-02-01");

        await Journey.PostAsync(id, "progress-reports", Report("2024-03"));
        Assert.Single(await PayloadsAsync("ProgressReportDue", id));

        await Journey.PostAsync(id, "progress-reports", Report("2024-02"));
        var owed = await PayloadsAsync("ProgressReportDue", id);
        Assert.Equal(2, owed.Count);
        Assert.Equal(("2024-04-01", "2024-04-25"), Owed(owed[1]));
    }

    [Fact]
    public async Task Parallel_reports_of_the_month_owed_record_one_and_announce_the_next_month_once()
    {
        for (var burst = 0; burst < Bursts.Repetitions / 4; burst++)
        {
            var id = await InImplementationAsync("2024-02-01");

            var responses = await Bursts.RunAsync(Bursts.Size, _ => Client.PostAsJsonAsync($"/api/proposals/{id}/progress-reports", Report("2024-02")));

            await Bursts.AssertNoServerErrorsAsync(responses);
            var statuses = Bursts.Statuses(responses);
            Assert.Equal(1, statuses.GetValueOrDefault(HttpStatusCode.OK));
            Assert.Equal(Bursts.Size - 1, statuses.GetValueOrDefault(HttpStatusCode.Conflict));
            var owed = await PayloadsAsync("ProgressReportDue", id);
            Assert.Equal(["2024-02-01", "2024-03-01"], owed.Select(e => e.GetProperty("period").GetString()));
        }
    }

    [Fact]
    public async Task An_advance_is_to_be_settled_by_22_January_after_its_budget_year_and_the_acceptance_brings_the_deadline_forward()
    {
        var id = await InImplementationAsync("2024-02-01");
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 100_000_000, paidOn = "2024-02-10" });
        Assert.Equal("2025-01-22", Assert.Single(await PayloadsAsync("AdvancePaid", id)).GetProperty("settleBy").GetString());

        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        });
        Assert.Equal("2024-10-16", Assert.Single(await PayloadsAsync("ProposalAccepted", id)).GetProperty("settlementDueOn").GetString());

        var lateInTheYear = await InImplementationAsync("2024-02-01");
        await Journey.PostAsync(lateInTheYear, "accept", new
        {
            acceptedOn = "2025-01-15", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        });
        Assert.Equal("2025-01-22", Assert.Single(await PayloadsAsync("ProposalAccepted", lateInTheYear)).GetProperty("settlementDueOn").GetString());
    }
}

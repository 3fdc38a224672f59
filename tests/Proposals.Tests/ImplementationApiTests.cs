using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Progress reports, amendments, cancellation by decision, settlement and refunds through the API.</summary>
[Collection(ServersCollection.Name)]
public sealed class ImplementationApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string OtherTaxCode = "5700100263";

    /// <summary>Today in the province, as the service (on the system clock) sees it.</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
        await Journey.EnsureEstablishmentAsync(OtherTaxCode, "uong-bi");
    }

    /// <summary>Approved for <paramref name="support"/> on 2024-01-15 (planned to end 2024-12-31) and under a contract of 2024-02-01.</summary>
    private async Task<string> InImplementationAsync(long support = 200_000_000, string taxCode = TaxCode, string unit = "dong-trieu",
        string? activity = null, bool planned = true)
    {
        var draft = ProposalJourney.DraftBody(taxCode, unit: unit);
        if (activity is not null)
        {
            draft["activity"] = activity;
        }
        var id = await Journey.AppraisedAsync(draft);
        await Journey.PostAsync(id, "approve", new
        {
            approvedSupport = support, decisionNumber = "15/QĐ-SCT", decisionDate = "2024-01-15", plannedEndOn = planned ? "2024-12-31" : null,
        });
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        return id;
    }

    private static object Report(string period, int percent, string? reason = null) => new
    {
        period, percentDone = percent, stateSupportSpent = 50_000_000, ownCapitalSpent = 100_000_000, otherSourcesSpent = 0,
        notes = "Đã lắp đặt lò nung", regressionReason = reason,
    };

    private static object Amendment(long? support = null, string? plannedEnd = null, string decisionDate = "2024-05-02", long? ownCapital = null) => new
    {
        decisionNumber = "30/QĐ-SCT", decisionDate, reason = "Điều chỉnh theo thực tế", approvedSupport = support, ownCapital, plannedEndOn = plannedEnd,
    };

    private static object Refund(long amount, string refundedOn = "2024-06-01", string document = "PT-01") =>
        new { amount, refundedOn, documentNumber = document };

    private static object Cancellation(string decisionDate = "2024-05-20") =>
        new { reason = "Cơ sở ngừng sản xuất", decisionNumber = "40/QĐ-SCT", decisionDate };

    private Task<(int Reports, int Amendments, int Refunds, int Events)> WrittenAsync() => WithDbAsync(async db =>
        (await db.Proposals.SelectMany(p => p.ProgressReports).CountAsync(), await db.Proposals.SelectMany(p => p.Amendments).CountAsync(),
         await db.Proposals.SelectMany(p => p.Refunds).CountAsync(), await db.OutboxMessages.CountAsync()));

    private Task<int> OutboxCountAsync(string type) => WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains($".{type},")));

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, (int, int, int, int) before)
    {
        await AssertProblemAsync(response, status, $"/errors/{code}");
        Assert.Equal(before, await WrittenAsync());
    }

    private async Task<string> CancelledWithAdvanceAsync(long advance = 100_000_000, string taxCode = TaxCode, string unit = "dong-trieu")
    {
        var id = await InImplementationAsync(taxCode: taxCode, unit: unit);
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = advance, paidOn = "2024-02-10" });
        await Journey.PostAsync(id, "cancel", Cancellation());
        return id;
    }

    private async Task<string> AcceptedAsync(long advance, long supportUsed, string acceptedOn = "2024-10-01", string taxCode = TaxCode, string unit = "dong-trieu")
    {
        var id = await InImplementationAsync(taxCode: taxCode, unit: unit);
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = advance, paidOn = "2024-02-10" });
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn, actualTotalSpend = 700_000_000 + supportUsed, actualSupportUsed = supportUsed, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        });
        return id;
    }

    [Fact]
    public async Task A_progress_report_is_shown_as_the_latest_and_the_missing_months_as_overdue()
    {
        var id = await InImplementationAsync();

        var reported = await Journey.PostAsync(id, "progress-reports", Report("2024-02", 20));

        var progress = reported.GetProperty("progress");
        Assert.Equal(20, progress.GetProperty("percentDone").GetInt32());
        Assert.Equal("2024-02", progress.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal(TestUser.Officer.Name, progress.GetProperty("latest").GetProperty("reportedBy").GetString());
        Assert.Equal(25, progress.GetProperty("dueDay").GetInt32());
        Assert.True(progress.GetProperty("isOverdue").GetBoolean());
        var overdue = progress.GetProperty("overduePeriods").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal("2024-03", overdue[0]);
        Assert.DoesNotContain("2024-02", overdue);
        Assert.Equal(0, await OutboxCountAsync("ProposalAmended"));
    }

    [Fact]
    public async Task Each_progress_refusal_answers_its_rule_and_writes_nothing()
    {
        var id = await InImplementationAsync();
        await Journey.PostAsync(id, "progress-reports", Report("2024-03", 40));
        var before = await WrittenAsync();

        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-03", 45)), HttpStatusCode.Conflict, "progress-report-exists", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-01", 10)), (HttpStatusCode)422, "progress-before-contract", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2099-01", 90)), (HttpStatusCode)422, "progress-in-future", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-04", 30)), (HttpStatusCode)422, "progress-went-down", before);
        foreach (var period in new[] { "2024-13", "24-03", "2024-3", "2024-03-01", "", "1800-01" })
        {
            await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report(period, 50)), HttpStatusCode.BadRequest, "validation", before);
        }
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-04", 101)), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-04", -1)), HttpStatusCode.BadRequest, "validation", before);

        var withReason = await Journey.PostAsync(id, "progress-reports", Report("2024-04", 30, "Phải làm lại móng lò"));
        Assert.Equal(30, withReason.GetProperty("progress").GetProperty("percentDone").GetInt32());
    }

    [Fact]
    public async Task A_refusal_is_in_Vietnamese_by_default_and_in_English_on_request_and_cites_its_legal_basis()
    {
        var id = await InImplementationAsync();
        await Journey.PostAsync(id, "progress-reports", Report("2024-03", 40));

        var vietnamese = await ProblemOf(await Journey.PostRawAsync(id, "progress-reports", Report("2024-03", 45)));
        Assert.Contains("mỗi tháng một báo cáo", vietnamese.GetProperty("detail").GetString());
        Assert.Equal("Thông tư 36/2013/TT-BCT, Điều 23 khoản 3 điểm a", vietnamese.GetProperty("legalBasis").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/progress-reports") { Content = JsonContent.Create(Report("2024-03", 45)) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await ProblemOf(await Client.SendAsync(request));
        Assert.Contains("a month has one report", english.GetProperty("detail").GetString());
        Assert.Equal("Thông tư 36/2013/TT-BCT, Điều 23 khoản 3 điểm a", english.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task Progress_is_reported_only_in_implementation()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200_000_000);
        var before = await WrittenAsync();
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "progress-reports", Report("2024-03", 40)), HttpStatusCode.Conflict, "progress-not-in-implementation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(Guid.NewGuid().ToString(), "progress-reports", Report("2024-03", 40)), HttpStatusCode.NotFound, "not-found", before);
    }

    [Fact]
    public async Task The_overdue_progress_list_is_scoped_like_the_proposal_list()
    {
        var mine = await InImplementationAsync();
        var theirs = await InImplementationAsync(taxCode: OtherTaxCode, unit: "uong-bi");
        // A contract signed today owes no report yet.
        var current = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.PostAsync(current, "approve", new { approvedSupport = 100_000_000, decisionNumber = "16/QĐ-SCT", decisionDate = Today.ToString("yyyy-MM-dd") });
        await Journey.PostAsync(current, "implementation", new { contractNumber = "HĐ-2", signedOn = Today.ToString("yyyy-MM-dd") });

        async Task<List<string>> OverdueFor(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/proposals/progress-reports/overdue?pageSize=200")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("proposalId").GetString()!).ToList();

        Assert.Equal(new[] { mine, theirs }.Order(), (await OverdueFor(Client)).Order());
        Assert.Equal([mine], await OverdueFor(ClientAs(TestUser.DistrictOfficer("dong-trieu"))));
        Assert.Equal([theirs], await OverdueFor(ClientAs(TestUser.Establishment(OtherTaxCode))));

        var page = await Client.GetFromJsonAsync<JsonElement>("/api/proposals/progress-reports/overdue?pageSize=1&page=2");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        var row = (await Client.GetFromJsonAsync<JsonElement>("/api/proposals/progress-reports/overdue")).GetProperty("items")[0];
        var expectedMissing = (Today.Day > 25 ? Today.Year * 12 + Today.Month : Today.Year * 12 + Today.Month - 1) - (2024 * 12 + 2) + 1;
        Assert.Equal(expectedMissing, row.GetProperty("missingReports").GetInt32());
        await AssertProblemAsync(await Client.GetAsync("/api/proposals/progress-reports/overdue?pageSize=0"), HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task An_amendment_keeps_old_and_new_moves_the_advance_limit_and_is_announced()
    {
        var id = await InImplementationAsync(activity: "AdvancedMachinery");
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 140_000_000, paidOn = "2024-02-10" });

        var amended = await Journey.PostAsync(id, "amendments", Amendment(support: 250_000_000, plannedEnd: "2025-03-31"));

        var amendment = Assert.Single(amended.GetProperty("amendments").EnumerateArray());
        Assert.Equal(200_000_000, amendment.GetProperty("approvedSupportBefore").GetInt64());
        Assert.Equal(250_000_000, amendment.GetProperty("approvedSupportAfter").GetInt64());
        Assert.Equal("2024-12-31", amendment.GetProperty("plannedEndBefore").GetString());
        Assert.Equal("2025-03-31", amendment.GetProperty("plannedEndAfter").GetString());
        Assert.Equal(250_000_000, amended.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(175_000_000, amended.GetProperty("finance").GetProperty("advanceLimit").GetInt64());
        Assert.Equal("2025-03-31", amended.GetProperty("plannedEndOn").GetString());
        Assert.Equal(1, await OutboxCountAsync("ProposalAmended"));
        var payload = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains(".ProposalAmended,")).Select(m => m.Payload).SingleAsync());
        var e = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(250_000_000, e.GetProperty("approvedSupport").GetInt64());
        Assert.Equal(1, e.GetProperty("revision").GetInt32());
        Assert.Equal(1, e.GetProperty("proposal").GetProperty("revision").GetInt32());
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 35_000_000, paidOn = "2024-05-10" });
    }

    [Fact]
    public async Task Each_amendment_refusal_answers_its_rule_and_writes_nothing()
    {
        var id = await InImplementationAsync(activity: "AdvancedMachinery");
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 140_000_000, paidOn = "2024-02-10" });
        var unplanned = await InImplementationAsync(planned: false);
        var before = await WrittenAsync();

        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 139_999_999)), (HttpStatusCode)422, "amended-support-below-paid", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 199_999_999)), (HttpStatusCode)422, "advances-exceed-amended-share", before);
        // Machinery: half the cost (1,000 million) and at most 300 million since Circular 28/2018.
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 300_000_001)), (HttpStatusCode)422, "support-exceeds-norm", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 210_000_000, decisionDate: "2024-01-14")), (HttpStatusCode)422, "decision-before-approval", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 210_000_000, decisionDate: Today.AddDays(1).ToString("yyyy-MM-dd"))), (HttpStatusCode)422, "decision-in-future", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(plannedEnd: "2024-11-30")), (HttpStatusCode)422, "extension-not-later", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 200_000_000)), (HttpStatusCode)422, "amendment-without-change", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(unplanned, "amendments", Amendment(plannedEnd: "2025-03-31")), (HttpStatusCode)422, "planned-end-unknown", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", new { decisionNumber = "30/QĐ-SCT", decisionDate = "2024-05-02", reason = "x" }), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 0)), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 1_000_000_000_000_001)), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 210_000_000, decisionDate: "9999-12-31")), HttpStatusCode.BadRequest, "malformed-request", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", new { decisionNumber = "30/QĐ-SCT", decisionDate = "2024-05-02", reason = "x", approvedSupport = 9_223_372_036_854_775_807 }), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", new { decisionNumber = "30/QĐ\u0000", decisionDate = "2024-05-02", reason = "x", approvedSupport = 210_000_000 }), HttpStatusCode.BadRequest, "malformed-request", before);
    }

    [Fact]
    public async Task An_accepted_proposal_is_no_longer_amended()
    {
        var id = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000);
        var before = await WrittenAsync();
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "amendments", Amendment(support: 180_000_000)), HttpStatusCode.Conflict, "amendment-not-allowed", before);
    }

    [Fact]
    public async Task After_approval_a_cancellation_needs_a_decision_and_its_advances_become_refund_due()
    {
        var id = await InImplementationAsync();
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 100_000_000, paidOn = "2024-02-10" });
        var before = await WrittenAsync();

        await AssertRefusedAsync(await Journey.PostRawAsync(id, "cancel", new { reason = "Cơ sở ngừng sản xuất" }), (HttpStatusCode)422, "cancellation-decision-required", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "cancel", new { reason = "Cơ sở ngừng sản xuất", decisionNumber = "40/QĐ-SCT" }), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "cancel", Cancellation("2024-01-10")), (HttpStatusCode)422, "decision-before-approval", before);

        var cancelled = await Journey.PostAsync(id, "cancel", Cancellation());

        Assert.Equal("40/QĐ-SCT", cancelled.GetProperty("cancellationDecision").GetProperty("decisionNumber").GetString());
        Assert.Equal(100_000_000, cancelled.GetProperty("refunds").GetProperty("outstanding").GetInt64());
        var payload = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains(".ProposalCancelled,")).Select(m => m.Payload).SingleAsync());
        Assert.Equal("40/QĐ-SCT", JsonDocument.Parse(payload).RootElement.GetProperty("decisionNumber").GetString());

        var draft = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
        Assert.Null((await Journey.PostAsync(draft, "cancel", new { reason = "Trùng đề án" })).GetProperty("cancellationDecision").GetString());
    }

    [Fact]
    public async Task A_settlement_above_the_support_used_at_acceptance_is_refused()
    {
        var id = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000);
        await AssertProblemAsync(await Journey.PostRawAsync(id, "settle", new { settledSupport = 150_000_001, settledOn = "2024-10-10" }),
            (HttpStatusCode)422, "/errors/settlement-exceeds-support-used");
        Assert.Equal("Accepted", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refunds_are_recorded_up_to_what_is_due_and_announced()
    {
        var id = await CancelledWithAdvanceAsync();
        var before = await WrittenAsync();

        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(100_000_001)), (HttpStatusCode)422, "refund-exceeds-due", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(1_000_000, "2024-02-09")), (HttpStatusCode)422, "refund-before-payment", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(1_000_000, Today.AddDays(1).ToString("yyyy-MM-dd"))), (HttpStatusCode)422, "refund-in-future", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(0)), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(-5)), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(1_000_000, document: " ")), HttpStatusCode.BadRequest, "validation", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(1_000_000, "0001-01-01")), HttpStatusCode.BadRequest, "malformed-request", before);
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(1_000_000, document: "PT\u0000")), HttpStatusCode.BadRequest, "malformed-request", before);

        var refunded = await Journey.PostAsync(id, "refunds", Refund(60_000_000));

        var refunds = refunded.GetProperty("refunds");
        Assert.Equal(40_000_000, refunds.GetProperty("outstanding").GetInt64());
        Assert.Equal(60_000_000, refunds.GetProperty("refunded").GetInt64());
        Assert.Equal("PT-01", refunds.GetProperty("items")[0].GetProperty("documentNumber").GetString());
        var payload = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains(".RefundRecorded,")).Select(m => m.Payload).SingleAsync());
        var e = JsonDocument.Parse(payload).RootElement;
        Assert.Equal((60_000_000L, 60_000_000L, 40_000_000L), (e.GetProperty("amount").GetInt64(), e.GetProperty("totalRefunded").GetInt64(), e.GetProperty("refundOutstanding").GetInt64()));
    }

    [Fact]
    public async Task No_refund_is_due_before_settlement_or_cancellation()
    {
        var id = await AcceptedAsync(advance: 100_000_000, supportUsed: 50_000_000);
        var before = await WrittenAsync();
        await AssertRefusedAsync(await Journey.PostRawAsync(id, "refunds", Refund(10_000_000, "2024-10-05")), HttpStatusCode.Conflict, "refund-not-due", before);
    }

    [Fact]
    public async Task The_refund_due_list_holds_what_is_still_to_give_back_within_the_callers_scope()
    {
        var cancelled = await CancelledWithAdvanceAsync();
        var settled = await AcceptedAsync(advance: 140_000_000, supportUsed: 100_000_000, taxCode: OtherTaxCode, unit: "uong-bi");
        await Journey.PostAsync(settled, "settle", new { settledSupport = 100_000_000, settledOn = "2024-10-10" });
        var covered = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000);
        await Journey.PostAsync(covered, "settle", new { settledSupport = 150_000_000, settledOn = "2024-10-10" });
        var repaid = await CancelledWithAdvanceAsync(50_000_000);
        await Journey.PostAsync(repaid, "refunds", Refund(50_000_000));
        await Journey.PostAsync(cancelled, "refunds", Refund(30_000_000));

        async Task<Dictionary<string, long>> DueFor(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/proposals/refunds/due")).GetProperty("items").EnumerateArray()
                .ToDictionary(i => i.GetProperty("proposalId").GetString()!, i => i.GetProperty("refundOutstanding").GetInt64());

        Assert.Equal(new Dictionary<string, long> { [cancelled] = 70_000_000, [settled] = 40_000_000 }, await DueFor(Client));
        Assert.Equal(new Dictionary<string, long> { [cancelled] = 70_000_000 }, await DueFor(ClientAs(TestUser.DistrictOfficer("dong-trieu"))));
        Assert.Equal(new Dictionary<string, long> { [settled] = 40_000_000 }, await DueFor(ClientAs(TestUser.Establishment(OtherTaxCode))));
        await AssertProblemAsync(await Client.GetAsync("/api/proposals/refunds/due?page=0"), HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task The_settlement_overdue_list_holds_accepted_proposals_past_their_deadline_within_the_callers_scope()
    {
        var late = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000, acceptedOn: "2024-10-01");
        var theirs = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000, acceptedOn: "2024-10-02", taxCode: OtherTaxCode, unit: "uong-bi");
        var settled = await AcceptedAsync(advance: 100_000_000, supportUsed: 150_000_000, acceptedOn: "2024-10-03");
        await Journey.PostAsync(settled, "settle", new { settledSupport = 150_000_000, settledOn = "2024-10-10" });

        var rows = (await Client.GetFromJsonAsync<JsonElement>("/api/proposals/settlements/overdue")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([late, theirs], rows.Select(r => r.GetProperty("proposalId").GetString()));
        Assert.Equal("2024-10-16", rows[0].GetProperty("dueOn").GetString());
        var district = (await ClientAs(TestUser.DistrictOfficer("dong-trieu")).GetFromJsonAsync<JsonElement>("/api/proposals/settlements/overdue")).GetProperty("items");
        Assert.Equal([late], district.EnumerateArray().Select(r => r.GetProperty("proposalId").GetString()));
    }

    [Fact]
    public async Task The_figures_follow_amendments_and_refunds()
    {
        var amended = await InImplementationAsync();
        await Journey.PostAsync(amended, "amendments", Amendment(support: 180_000_000, ownCapital: 800_000_000));
        var cancelled = await CancelledWithAdvanceAsync(100_000_000);
        await Journey.PostAsync(cancelled, "refunds", Refund(60_000_000));

        var figures = await ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>("/api/proposals/figures?fromYear=2024&toYear=2024");

        var of2024 = figures!.Figures.ToDictionary(f => f.Figure, f => f.Value);
        Assert.Equal(1, of2024["approvedProposals"]);
        Assert.Equal(180_000_000, of2024["approvedSupport"]);
        Assert.Equal(980_000_000, of2024["totalBudget"]);
        Assert.Equal(800_000_000, of2024["ownCapital"]);
        Assert.Equal(100_000_000, of2024["advancesPaid"]);
        Assert.Equal(40_000_000, of2024["advancesOutstanding"]);
        Assert.Equal(60_000_000, of2024["refunded"]);
    }

    [Fact]
    public async Task Parallel_refunds_never_exceed_what_is_due()
    {
        for (var burst = 0; burst < Bursts.Repetitions / 4; burst++)
        {
            var id = await CancelledWithAdvanceAsync(100_000_000);

            var responses = await Bursts.RunAsync(Bursts.Size, i => Client.PostAsJsonAsync($"/api/proposals/{id}/refunds", Refund(10_000_000, document: $"PT-{i}")));

            await Bursts.AssertNoServerErrorsAsync(responses);
            var statuses = Bursts.Statuses(responses);
            Assert.Equal(10, statuses.GetValueOrDefault(HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
                r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
            var refunded = await WithDbAsync(db => db.Proposals.Where(p => p.Id == Guid.Parse(id)).SelectMany(p => p.Refunds).SumAsync(r => r.Amount));
            Assert.Equal(100_000_000, refunded);
        }
        Assert.Equal(10 * (Bursts.Repetitions / 4), await OutboxCountAsync("RefundRecorded"));
    }

    [Fact]
    public async Task Parallel_amendments_chain_one_after_another_and_advances_in_the_same_burst_stay_within_the_share()
    {
        for (var burst = 0; burst < Bursts.Repetitions / 4; burst++)
        {
            var id = await InImplementationAsync(activity: "AdvancedMachinery");

            // Half the burst raises the support step by step, the other half pays advances of 20 million.
            var responses = await Bursts.RunAsync(Bursts.Size, i => i % 2 == 0
                ? Client.PostAsJsonAsync($"/api/proposals/{id}/amendments", Amendment(support: 200_000_000 + (i + 1) * 1_000_000))
                : Client.PostAsJsonAsync($"/api/proposals/{id}/payments", new { kind = "Advance", amount = 20_000_000, paidOn = "2024-02-10" }));

            await Bursts.AssertNoServerErrorsAsync(responses);
            var proposal = await WithDbAsync(db => db.Proposals.AsNoTracking().IgnoreAutoIncludes().SingleAsync(p => p.Id == Guid.Parse(id)));
            var amendments = proposal.Amendments.OrderBy(a => a.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, amendments.Count), amendments.Select(a => a.Sequence));
            for (var i = 1; i < amendments.Count; i++)
            {
                Assert.Equal(amendments[i - 1].ApprovedSupportAfter, amendments[i].ApprovedSupportBefore);
            }
            Assert.Equal(proposal.Approval!.ApprovedSupport, amendments.LastOrDefault()?.ApprovedSupportAfter ?? 200_000_000);
            Assert.True(proposal.AdvancesPaid <= (long)Math.Floor(proposal.Approval.ApprovedSupport * 0.7m), $"burst {burst}: {proposal.AdvancesPaid:N0} advanced");
            Assert.Equal(responses.Where((r, i) => i % 2 == 0 && r.StatusCode == HttpStatusCode.OK).Count(), amendments.Count);
        }
    }

    [Fact]
    public async Task A_refund_sent_twice_with_one_key_is_recorded_once()
    {
        var id = await CancelledWithAdvanceAsync();
        HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/refunds") { Content = JsonContent.Create(Refund(10_000_000)) }.WithKey("refund-1");

        var responses = await Bursts.RunAsync(Bursts.Size, _ => Client.SendAsync(Request()));
        var again = await Client.SendAsync(Request());

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await WrittenAsync()).Refunds);
        Assert.Equal(1, await OutboxCountAsync("RefundRecorded"));
    }

    [Fact]
    public async Task Only_officers_record_reports_amendments_and_refunds()
    {
        var id = await CancelledWithAdvanceAsync();
        foreach (var user in new[] { TestUser.Leader, TestUser.Appraiser, TestUser.Establishment(TaxCode), TestUser.DistrictOfficer("dong-trieu") })
        {
            var client = ClientAs(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/proposals/{id}/refunds", Refund(1_000_000))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/proposals/{id}/amendments", Amendment(support: 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/proposals/{id}/progress-reports", Report("2024-03", 1))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousClient().GetAsync("/api/proposals/refunds/due")).StatusCode);
        Assert.Equal(0, (await WrittenAsync()).Refunds);
    }
}

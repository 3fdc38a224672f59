using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Proposals.Api;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// The province's list of national proposals sent to the Ministry, through the API on real PostgreSQL: taken from the
/// year's national proposals, each dossier checked, sent by a dispatch, the Ministry's decisions recorded back, and the
/// approval of a national proposal held to what the Ministry decided. Each test works in its own plan year.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class NationalSubmissionsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Lists = "/api/proposals/national-submissions";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>A national proposal of the year, appraised; years after 2025 take a ward of the province's new units.</summary>
    private Task<string> NationalAsync(int year, long support = 300_000_000) =>
        Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, stateSupport: support, fundingSource: "National", unit: year > 2025 ? "p-mao-khe" : "dong-trieu"));

    private async Task<JsonElement> PrepareAsync(int year) =>
        await ExpectAsync(await Client.PostAsJsonAsync(Lists, new { planYear = year }), HttpStatusCode.Created);

    private Task<HttpResponseMessage> CheckRawAsync(int year, string id, bool? complete, string? note = null) =>
        Client.PostAsJsonAsync($"{Lists}/{year}/dossiers/{id}", new { complete, note });

    private Task<HttpResponseMessage> SubmitRawAsync(int year, string dispatchNumber, string sentOn) =>
        Client.PostAsJsonAsync($"{Lists}/{year}/submit", new { dispatchNumber, sentOn });

    private Task<HttpResponseMessage> DecideRawAsync(int year, string id, object decision) =>
        Client.PostAsJsonAsync($"{Lists}/{year}/decisions/{id}", decision);

    /// <summary>The messages of one event type written to the outbox, in order, with their ids.</summary>
    private Task<List<(Guid MessageId, T Event)>> PublishedAsync<T>() => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(T).FullName + ","))
            .OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.Payload }).ToListAsync())
        .Select(m => (m.MessageId, JsonSerializer.Deserialize<T>(m.Payload, JsonSerializerOptions.Web)!)).ToList());

    private static JsonElement ItemOf(JsonElement list, string id) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("proposalId").GetString() == id);

    private async Task<JsonElement> SentAsync(int year, params string[] ids)
    {
        await PrepareAsync(year);
        foreach (var id in ids)
        {
            await ExpectAsync(await CheckRawAsync(year, id, true), HttpStatusCode.OK);
        }
        return await ExpectAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-10"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_list_takes_the_years_national_proposals_is_sent_once_its_dossiers_are_complete_and_records_the_Ministrys_decisions()
    {
        const int year = 2017;
        var first = await NationalAsync(year, 400_000_000);
        var second = await NationalAsync(year, 250_000_000);
        var local = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, year))).GetProperty("id").GetString()!;
        var draft = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, year, fundingSource: "National"))).GetProperty("id").GetString()!;

        var list = await PrepareAsync(year);
        Assert.Equal("Preparing", list.GetProperty("status").GetString());
        Assert.Equal($"{year - 1}-06-15", list.GetProperty("deadline").GetString());
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("proposalId").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
        Assert.DoesNotContain(local, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.Equal(650_000_000, list.GetProperty("requestedTotal").GetInt64());

        // A second list of the year is refused; an incomplete dossier names what it lacks and holds the list back.
        await AssertProblemAsync(await Client.PostAsJsonAsync(Lists, new { planYear = year }), HttpStatusCode.Conflict, "/errors/national-submission-exists");
        await AssertProblemAsync(await CheckRawAsync(year, first, false), HttpStatusCode.UnprocessableEntity, "/errors/dossier-gap-unnamed");
        var gap = await ExpectAsync(await CheckRawAsync(year, first, false, "Thiếu phiếu thẩm định cấp cơ sở (Mẫu 4a)"), HttpStatusCode.OK);
        Assert.False(ItemOf(gap, first).GetProperty("dossierComplete").GetBoolean());
        await ExpectAsync(await CheckRawAsync(year, second, true), HttpStatusCode.OK);
        var held = await AssertProblemAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-20"), HttpStatusCode.UnprocessableEntity,
            "/errors/national-dossiers-incomplete");
        Assert.Contains(ItemOf(gap, first).GetProperty("proposalCode").GetString()!, held.GetProperty("detail").GetString());
        await ExpectAsync(await CheckRawAsync(year, first, true), HttpStatusCode.OK);

        // Sent after 15 June: flagged late, not refused; the same dispatch again changes nothing, another is refused.
        var sent = await ExpectAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-20"), HttpStatusCode.OK);
        Assert.Equal("Submitted", sent.GetProperty("status").GetString());
        Assert.True(sent.GetProperty("isLate").GetBoolean());
        await ExpectAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-20"), HttpStatusCode.OK);
        await AssertProblemAsync(await SubmitRawAsync(year, "600/SCT-QLCN", $"{year - 1}-06-21"), HttpStatusCode.Conflict, "/errors/national-submission-already-sent");
        await AssertProblemAsync(await CheckRawAsync(year, first, false, "Bổ sung"), HttpStatusCode.Conflict, "/errors/national-submission-sent");

        // The Ministry approves one for less than asked and does not select the other.
        var approved = new { outcome = "Approved", approvedSupport = 350_000_000, decisionNumber = "1234/QĐ-BCT", decisionDate = $"{year - 1}-12-20" };
        var decided = await ExpectAsync(await DecideRawAsync(year, first, approved), HttpStatusCode.OK);
        Assert.Equal(350_000_000, ItemOf(decided, first).GetProperty("approvedSupport").GetInt64());
        Assert.Equal("Submitted", decided.GetProperty("status").GetString());
        await ExpectAsync(await DecideRawAsync(year, first, approved), HttpStatusCode.OK);
        await AssertProblemAsync(await DecideRawAsync(year, first, approved with { approvedSupport = 300_000_000 }), HttpStatusCode.Conflict,
            "/errors/ministry-decision-recorded");
        var all = await ExpectAsync(await DecideRawAsync(year, second,
            new { outcome = "NotSelected", decisionNumber = "1234/QĐ-BCT", decisionDate = $"{year - 1}-12-20" }), HttpStatusCode.OK);
        Assert.Equal("Decided", all.GetProperty("status").GetString());
        Assert.Equal(350_000_000, all.GetProperty("approvedTotal").GetInt64());

        var read = await ExpectAsync(await Client.GetAsync($"{Lists}/{year}"), HttpStatusCode.OK);
        Assert.Equal("512/SCT-QLCN", read.GetProperty("dispatchNumber").GetString());
        Assert.Equal("NotSelected", ItemOf(read, second).GetProperty("outcome").GetString());
        Assert.Contains((await ExpectAsync(await Client.GetAsync(Lists), HttpStatusCode.OK)).EnumerateArray(), l => l.GetProperty("planYear").GetInt32() == year);
    }

    [Fact]
    public async Task The_approval_of_a_national_proposal_waits_for_the_Ministry_and_never_exceeds_what_it_approved()
    {
        const int year = 2018;
        var chosen = await NationalAsync(year, 400_000_000);
        var dropped = await NationalAsync(year, 200_000_000);
        await SentAsync(year, chosen, dropped);
        var approval = new { approvedSupport = 200_000_000, decisionNumber = "20/QĐ-SCT", decisionDate = $"{year}-01-10" };

        await AssertProblemAsync(await Journey.PostRawAsync(chosen, "approve", approval), HttpStatusCode.Conflict, "/errors/ministry-decision-awaited");

        await ExpectAsync(await DecideRawAsync(year, chosen,
            new { outcome = "Approved", approvedSupport = 150_000_000, decisionNumber = "99/QĐ-BCT", decisionDate = $"{year - 1}-12-15" }), HttpStatusCode.OK);
        await ExpectAsync(await DecideRawAsync(year, dropped,
            new { outcome = "NotSelected", decisionNumber = "99/QĐ-BCT", decisionDate = $"{year - 1}-12-15" }), HttpStatusCode.OK);

        var beyond = await AssertProblemAsync(await Journey.PostRawAsync(chosen, "approve", approval), HttpStatusCode.UnprocessableEntity,
            "/errors/beyond-ministry-approval");
        Assert.Contains("Bộ Công Thương phê duyệt", beyond.GetProperty("detail").GetString());
        await AssertProblemAsync(await Journey.PostRawAsync(dropped, "approve", approval with { approvedSupport = 100_000_000 }), HttpStatusCode.Conflict,
            "/errors/ministry-not-selected");
        var done = await Journey.PostAsync(chosen, "approve", approval with { approvedSupport = 150_000_000 });
        Assert.Equal("Approved", done.GetProperty("status").GetString());

        // Nor can an amendment raise it past the Ministry's amount later; lowering it is the province's to decide.
        await AssertProblemAsync(await Journey.PostRawAsync(chosen, "amendments",
                new { decisionNumber = "21/QĐ-SCT", decisionDate = $"{year}-02-01", reason = "Tăng kinh phí", approvedSupport = 180_000_000 }),
            HttpStatusCode.UnprocessableEntity, "/errors/beyond-ministry-approval");
        var lowered = await Journey.PostAsync(chosen, "amendments",
            new { decisionNumber = "22/QĐ-SCT", decisionDate = $"{year}-02-01", reason = "Giảm quy mô", approvedSupport = 120_000_000 });
        Assert.Single(lowered.GetProperty("amendments").EnumerateArray());
        Assert.Equal("UnderAppraisal", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{dropped}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_Ministrys_amount_is_more_than_nothing_at_most_what_was_asked_and_dated_after_the_dispatch()
    {
        const int year = 2019;
        var id = await NationalAsync(year, 300_000_000);
        await SentAsync(year, id);

        foreach (var (amount, date, type) in new[]
        {
            (300_000_001L, $"{year - 1}-12-01", "/errors/ministry-amount-out-of-range"),
            (0L, $"{year - 1}-12-01", "/errors/ministry-amount-out-of-range"),
            (100_000_000L, $"{year - 1}-06-01", "/errors/ministry-decision-before-dispatch"),
        })
        {
            await AssertProblemAsync(await DecideRawAsync(year, id, new { outcome = "Approved", approvedSupport = amount, decisionNumber = "7/QĐ-BCT", decisionDate = date }),
                HttpStatusCode.UnprocessableEntity, type);
        }
        var list = await ExpectAsync(await Client.GetAsync($"{Lists}/{year}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, ItemOf(list, id).GetProperty("outcome").ValueKind);
        await AssertProblemAsync(await DecideRawAsync(year, Guid.NewGuid().ToString(),
            new { outcome = "NotSelected", decisionNumber = "7/QĐ-BCT", decisionDate = $"{year - 1}-12-01" }), HttpStatusCode.UnprocessableEntity,
            "/errors/not-in-national-submission");
    }

    [Fact]
    public async Task Hostile_requests_get_a_clear_refusal_in_Vietnamese_and_change_nothing()
    {
        const int year = 2020;
        var id = await NationalAsync(year);
        await PrepareAsync(year);

        foreach (var body in new object[]
        {
            new { outcome = 99, decisionNumber = "1/QĐ-BCT", decisionDate = $"{year - 1}-12-01" },
            new { outcome = "Approved", approvedSupport = long.MaxValue, decisionNumber = "1/QĐ-BCT", decisionDate = $"{year - 1}-12-01" },
            new { outcome = "Approved", approvedSupport = 1_000_000, decisionNumber = "1/QĐ-BCT\0", decisionDate = "9999-12-31" },
            new { outcome = "Approved", decisionNumber = "", decisionDate = $"{year - 1}-12-01" },
        })
        {
            var response = await DecideRawAsync(year, id, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Lists}/{year}/submit") { Content = JsonContent.Create(new { dispatchNumber = "", sentOn = (string?)null }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));
        var refused = await ExpectAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Contains("Số công văn", refused.GetRawText());
        Assert.DoesNotContain("dispatchNumber\":[\"Dispatch", refused.GetRawText());
        await AssertProblemAsync(await Client.PostAsJsonAsync(Lists, new { planYear = 20_000 }), HttpStatusCode.BadRequest, "/errors/validation");
        await AssertProblemAsync(await Client.PostAsJsonAsync($"{Lists}/1999/refresh", new { }), HttpStatusCode.NotFound, "/errors/not-found");

        var list = await ExpectAsync(await Client.GetAsync($"{Lists}/{year}"), HttpStatusCode.OK);
        Assert.Equal("Preparing", list.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, ItemOf(list, id).GetProperty("dossierComplete").ValueKind);
    }

    [Fact]
    public async Task Decisions_and_approvals_sent_at_once_never_let_an_approval_pass_what_the_Ministry_decided()
    {
        const int year = 2021;
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await NationalAsync(year, 300_000_000));
        }
        await SentAsync(year, [.. ids]);

        // Each proposal at once: the Ministry's decision (half approve 200 million, half not selected) and an approval
        // of 200 million. An approval that comes first waits for the decision (409); one that comes after passes only
        // where the Ministry approved.
        var decisions = ids.Select((id, i) => DecideRawAsync(year, id, i % 2 == 0
            ? new { outcome = "Approved", approvedSupport = (long?)200_000_000, decisionNumber = "5/QĐ-BCT", decisionDate = $"{year - 1}-12-01" }
            : new { outcome = "NotSelected", approvedSupport = (long?)null, decisionNumber = "5/QĐ-BCT", decisionDate = $"{year - 1}-12-01" }));
        var approvals = ids.Select(id => Journey.PostRawAsync(id, "approve", new { approvedSupport = 200_000_000, decisionNumber = "9/QĐ-SCT", decisionDate = $"{year}-01-05" }));
        var answers = await Task.WhenAll(decisions.Concat(approvals));

        Assert.All(answers.Take(ids.Count), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Skip(ids.Count), a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        for (var i = 0; i < ids.Count; i++)
        {
            var status = (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{ids[i]}")).GetProperty("status").GetString();
            Assert.True(i % 2 == 0 ? status is "Approved" or "UnderAppraisal" : status == "UnderAppraisal", $"{ids[i]} ({(i % 2 == 0 ? "approved" : "not selected")} by the Ministry) is {status}");
            Assert.Equal(status == "Approved" ? HttpStatusCode.OK : HttpStatusCode.Conflict, answers[ids.Count + i].StatusCode);
        }
        Assert.Equal("Decided", (await ExpectAsync(await Client.GetAsync($"{Lists}/{year}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }
    [Fact]
    public async Task Sending_the_list_and_recording_each_decision_publish_once_with_their_fields_and_a_repeat_publishes_nothing()
    {
        const int year = 2067;
        var first = await NationalAsync(year, 400_000_000);
        var second = await NationalAsync(year, 250_000_000);
        await PrepareAsync(year);
        await ExpectAsync(await CheckRawAsync(year, first, true), HttpStatusCode.OK);
        await ExpectAsync(await CheckRawAsync(year, second, true), HttpStatusCode.OK);
        Assert.DoesNotContain(await PublishedAsync<NationalSubmissionSent>(), m => m.Event.PlanYear == year);

        var sent = await ExpectAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-20"), HttpStatusCode.OK);
        await ExpectAsync(await SubmitRawAsync(year, "512/SCT-QLCN", $"{year - 1}-06-20"), HttpStatusCode.OK);
        await AssertProblemAsync(await SubmitRawAsync(year, "600/SCT-QLCN", $"{year - 1}-06-21"), HttpStatusCode.Conflict, "/errors/national-submission-already-sent");

        var listId = sent.GetProperty("id").GetGuid();
        var (sentId, list) = Assert.Single(await PublishedAsync<NationalSubmissionSent>(), m => m.Event.PlanYear == year);
        Assert.Equal(NationalSubmissionsApi.SentMessageIdOf(listId), sentId);
        Assert.Equal((listId, "512/SCT-QLCN", new DateOnly(year - 1, 6, 20), true), (list.SubmissionId, list.DispatchNumber, list.SentOn, list.IsLate));
        Assert.Equal(sent.GetProperty("submittedAt").GetDateTimeOffset(), list.SentAt);
        Assert.Equal(
            sent.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("proposalId").GetGuid(), i.GetProperty("proposalCode").GetString(),
                i.GetProperty("contentGroup").GetInt32(), i.GetProperty("district").GetString(), i.GetProperty("requestedSupport").GetInt64())),
            list.Proposals.Select(p => (p.ProposalId, (string?)p.Code, (int)p.ContentGroup, (string?)p.District, p.RequestedSupport)));
        Assert.Equal(650_000_000, list.Proposals.Sum(p => p.RequestedSupport));

        // The Ministry approves one for less than asked (the same decision twice) and does not select the other;
        // a different decision on the first is refused and publishes nothing.
        var approved = new { outcome = "Approved", approvedSupport = 350_000_000, decisionNumber = "1234/QĐ-BCT", decisionDate = $"{year - 1}-12-20" };
        await ExpectAsync(await DecideRawAsync(year, first, approved), HttpStatusCode.OK);
        await ExpectAsync(await DecideRawAsync(year, first, approved), HttpStatusCode.OK);
        await AssertProblemAsync(await DecideRawAsync(year, first, approved with { approvedSupport = 300_000_000 }), HttpStatusCode.Conflict,
            "/errors/ministry-decision-recorded");
        var decided = await ExpectAsync(await DecideRawAsync(year, second,
            new { outcome = "NotSelected", approvedSupport = 100_000_000, decisionNumber = "1235/QĐ-BCT", decisionDate = $"{year - 1}-12-21" }), HttpStatusCode.OK);

        var decisions = (await PublishedAsync<NationalDecisionRecorded>()).Where(m => m.Event.PlanYear == year).ToList();
        Assert.Equal([NationalSubmissionsApi.DecidedMessageIdOf(listId, Guid.Parse(first)), NationalSubmissionsApi.DecidedMessageIdOf(listId, Guid.Parse(second))],
            decisions.Select(d => d.MessageId));
        var (one, other) = (decisions[0].Event, decisions[1].Event);
        Assert.Equal((listId, Guid.Parse(first), ItemOf(decided, first).GetProperty("proposalCode").GetString(), NationalDecisionRecorded.Approved, (long?)350_000_000,
                "1234/QĐ-BCT", new DateOnly(year - 1, 12, 20)),
            (one.SubmissionId, one.ProposalId, (string?)one.Code, one.Outcome, one.ApprovedSupport, one.DecisionNumber, one.DecisionDate));
        Assert.Equal((NationalDecisionRecorded.NotSelected, (long?)null, "1235/QĐ-BCT"), (other.Outcome, other.ApprovedSupport, other.DecisionNumber));
        Assert.False(string.IsNullOrEmpty(one.RecordedBy));
        Assert.True(one.RecordedAt >= list.SentAt);

        var figures = await ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>($"/api/proposals/figures?fromYear={year}&toYear={year}");
        Assert.Equal(650_000_000, figures!.Figures.Single(f => f.Figure == ReconciledFigures.Proposals.NationalRequested).Value);
        Assert.Equal(350_000_000, figures.Figures.Single(f => f.Figure == ReconciledFigures.Proposals.NationalApproved).Value);
    }

    [Fact]
    public async Task The_same_dispatch_and_the_same_decision_sent_at_once_publish_one_event_each()
    {
        const int year = 2068;
        var id = await NationalAsync(year, 300_000_000);
        await PrepareAsync(year);
        await ExpectAsync(await CheckRawAsync(year, id, true), HttpStatusCode.OK);

        var submits = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitRawAsync(year, "77/SCT-QLCN", $"{year - 1}-06-01")));
        var decision = new { outcome = "Approved", approvedSupport = 280_000_000, decisionNumber = "88/QĐ-BCT", decisionDate = $"{year - 1}-11-30" };
        var decides = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => DecideRawAsync(year, id, decision)));

        // Answers are the list (200) or, for a request that lost the race to its twin's lock, a conflict to retry (409); never a 500.
        Assert.All(submits.Concat(decides), r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        var (_, list) = Assert.Single(await PublishedAsync<NationalSubmissionSent>(), m => m.Event.PlanYear == year);
        Assert.False(list.IsLate);
        var (_, recorded) = Assert.Single(await PublishedAsync<NationalDecisionRecorded>(), m => m.Event.PlanYear == year);
        Assert.Equal(280_000_000, recorded.ApprovedSupport);
    }
}

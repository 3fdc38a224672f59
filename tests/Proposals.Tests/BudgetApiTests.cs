using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Budget envelopes through the API, and the approvals they hold back; each test works in its own plan year.</summary>
[Collection(ServersCollection.Name)]
public sealed class BudgetApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Envelopes = "/api/proposals/budget-envelopes";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private static object Allocation(int year, long amount, string decisionNumber = "120/QĐ-UBND") =>
        new { planYear = year, fundingSource = "Local", amount, decisionNumber, decisionDate = $"{year}-01-10", note = "Giao dự toán đầu năm" };

    private async Task<JsonElement> AllocateAsync(int year, long amount) =>
        await ExpectAsync(await Client.PostAsJsonAsync(Envelopes, Allocation(year, amount)), HttpStatusCode.Created);

    private async Task<JsonElement> FiguresAsync(int year) =>
        await ExpectAsync(await Client.GetAsync($"{Envelopes}/{year}/Local"), HttpStatusCode.OK);

    private Task<string> AppraisedAsync(int year) => Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year));

    private static object Approval(int year, long support, object? exceedPlan = null) =>
        new { approvedSupport = support, decisionNumber = "15/QĐ-SCT", decisionDate = $"{year}-01-15", exceedPlan };

    private Task<int> OutboxCountAsync(string type) => WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains($".{type},")));

    [Fact]
    public async Task Additions_and_cuts_are_kept_as_entries_and_the_figures_follow_approvals_and_payments()
    {
        const int year = 2024;
        var allocated = await AllocateAsync(year, 500_000_000);
        Assert.True(allocated.GetProperty("hasEnvelope").GetBoolean());
        Assert.Equal(500_000_000, allocated.GetProperty("remaining").GetInt64());

        var id = await AppraisedAsync(year);
        await Journey.PostAsync(id, "approve", Approval(year, 200_000_000));
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = $"{year}-02-01" });
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 100_000_000, paidOn = $"{year}-02-10" });
        await ExpectAsync(await Client.PostAsJsonAsync($"{Envelopes}/{year}/Local/entries",
            new { kind = "Addition", amount = 100_000_000, decisionNumber = "500/QĐ-UBND", decisionDate = $"{year}-05-02" }), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsJsonAsync($"{Envelopes}/{year}/Local/entries",
            new { kind = "Cut", amount = 50_000_000, decisionNumber = "900/QĐ-UBND", decisionDate = $"{year}-06-20" }), HttpStatusCode.OK);

        var figures = await FiguresAsync(year);
        Assert.Equal(550_000_000, figures.GetProperty("allocated").GetInt64());
        Assert.Equal(200_000_000, figures.GetProperty("committed").GetInt64());
        Assert.Equal(350_000_000, figures.GetProperty("remaining").GetInt64());
        Assert.Equal(100_000_000, figures.GetProperty("advanced").GetInt64());
        Assert.Equal(100_000_000, figures.GetProperty("paid").GetInt64());
        Assert.Equal(["Allocation", "Addition", "Cut"], figures.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var group = Assert.Single(figures.GetProperty("byContentGroup").EnumerateArray());
        Assert.Equal(("3", 200_000_000L), (group.GetProperty("key").GetString(), group.GetProperty("committed").GetInt64()));
        var district = Assert.Single(figures.GetProperty("byDistrict").EnumerateArray());
        Assert.Equal(100_000_000, district.GetProperty("advanced").GetInt64());
        Assert.Equal(3, await OutboxCountAsync("BudgetEnvelopeChanged"));

        var listed = await ExpectAsync(await Client.GetAsync($"{Envelopes}?fromYear={year}&toYear={year}"), HttpStatusCode.OK);
        Assert.Equal(550_000_000, Assert.Single(listed.EnumerateArray()).GetProperty("allocated").GetInt64());
    }

    [Fact]
    public async Task Approving_beyond_the_envelope_is_refused_in_Vietnamese_unless_a_decision_to_exceed_the_plan_is_recorded()
    {
        const int year = 2023;
        await AllocateAsync(year, 300_000_000);
        await Journey.PostAsync(await AppraisedAsync(year), "approve", Approval(year, 200_000_000));
        var second = await AppraisedAsync(year);

        var refused = await AssertProblemAsync(await Journey.PostRawAsync(second, "approve", Approval(year, 200_000_000)),
            HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded");
        var detail = refused.GetProperty("detail").GetString()!.Replace(',', '.');
        Assert.Contains("vượt số dự toán còn lại 100.000.000 đồng", detail);
        Assert.Contains("được giao 300.000.000 đồng", detail);
        Assert.Contains("đã cam kết 200.000.000 đồng", detail);
        var unchanged = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{second}");
        Assert.Equal("UnderAppraisal", unchanged.GetProperty("status").GetString());

        var approved = await Journey.PostAsync(second, "approve",
            Approval(year, 200_000_000, new { decisionNumber = "45/QĐ-UBND", decisionDate = $"{year}-01-14", reason = "Đề án cấp bách của tỉnh" }));

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var exceedance = approved.GetProperty("planExceedance");
        Assert.Equal("45/QĐ-UBND", exceedance.GetProperty("decisionNumber").GetString());
        Assert.Equal(100_000_000, exceedance.GetProperty("remainingBefore").GetInt64());
        var figures = await FiguresAsync(year);
        Assert.Equal(-100_000_000, figures.GetProperty("remaining").GetInt64());
        Assert.Equal(1, figures.GetProperty("proposalsOverPlan").GetInt32());
        var overPlan = await ExpectAsync(await Client.GetAsync($"/api/proposals?year={year}&overPlan=true"), HttpStatusCode.OK);
        Assert.Equal([second], overPlan.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var withinPlan = await ExpectAsync(await Client.GetAsync($"/api/proposals?year={year}&overPlan=false"), HttpStatusCode.OK);
        Assert.DoesNotContain(second, withinPlan.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, withinPlan.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_an_envelope_approvals_are_not_checked_and_the_figures_say_none_is_allocated()
    {
        const int year = 2022;
        var id = await AppraisedAsync(year);

        var approved = await Journey.PostAsync(id, "approve", Approval(year, 300_000_000));

        Assert.Equal(JsonValueKind.Null, approved.GetProperty("planExceedance").ValueKind);
        var figures = await FiguresAsync(year);
        Assert.False(figures.GetProperty("hasEnvelope").GetBoolean());
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("allocated").ValueKind);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("remaining").ValueKind);
        Assert.Equal(300_000_000, figures.GetProperty("committed").GetInt64());
    }

    [Fact]
    public async Task Parallel_approvals_against_one_envelope_never_exceed_it()
    {
        foreach (var year in new[] { 2019, 2020, 2021 })
        {
            await AllocateAsync(year, 550_000_000);
            var ids = new List<string>();
            for (var i = 0; i < Bursts.Size; i++)
            {
                ids.Add(await AppraisedAsync(year));
            }

            var responses = await Bursts.RunAsync(ids.Count, i => Journey.PostRawAsync(ids[i], "approve", Approval(year, 100_000_000)));

            await Bursts.AssertNoServerErrorsAsync(responses);
            Assert.Equal(5, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.OK));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await AssertProblemAsync(refused, HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded");
            }
            var figures = await FiguresAsync(year);
            Assert.Equal(500_000_000, figures.GetProperty("committed").GetInt64());
            Assert.Equal(5, figures.GetProperty("proposals").GetInt32());
        }
    }

    [Fact]
    public async Task Hostile_or_impossible_envelope_decisions_are_refused_and_change_nothing()
    {
        const int year = 2018;
        var errors = await ErrorsOf(await Client.PostAsJsonAsync(Envelopes,
            new { planYear = 1999, amount = -5, decisionNumber = new string('9', 65), note = new string('x', 1001) }));
        Assert.Equal(["amount", "decisionDate", "decisionNumber", "fundingSource", "note", "planYear"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        await AssertProblemAsync(await Client.PostAsJsonAsync($"{Envelopes}/{year}/Local/entries",
            new { kind = "Addition", amount = 1, decisionNumber = "1/QĐ", decisionDate = $"{year}-02-01" }), HttpStatusCode.NotFound, "/errors/not-found");

        await AllocateAsync(year, 100_000_000);
        await AssertProblemAsync(await Client.PostAsJsonAsync(Envelopes, Allocation(year, 5, "121/QĐ-UBND")), HttpStatusCode.Conflict, "/errors/envelope-exists");
        Assert.True((await ErrorsOf(await Client.PostAsJsonAsync($"{Envelopes}/{year}/Local/entries",
            new { kind = "Allocation", amount = 1, decisionNumber = "2/QĐ", decisionDate = $"{year}-02-01" }))).TryGetProperty("kind", out _));
        await AssertProblemAsync(await Client.PostAsJsonAsync($"{Envelopes}/{year}/Local/entries",
            new { kind = "Cut", amount = 100_000_001, decisionNumber = "3/QĐ", decisionDate = $"{year}-02-01" }),
            HttpStatusCode.UnprocessableEntity, "/errors/envelope-cut-exceeds-allocation");

        var figures = await FiguresAsync(year);
        Assert.Equal(100_000_000, figures.GetProperty("allocated").GetInt64());
        Assert.Single(figures.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task A_decision_sent_twice_with_one_key_is_recorded_once()
    {
        const int year = 2017;
        HttpRequestMessage Post(string path, object body, string key) =>
            new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.WithKey(key);

        var first = await Client.SendAsync(Post(Envelopes, Allocation(year, 1_000_000_000), "allocate-2017"));
        var again = await Client.SendAsync(Post(Envelopes, Allocation(year, 1_000_000_000), "allocate-2017"));
        var addition = new { kind = "Addition", amount = 200_000_000, decisionNumber = "77/QĐ-UBND", decisionDate = $"{year}-03-01" };
        await ExpectAsync(await Client.SendAsync(Post($"{Envelopes}/{year}/Local/entries", addition, "add-2017")), HttpStatusCode.OK);
        await ExpectAsync(await Client.SendAsync(Post($"{Envelopes}/{year}/Local/entries", addition, "add-2017")), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var figures = await FiguresAsync(year);
        Assert.Equal(1_200_000_000, figures.GetProperty("allocated").GetInt64());
        Assert.Equal(2, figures.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, await OutboxCountAsync("BudgetEnvelopeChanged"));
    }

    // The amendments' years include 2014, whose support norms took effect on 8 April: approvals there are dated in May.
    private static object Raise(int year, long support, object? exceedPlan = null, string decisionNumber = "30/QĐ-SCT") =>
        new { decisionNumber, decisionDate = $"{year}-06-02", reason = "Bổ sung thiết bị theo thiết kế điều chỉnh", approvedSupport = support, exceedPlan };

    private async Task<string> ApprovedAsync(int year, long support, string fundingSource = "Local")
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, fundingSource: fundingSource));
        await Journey.PostAsync(id, "approve", new { approvedSupport = support, decisionNumber = "15/QĐ-SCT", decisionDate = $"{year}-05-15" });
        return id;
    }

    private Task<int> AmendmentCountAsync() => WithDbAsync(db => db.Proposals.AsNoTracking().SelectMany(p => p.Amendments).CountAsync());

    [Fact]
    public async Task A_raise_within_what_remains_is_admitted_and_commits_more_of_the_envelope_while_a_cut_needs_no_room()
    {
        const int year = 2016;
        await AllocateAsync(year, 300_000_000);
        var id = await ApprovedAsync(year, 100_000_000);
        await ApprovedAsync(year, 150_000_000);

        // 50 million remain: the raise of 50 million fits exactly, the proposal's own 100 million is not counted against it.
        var raised = await Journey.PostAsync(id, "amendments", Raise(year, 150_000_000));

        Assert.Equal(150_000_000, raised.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(JsonValueKind.Null, Assert.Single(raised.GetProperty("amendments").EnumerateArray()).GetProperty("planExceedance").ValueKind);
        var figures = await FiguresAsync(year);
        Assert.Equal(300_000_000, figures.GetProperty("committed").GetInt64());
        Assert.Equal(0, figures.GetProperty("remaining").GetInt64());
        Assert.Equal(0, figures.GetProperty("proposalsOverPlan").GetInt32());

        // Nothing remains now, yet lowering the support is no raise and is not checked.
        var lowered = await Journey.PostAsync(id, "amendments", Raise(year, 120_000_000, decisionNumber: "31/QĐ-SCT"));

        Assert.Equal(120_000_000, lowered.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(2, lowered.GetProperty("amendments").GetArrayLength());
        Assert.Equal(270_000_000, (await FiguresAsync(year)).GetProperty("committed").GetInt64());
        Assert.Equal(2, await OutboxCountAsync("ProposalAmended"));
    }

    [Fact]
    public async Task A_raise_beyond_what_remains_is_refused_in_Vietnamese_unless_a_decision_to_exceed_the_plan_is_recorded_on_the_amendment()
    {
        const int year = 2015;
        await AllocateAsync(year, 300_000_000);
        var id = await ApprovedAsync(year, 100_000_000);
        await ApprovedAsync(year, 170_000_000);
        var events = await OutboxCountAsync("ProposalAmended");

        var refused = await AssertProblemAsync(await Journey.PostRawAsync(id, "amendments", Raise(year, 150_000_000)),
            HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded-by-amendment");
        var detail = refused.GetProperty("detail").GetString()!.Replace(',', '.');
        Assert.Contains("Điều chỉnh đề án", detail);
        Assert.Contains("tăng kinh phí hỗ trợ thêm 50.000.000 đồng", detail);
        Assert.Contains("vượt số dự toán còn lại 30.000.000 đồng", detail);
        Assert.Contains("đã cam kết 270.000.000 đồng", detail);
        Assert.DoesNotContain("Phê duyệt", detail);
        var english = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/amendments") { Content = JsonContent.Create(Raise(year, 150_000_000)) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await AssertProblemAsync(await Client.SendAsync(english), HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded-by-amendment");
        Assert.Contains("raises its support by", inEnglish.GetProperty("detail").GetString());
        var unchanged = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(100_000_000, unchanged.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(0, unchanged.GetProperty("amendments").GetArrayLength());
        Assert.Equal(0, await AmendmentCountAsync());
        Assert.Equal(events, await OutboxCountAsync("ProposalAmended"));

        var amended = await Journey.PostAsync(id, "amendments",
            Raise(year, 150_000_000, new { decisionNumber = " 46/QĐ-UBND ", decisionDate = $"{year}-06-01", reason = "Thiết bị tăng giá theo thị trường" }));

        Assert.Equal(150_000_000, amended.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(JsonValueKind.Null, amended.GetProperty("planExceedance").ValueKind);
        var exceedance = Assert.Single(amended.GetProperty("amendments").EnumerateArray()).GetProperty("planExceedance");
        Assert.Equal("46/QĐ-UBND", exceedance.GetProperty("decisionNumber").GetString());
        Assert.Equal($"{year}-06-01", exceedance.GetProperty("decisionDate").GetString());
        Assert.Equal("Thiết bị tăng giá theo thị trường", exceedance.GetProperty("reason").GetString());
        Assert.Equal(30_000_000, exceedance.GetProperty("remainingBefore").GetInt64());
        var stored = await WithDbAsync(db => db.Proposals.AsNoTracking().SelectMany(p => p.Amendments).SingleAsync());
        Assert.Equal(("46/QĐ-UBND", new DateOnly(year, 6, 1), 30_000_000L), (stored.ExceedanceDecisionNumber, stored.ExceedanceDecisionDate!.Value, stored.RemainingBefore!.Value));
        var figures = await FiguresAsync(year);
        Assert.Equal(320_000_000, figures.GetProperty("committed").GetInt64());
        Assert.Equal(-20_000_000, figures.GetProperty("remaining").GetInt64());
        Assert.Equal(1, figures.GetProperty("proposalsOverPlan").GetInt32());
        var overPlan = await ExpectAsync(await Client.GetAsync($"/api/proposals?year={year}&overPlan=true"), HttpStatusCode.OK);
        Assert.Equal([id], overPlan.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var payload = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains(".ProposalAmended,")).Select(m => m.Payload).SingleAsync());
        Assert.Equal("46/QĐ-UBND", JsonDocument.Parse(payload).RootElement.GetProperty("planExceedanceDecisionNumber").GetString());
    }

    [Fact]
    public async Task Without_an_envelope_a_raise_is_not_checked_as_an_approval_is_not()
    {
        // The national source of 2014: the year's local envelope belongs to the hostile-input test.
        const int year = 2014;
        var id = await ApprovedAsync(year, 100_000_000, fundingSource: "National");

        var raised = await Journey.PostAsync(id, "amendments", Raise(year, 200_000_000));

        Assert.Equal(200_000_000, raised.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(JsonValueKind.Null, Assert.Single(raised.GetProperty("amendments").EnumerateArray()).GetProperty("planExceedance").ValueKind);
        var figures = await ExpectAsync(await Client.GetAsync($"{Envelopes}/{year}/National"), HttpStatusCode.OK);
        Assert.False(figures.GetProperty("hasEnvelope").GetBoolean());
        Assert.Equal(200_000_000, figures.GetProperty("committed").GetInt64());
    }

    [Fact]
    public async Task A_raise_sent_twice_with_one_key_is_amended_and_admitted_once()
    {
        // The national source of 2016: the year's local envelope belongs to the test of a raise within what remains.
        const int year = 2016;
        await ExpectAsync(await Client.PostAsJsonAsync(Envelopes, new
        {
            planYear = year, fundingSource = "National", amount = 400_000_000, decisionNumber = "120/QĐ-BCT", decisionDate = $"{year}-01-10",
        }), HttpStatusCode.Created);
        var id = await ApprovedAsync(year, 100_000_000, fundingSource: "National");
        HttpRequestMessage Post() => new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/amendments")
        { Content = JsonContent.Create(Raise(year, 180_000_000)) }.WithKey("raise-2016-national");

        var first = await ExpectAsync(await Client.SendAsync(Post()), HttpStatusCode.OK);
        var again = await Client.SendAsync(Post());

        await ExpectAsync(again, HttpStatusCode.OK);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(first.GetProperty("amendments").EnumerateArray());
        Assert.Equal(1, await AmendmentCountAsync());
        Assert.Equal(1, await OutboxCountAsync("ProposalAmended"));
        var figures = await ExpectAsync(await Client.GetAsync($"{Envelopes}/{year}/National"), HttpStatusCode.OK);
        Assert.Equal((180_000_000L, 220_000_000L), (figures.GetProperty("committed").GetInt64(), figures.GetProperty("remaining").GetInt64()));
    }

    [Fact]
    public async Task Parallel_raises_of_proposals_in_one_envelope_never_exceed_it()
    {
        const int year = 2025;
        // Twenty proposals of 100 million each leave 250 million: room for five raises of 50 million, not twenty.
        await AllocateAsync(year, Bursts.Size * 100_000_000L + 250_000_000);
        var ids = new List<string>();
        for (var i = 0; i < Bursts.Size; i++)
        {
            ids.Add(await ApprovedAsync(year, 100_000_000));
        }

        var responses = await Bursts.RunAsync(ids.Count, i => Journey.PostRawAsync(ids[i], "amendments", Raise(year, 150_000_000)));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(5, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "/errors/budget-envelope-exceeded-by-amendment");
        }
        var figures = await FiguresAsync(year);
        Assert.Equal(Bursts.Size * 100_000_000L + 250_000_000, figures.GetProperty("committed").GetInt64());
        Assert.Equal(0, figures.GetProperty("remaining").GetInt64());
        Assert.Equal(5, await AmendmentCountAsync());
    }

    [Fact]
    public async Task Hostile_decisions_to_exceed_the_plan_on_an_amendment_are_refused_and_change_nothing()
    {
        const int year = 2014;
        await AllocateAsync(year, 100_000_000);
        var id = await ApprovedAsync(year, 100_000_000);

        var errors = await ErrorsOf(await Journey.PostRawAsync(id, "amendments",
            Raise(year, 150_000_000, new { decisionNumber = new string('4', 65), decisionDate = "1950-06-01", reason = "" })));
        Assert.Equal(["exceedPlan.decisionDate", "exceedPlan.decisionNumber", "exceedPlan.reason"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains((await ErrorsOf(await Journey.PostRawAsync(id, "amendments",
            Raise(year, 150_000_000, new { decisionNumber = "47/QĐ-UBND", decisionDate = "9999-12-31", reason = "Lý do" })))).EnumerateObject(),
            e => e.Name.Contains("decisionDate", StringComparison.OrdinalIgnoreCase));
        Assert.Contains((await ErrorsOf(await Journey.PostRawAsync(id, "amendments",
            Raise(year, 150_000_000, new { decisionNumber = "47/QĐ\u0000-UBND", decisionDate = $"{year}-03-01", reason = "Lý\u0000do" })))).EnumerateObject(),
            e => e.Name.StartsWith("exceedPlan", StringComparison.OrdinalIgnoreCase));

        var unchanged = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(100_000_000, unchanged.GetProperty("approval").GetProperty("approvedSupport").GetInt64());
        Assert.Equal(0, await AmendmentCountAsync());
        Assert.Equal(100_000_000, (await FiguresAsync(year)).GetProperty("committed").GetInt64());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Proposals.Api;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Annual plans through the API on real PostgreSQL: compiled from the year's proposals, approved by decision, revised as versions; each test works in its own plan year.</summary>
[Collection(ServersCollection.Name)]
public sealed class PlansApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Plans = "/api/proposals/plans";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private async Task<string> AppraisedAsync(int year, int percent, long support = 300_000_000, string? callId = null)
    {
        var draft = ProposalJourney.DraftBody(TaxCode, year, stateSupport: support);
        if (callId is not null)
        {
            draft["callId"] = callId;
        }
        var id = (await Journey.CreateAsync(draft)).GetProperty("id").GetString()!;
        var (receivedOn, completedOn) = ProposalJourney.PaperDays(year);
        await Journey.SubmitAsync(id, receivedOn);
        await Journey.AppraiseAsync(id, percent, completedOn);
        return id;
    }

    private async Task<JsonElement> CompileAsync(int year, string? reason = null) =>
        await ExpectAsync(await Client.PostAsJsonAsync(Plans, new { planYear = year, fundingSource = "Local", reason }), HttpStatusCode.OK);

    private Task<HttpResponseMessage> ApproveRawAsync(int year, int version, string decisionNumber, string decisionDate) =>
        Client.PostAsJsonAsync($"{Plans}/{year}/Local/versions/{version}/approve", new { decisionNumber, decisionDate });

    /// <summary>The AnnualPlanApproved messages written to the outbox, in order.</summary>
    private Task<List<(Guid MessageId, AnnualPlanApproved Event)>> PlanApprovalsAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith("KhuyenCong.Contracts.Proposals.AnnualPlanApproved,"))
            .OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.Payload }).ToListAsync())
        .Select(m => (m.MessageId, JsonSerializer.Deserialize<AnnualPlanApproved>(m.Payload, JsonSerializerOptions.Web)!)).ToList());

    private static List<string?> Codes(JsonElement version) =>
        version.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();

    [Fact]
    public async Task A_plan_ranks_the_recommended_and_approved_proposals_by_appraisal_and_its_approved_versions_are_kept()
    {
        const int year = 2022;
        var low = await AppraisedAsync(year, 75, 200_000_000);
        var high = await AppraisedAsync(year, 95, 300_000_000);
        var failed = await AppraisedAsync(year, 40);
        await Journey.PostAsync(high, "approve", new { approvedSupport = 250_000_000, decisionNumber = "15/QĐ-SCT", decisionDate = $"{year}-01-15" });
        var code = async (string id) => (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString();

        var compiled = await CompileAsync(year);
        var draft = Assert.Single(compiled.GetProperty("versions").EnumerateArray());
        Assert.Equal([await code(high), await code(low)], Codes(draft));
        Assert.DoesNotContain(await code(failed), Codes(draft));
        Assert.Equal([250_000_000L, 200_000_000L], draft.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetInt64()));
        Assert.Equal(450_000_000, draft.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, compiled.GetProperty("currentVersion").ValueKind);

        var approved = await ExpectAsync(await ApproveRawAsync(year, 1, "30/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.OK);
        Assert.Equal(1, approved.GetProperty("currentVersion").GetInt32());
        Assert.Equal(450_000_000, approved.GetProperty("currentTotal").GetInt64());

        // A revision states its reason; it is a second version, and the first stays as it was approved.
        await AssertProblemAsync(await Client.PostAsJsonAsync(Plans, new { planYear = year, fundingSource = "Local" }),
            HttpStatusCode.UnprocessableEntity, "/errors/plan-revision-needs-reason");
        await Journey.PostAsync(low, "approve", new { approvedSupport = 150_000_000, decisionNumber = "16/QĐ-SCT", decisionDate = $"{year}-03-01" });
        var revised = await CompileAsync(year, "Điều chỉnh kinh phí theo quyết định phê duyệt đề án");
        Assert.Equal(2, revised.GetProperty("draftVersion").GetInt32());
        Assert.Equal(1, revised.GetProperty("currentVersion").GetInt32());
        await ExpectAsync(await ApproveRawAsync(year, 2, "45/QĐ-UBND", $"{year}-03-05"), HttpStatusCode.OK);

        var plan = await ExpectAsync(await Client.GetAsync($"{Plans}/{year}/Local"), HttpStatusCode.OK);
        Assert.Equal(2, plan.GetProperty("currentVersion").GetInt32());
        var versions = plan.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([450_000_000L, 400_000_000L], versions.Select(v => v.GetProperty("total").GetInt64()));
        Assert.Equal(["30/QĐ-UBND", "45/QĐ-UBND"], versions.Select(v => v.GetProperty("decisionNumber").GetString()));
        Assert.True(versions[1].GetProperty("isRevision").GetBoolean());
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("approvedBy").GetString())));
        var listed = await ExpectAsync(await Client.GetAsync($"{Plans}?year={year}"), HttpStatusCode.OK);
        Assert.Equal(2, Assert.Single(listed.EnumerateArray()).GetProperty("currentVersion").GetInt32());
    }

    [Fact]
    public async Task Approving_the_plan_and_its_revision_publishes_each_version_with_its_items_once()
    {
        const int year = 2023;
        var low = await AppraisedAsync(year, 75, 200_000_000);
        var high = await AppraisedAsync(year, 95, 300_000_000);
        await CompileAsync(year);
        Assert.Empty(await PlanApprovalsAsync());

        var plan = await ExpectAsync(await ApproveRawAsync(year, 1, "30/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.OK);
        await ExpectAsync(await ApproveRawAsync(year, 1, "30/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.OK);

        var planId = plan.GetProperty("id").GetGuid();
        var (messageId, first) = Assert.Single(await PlanApprovalsAsync());
        Assert.Equal(PlansApi.ApprovedMessageIdOf(planId, 1), messageId);
        Assert.Equal((planId, year, KhuyenCong.Contracts.FundingSource.Local, 1, "30/QĐ-UBND", new DateOnly(year, 2, 1)),
            (first.PlanId, first.PlanYear, first.FundingSource, first.VersionNumber, first.DecisionNumber, first.DecisionDate));
        Assert.Equal(plan.GetProperty("versions")[0].GetProperty("approvedAt").GetDateTimeOffset(), first.ApprovedAt);
        var version = plan.GetProperty("versions")[0].GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            version.Select(i => (i.GetProperty("proposalId").GetGuid(), i.GetProperty("code").GetString(), i.GetProperty("contentGroup").GetInt32(),
                i.GetProperty("district").GetString(), i.GetProperty("amount").GetInt64())),
            first.Items.Select(i => (i.ProposalId, (string?)i.Code, (int)i.ContentGroup, (string?)i.District, i.PlannedSupport)));
        Assert.Equal([Guid.Parse(high), Guid.Parse(low)], first.Items.Select(i => i.ProposalId));
        Assert.Equal([300_000_000L, 200_000_000L], first.Items.Select(i => i.PlannedSupport));

        // The revision, with the approved support of one proposal, is a second event; the plan in force is its figure.
        await Journey.PostAsync(high, "approve", new { approvedSupport = 250_000_000, decisionNumber = "16/QĐ-SCT", decisionDate = $"{year}-03-01" });
        await CompileAsync(year, "Điều chỉnh kinh phí theo quyết định phê duyệt đề án");
        await ExpectAsync(await ApproveRawAsync(year, 2, "45/QĐ-UBND", $"{year}-03-05"), HttpStatusCode.OK);

        var approvals = await PlanApprovalsAsync();
        Assert.Equal([1, 2], approvals.Select(a => a.Event.VersionNumber));
        Assert.Equal(PlansApi.ApprovedMessageIdOf(planId, 2), approvals[1].MessageId);
        Assert.Equal([250_000_000L, 200_000_000L], approvals[1].Event.Items.Select(i => i.PlannedSupport));
        var figures = await ClientAs(TestUser.Admin).GetFromJsonAsync<OwnerFigures>($"/api/proposals/figures?fromYear={year}&toYear={year}");
        Assert.Equal(450_000_000, figures!.Figures.Single(f => f.Figure == ReconciledFigures.Proposals.Planned).Value);
    }

    [Fact]
    public async Task A_year_with_calls_takes_only_the_proposals_filed_under_them()
    {
        const int year = 2021;
        var call = await ExpectAsync(await Client.PostAsJsonAsync("/api/proposals/calls", new
        {
            planYear = year, fundingSource = "Local", title = $"Đăng ký kế hoạch năm {year}", contentGroups = new[] { 3 },
        }), HttpStatusCode.Created);
        var under = await AppraisedAsync(year, 80, callId: call.GetProperty("id").GetString());
        await AppraisedAsync(year, 90);

        var compiled = await CompileAsync(year);

        var item = Assert.Single(compiled.GetProperty("versions")[0].GetProperty("items").EnumerateArray());
        Assert.Equal(under, item.GetProperty("proposalId").GetString());
    }

    [Fact]
    public async Task Of_parallel_approvals_of_a_version_one_wins_and_the_others_are_refused_while_a_repeat_changes_nothing()
    {
        const int year = 2020;
        await AppraisedAsync(year, 80);
        await CompileAsync(year);

        var responses = await Bursts.RunAsync(Bursts.Size, i => ApproveRawAsync(year, 1, $"{i + 1}/QĐ-UBND", $"{year}-02-01"));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(1, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "/errors/plan-version-approved");
        }
        var winner = responses.Select((r, i) => (r, i)).Single(x => x.r.StatusCode == HttpStatusCode.OK).i;
        var plan = await ExpectAsync(await Client.GetAsync($"{Plans}/{year}/Local"), HttpStatusCode.OK);
        var version = Assert.Single(plan.GetProperty("versions").EnumerateArray());
        Assert.Equal($"{winner + 1}/QĐ-UBND", version.GetProperty("decisionNumber").GetString());

        // The winning decision sent again (a repeat, without a key) answers the plan unchanged.
        var again = await ExpectAsync(await ApproveRawAsync(year, 1, $"{winner + 1}/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.OK);
        Assert.Equal(version.GetProperty("approvedAt").GetString(), again.GetProperty("versions")[0].GetProperty("approvedAt").GetString());
        // One approval, one event: the refused and the repeated ones publish nothing.
        var (_, approved) = Assert.Single(await PlanApprovalsAsync());
        Assert.Equal($"{winner + 1}/QĐ-UBND", approved.DecisionNumber);
    }

    [Fact]
    public async Task A_compilation_sent_twice_with_one_key_makes_one_version()
    {
        const int year = 2019;
        await AppraisedAsync(year, 80);
        HttpRequestMessage Post() => new HttpRequestMessage(HttpMethod.Post, Plans)
        {
            Content = JsonContent.Create(new { planYear = year, fundingSource = "Local" }),
        }.WithKey("compile-2019");

        var first = await ExpectAsync(await Client.SendAsync(Post()), HttpStatusCode.OK);
        var again = await Client.SendAsync(Post());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var plan = await ExpectAsync(await Client.GetAsync($"{Plans}/{year}/Local"), HttpStatusCode.OK);
        // Kept to the microsecond by PostgreSQL: the answer replayed and the plan stored name the same compilation.
        static long Micros(JsonElement version) => version.GetProperty("compiledAt").GetDateTimeOffset().UtcTicks / 10;
        Assert.Equal(Micros(first.GetProperty("versions")[0]), Micros(plan.GetProperty("versions")[0]));
        Assert.Single(plan.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Hostile_or_impossible_plan_requests_are_refused_and_change_nothing()
    {
        const int year = 2018;
        var errors = await ErrorsOf(await Client.PostAsJsonAsync(Plans, new { planYear = 1999, reason = new string('x', 1001) }));
        Assert.Equal(["fundingSource", "planYear", "reason"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.True((await ErrorsOf(await ApproveRawAsync(year, 1, new string('9', 65), $"{year}-02-01"))).TryGetProperty("decisionNumber", out _));
        Assert.True((await ErrorsOf(await ApproveRawAsync(year, 1, "1/QĐ-UBND", "1800-01-01"))).TryGetProperty("decisionDate", out _));
        await AssertProblemAsync(await ApproveRawAsync(year, 1, "1/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.GetAsync($"{Plans}/{year}/Local"), HttpStatusCode.NotFound, "/errors/not-found");

        var empty = await CompileAsync(year);
        Assert.Empty(empty.GetProperty("versions")[0].GetProperty("items").EnumerateArray());
        await AssertProblemAsync(await ApproveRawAsync(year, 1, "1/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.UnprocessableEntity, "/errors/plan-version-empty");
        var missing = await AssertProblemAsync(await ApproveRawAsync(year, 7, "1/QĐ-UBND", $"{year}-02-01"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Contains("phiên bản 7", missing.GetProperty("detail").GetString());
        await AssertProblemAsync(await ApproveRawAsync(year, 1, "1/QĐ-UBND", "2099-01-01"), HttpStatusCode.UnprocessableEntity, "/errors/decision-in-future");
        var refused = await ApproveRawAsync(year, 1, "1/QĐ-UBND", $"{year}-02-01");
        Assert.Contains("không có đề án nào", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var plan = await ExpectAsync(await Client.GetAsync($"{Plans}/{year}/Local"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("currentVersion").ValueKind);
    }
}

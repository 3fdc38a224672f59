using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// The units' consolidations of a call's registrations through the API on real PostgreSQL: the unit's filed proposals
/// taken in, ranked and given the unit's opinion, sent by a dispatch and frozen; the plan then carries the unit's
/// priority and opinion and breaks ties of appraisal by the unit's priority. A district officer acts for its own unit
/// only. Each test works in its own plan year (2062–2065).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class UnitConsolidationsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Unit = "p-mao-khe";
    private const string OtherUnit = "x-quang-la";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private HttpClient District(string unit = Unit) => ClientAs(TestUser.DistrictOfficer(unit));

    private static string Root(string callId) => $"/api/proposals/calls/{callId}/consolidations";

    private async Task<string> OpenCallAsync(int year) =>
        (await ExpectAsync(await Client.PostAsJsonAsync("/api/proposals/calls", new
        {
            planYear = year, fundingSource = "Local", title = $"Đăng ký kế hoạch khuyến công địa phương năm {year}", contentGroups = new[] { 3 },
        }), HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>A proposal of the unit filed under the call; appraised at <paramref name="percent"/> unless null.</summary>
    private async Task<string> FiledAsync(string callId, int year, int? percent = 80, string unit = Unit)
    {
        var draft = ProposalJourney.DraftBody(TaxCode, year, unit: unit);
        draft["callId"] = callId;
        var id = (await Journey.CreateAsync(draft)).GetProperty("id").GetString()!;
        await Journey.SubmitAsync(id);
        if (percent is { } p)
        {
            await Journey.AppraiseAsync(id, p);
        }
        return id;
    }

    private async Task<string> CodeOf(string id) => (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString()!;

    private static Task<HttpResponseMessage> AssessRawAsync(HttpClient client, string callId, string id, object body, string unit = Unit) =>
        client.PutAsJsonAsync($"{Root(callId)}/{unit}/items/{id}", body);

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, string callId, string dispatchNumber, string? dispatchDate, string unit = Unit) =>
        client.PostAsJsonAsync($"{Root(callId)}/{unit}/send", new { dispatchNumber, dispatchDate });

    private static JsonElement ItemOf(JsonElement consolidation, string id) =>
        consolidation.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("proposalId").GetString() == id);

    private static List<string> OrderOf(JsonElement consolidation) =>
        consolidation.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("proposalId").GetString()!).ToList();

    private static List<int> PrioritiesOf(JsonElement consolidation) =>
        consolidation.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("priority").GetInt32()).ToList();

    [Fact]
    public async Task A_unit_ranks_and_assesses_its_filed_proposals_sends_them_once_and_the_plan_breaks_ties_by_its_priority()
    {
        const int year = 2062;
        var callId = await OpenCallAsync(year);
        var first = await FiledAsync(callId, year);
        var second = await FiledAsync(callId, year);
        var third = await FiledAsync(callId, year);
        var draft = ProposalJourney.DraftBody(TaxCode, year, unit: Unit);
        draft["callId"] = callId;
        var unfiled = (await Journey.CreateAsync(draft)).GetProperty("id").GetString()!;
        var district = District();

        // Prepared by the unit's own officer: its filed proposals (not the draft), by code, none assessed yet.
        var prepared = await ExpectAsync(await district.PostAsync($"{Root(callId)}/{Unit}", null), HttpStatusCode.OK);
        Assert.Equal("Preparing", prepared.GetProperty("status").GetString());
        Assert.Equal([first, second, third], OrderOf(prepared));
        Assert.Equal([1, 2, 3], PrioritiesOf(prepared));
        Assert.DoesNotContain(unfiled, OrderOf(prepared));
        Assert.All(prepared.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("opinion").ValueKind));

        // The third moves to the top; the others move down by one.
        var moved = await ExpectAsync(await AssessRawAsync(district, callId, third, new { priority = 1, opinion = "Recommend", note = "Cơ sở có thị trường ổn định" }),
            HttpStatusCode.OK);
        Assert.Equal([third, first, second], OrderOf(moved));
        Assert.Equal([1, 2, 3], PrioritiesOf(moved));
        Assert.Equal("Cơ sở có thị trường ổn định", ItemOf(moved, third).GetProperty("note").GetString());

        // Not sent while a proposal has no opinion.
        var unassessed = await AssertProblemAsync(await SendRawAsync(district, callId, "45/UBND-KT", Iso(Today)), HttpStatusCode.UnprocessableEntity,
            "/errors/consolidation-opinion-missing");
        Assert.Contains(await CodeOf(second), unassessed.GetProperty("detail").GetString());
        await ExpectAsync(await AssessRawAsync(district, callId, first, new { priority = 2, opinion = "Recommend" }), HttpStatusCode.OK);
        await ExpectAsync(await AssessRawAsync(district, callId, second, new { priority = 3, opinion = "NotRecommend", note = "Trùng nội dung đã hỗ trợ" }),
            HttpStatusCode.OK);

        // Dated tomorrow: refused. Sent today; the same dispatch again changes nothing, another is refused.
        await AssertProblemAsync(await SendRawAsync(district, callId, "45/UBND-KT", Iso(Today.AddDays(1))), HttpStatusCode.UnprocessableEntity,
            "/errors/dispatch-in-future");
        var sent = await ExpectAsync(await SendRawAsync(district, callId, "45/UBND-KT", Iso(Today)), HttpStatusCode.OK);
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.Equal("45/UBND-KT", sent.GetProperty("dispatchNumber").GetString());
        var again = await ExpectAsync(await SendRawAsync(district, callId, "45/UBND-KT", Iso(Today)), HttpStatusCode.OK);
        // The same moment (the database keeps microseconds).
        Assert.Equal(sent.GetProperty("sentAt").GetDateTimeOffset().Ticks / 10, again.GetProperty("sentAt").GetDateTimeOffset().Ticks / 10);
        await AssertProblemAsync(await SendRawAsync(district, callId, "46/UBND-KT", Iso(Today)), HttpStatusCode.Conflict, "/errors/consolidation-already-sent");

        // Frozen: no change, no refresh; a proposal filed later stays outside it.
        await AssertProblemAsync(await AssessRawAsync(district, callId, first, new { priority = 1, opinion = "Recommend" }), HttpStatusCode.Conflict,
            "/errors/consolidation-sent");
        await AssertProblemAsync(await district.PostAsync($"{Root(callId)}/{Unit}", null), HttpStatusCode.Conflict, "/errors/consolidation-sent");
        var late = await FiledAsync(callId, year);
        var read = await ExpectAsync(await district.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.OK);
        Assert.Equal([third, first, second], OrderOf(read));

        // The Centre sees the unit's state among the units of the call.
        var units = await ExpectAsync(await Client.GetAsync(Root(callId)), HttpStatusCode.OK);
        var unit = units.EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == Unit);
        Assert.Equal(("Sent", 4, 3, "45/UBND-KT"), (unit.GetProperty("status").GetString(), unit.GetProperty("filedProposals").GetInt32(),
            unit.GetProperty("items").GetInt32(), unit.GetProperty("dispatchNumber").GetString()));

        // Every proposal scored the same: the plan ranks them by the unit's priority, the one outside the consolidation last.
        var plan = await ExpectAsync(await Client.PostAsJsonAsync("/api/proposals/plans", new { planYear = year, fundingSource = "Local" }), HttpStatusCode.OK);
        var items = plan.GetProperty("versions").EnumerateArray().Single().GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([third, first, second, late], items.Select(i => i.GetProperty("proposalId").GetString()));
        Assert.Equal([1, 2, 3], items.Take(3).Select(i => i.GetProperty("unitPriority").GetInt32()));
        Assert.Equal(["Recommend", "Recommend", "NotRecommend"], items.Take(3).Select(i => i.GetProperty("unitOpinion").GetString()));
        Assert.Equal(JsonValueKind.Null, items[3].GetProperty("unitPriority").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[3].GetProperty("unitOpinion").ValueKind);
    }

    [Fact]
    public async Task A_district_officer_acts_for_its_own_unit_only_and_leaders_read()
    {
        const int year = 2063;
        var callId = await OpenCallAsync(year);
        var mine = await FiledAsync(callId, year, percent: null);
        await ExpectAsync(await District().PostAsync($"{Root(callId)}/{Unit}", null), HttpStatusCode.OK);

        var other = District(OtherUnit);
        await AssertProblemAsync(await other.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await other.PostAsync($"{Root(callId)}/{Unit}", null), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await AssessRawAsync(other, callId, mine, new { priority = 1, opinion = "Recommend" }), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await SendRawAsync(other, callId, "1/UBND", Iso(Today)), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Empty((await ExpectAsync(await other.GetAsync(Root(callId)), HttpStatusCode.OK)).EnumerateArray());
        Assert.Single((await ExpectAsync(await District().GetAsync(Root(callId)), HttpStatusCode.OK)).EnumerateArray());

        var leader = ClientAs(TestUser.Leader);
        Assert.Single((await ExpectAsync(await leader.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"{Root(callId)}/{Unit}", null)).StatusCode);
        var establishment = ClientAs(TestUser.Establishment(TaxCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await establishment.GetAsync(Root(callId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AssessRawAsync(establishment, callId, mine, new { priority = 1, opinion = "Recommend" })).StatusCode);

        // Nothing of the other unit was written.
        var read = await ExpectAsync(await Client.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, ItemOf(read, mine).GetProperty("opinion").ValueKind);
        Assert.Equal("Preparing", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Priorities_beyond_the_list_dates_out_of_bounds_and_hostile_input_are_refused_in_Vietnamese_or_English_never_500()
    {
        const int year = 2064;
        var callId = await OpenCallAsync(year);
        var first = await FiledAsync(callId, year, percent: null);
        var second = await FiledAsync(callId, year, percent: null);
        var district = District();
        await ExpectAsync(await district.PostAsync($"{Root(callId)}/{Unit}", null), HttpStatusCode.OK);

        // A priority past the end of the list would leave a gap: refused in Vietnamese, and in English when asked.
        var gap = await AssertProblemAsync(await AssessRawAsync(district, callId, first, new { priority = 3, opinion = "Recommend" }),
            HttpStatusCode.UnprocessableEntity, "/errors/consolidation-priority-out-of-range");
        Assert.Contains("Thứ tự ưu tiên phải từ 1 đến 2", gap.GetProperty("detail").GetString());
        var english = new HttpRequestMessage(HttpMethod.Put, $"{Root(callId)}/{Unit}/items/{first}") { Content = JsonContent.Create(new { priority = 3, opinion = "Recommend" }) };
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var inEnglish = await AssertProblemAsync(await district.SendAsync(english), HttpStatusCode.UnprocessableEntity, "/errors/consolidation-priority-out-of-range");
        Assert.Contains("Priorities run from 1 to 2", inEnglish.GetProperty("detail").GetString());

        // A proposal of another unit, or none, is not in the list.
        await AssertProblemAsync(await AssessRawAsync(district, callId, Guid.NewGuid().ToString(), new { priority = 1, opinion = "Recommend" }),
            HttpStatusCode.UnprocessableEntity, "/errors/not-in-consolidation");

        foreach (var body in new object[]
        {
            new { priority = 0, opinion = "Recommend" },
            new { priority = -1, opinion = "Recommend" },
            new { priority = int.MaxValue, opinion = "Recommend" },
            new { priority = 1, opinion = "Recommend", note = new string('x', 1001) },
            new { priority = 1, opinion = "Recommend", note = "Ghi chú\0" },
            new { priority = 1 },
        })
        {
            var refused = await AssessRawAsync(district, callId, first, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        foreach (var raw in new[]
        {
            """{"priority": 99999999999999999999, "opinion": "Recommend"}""",
            """{"priority": 1, "opinion": 99}""",
            """{"priority": 1, "opinion": "Maybe"}""",
            """{"priority": "một", "opinion": "Recommend"}""",
        })
        {
            var response = await district.PutAsync($"{Root(callId)}/{Unit}/items/{first}", new StringContent(raw, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var vietnamese = await ErrorsOf(await SendRawAsync(district, callId, "", null));
        Assert.Contains("Số công văn là bắt buộc.", vietnamese.GetProperty("dispatchNumber")[0].GetString());
        Assert.Contains("Ngày công văn là bắt buộc", vietnamese.GetProperty("dispatchDate")[0].GetString());
        var englishErrors = new HttpRequestMessage(HttpMethod.Post, $"{Root(callId)}/{Unit}/send") { Content = JsonContent.Create(new { dispatchNumber = "" }) };
        englishErrors.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        Assert.Contains("Dispatch number is required.", (await ErrorsOf(await district.SendAsync(englishErrors))).GetProperty("dispatchNumber")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync(district, callId, "1/UBND", "9999-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync(district, callId, "1/UBND", "1850-01-01")).StatusCode);
        await AssertProblemAsync(await SendRawAsync(district, callId, new string('9', 65), Iso(Today)), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync(district, callId, "1/UBND\0", Iso(Today))).StatusCode);
        await ExpectAsync(await AssessRawAsync(district, callId, first, new { priority = 1, opinion = "Recommend" }), HttpStatusCode.OK);
        await ExpectAsync(await AssessRawAsync(district, callId, second, new { priority = 2, opinion = "Recommend" }), HttpStatusCode.OK);
        var early = await AssertProblemAsync(await SendRawAsync(district, callId, "1/UBND", "2020-01-01"), HttpStatusCode.UnprocessableEntity,
            "/errors/dispatch-before-call");
        Assert.Contains("trước ngày mở đợt đăng ký", early.GetProperty("detail").GetString());

        // An unknown unit or call, a unit code too long or with a control character: refused, never a server error.
        await AssertProblemAsync(await Client.PostAsync($"{Root(callId)}/khong-co-don-vi", null), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.PostAsync($"{Root(Guid.NewGuid().ToString())}/{Unit}", null), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.GetAsync(Root(Guid.NewGuid().ToString())), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync($"{Root(callId)}/{new string('x', 65)}", null)).StatusCode);
        Assert.True((int)(await Client.PostAsync($"{Root(callId)}/mao%01khe", null)).StatusCode is 400 or 404);
        Assert.True((int)(await Client.GetAsync($"{Root(callId)}/{new string('x', 5000)}")).StatusCode is >= 400 and < 500);

        var read = await ExpectAsync(await Client.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.OK);
        Assert.Equal("Preparing", read.GetProperty("status").GetString());
        Assert.Equal([first, second], OrderOf(read));
    }

    [Fact]
    public async Task Parallel_edits_never_leave_duplicate_priorities_and_of_two_different_dispatches_at_once_one_wins()
    {
        const int year = 2065;
        var callId = await OpenCallAsync(year);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await FiledAsync(callId, year, percent: null));
        }

        // Two officers prepare at once: one consolidation, both answer it.
        var prepares = await Task.WhenAll(District().PostAsync($"{Root(callId)}/{Unit}", null), Client.PostAsync($"{Root(callId)}/{Unit}", null));
        Assert.All(prepares, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var units = await ExpectAsync(await Client.GetAsync(Root(callId)), HttpStatusCode.OK);
        Assert.Equal(5, units.EnumerateArray().Single().GetProperty("items").GetInt32());

        var edits = Enumerable.Range(0, 20).Select(i => AssessRawAsync(i % 2 == 0 ? District() : Client, callId, ids[i % 5],
            new { priority = 5 - (i * 3 % 5), opinion = i % 3 == 0 ? "NotRecommend" : "Recommend" }));
        var answers = await Task.WhenAll(edits);
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var edited = await ExpectAsync(await Client.GetAsync($"{Root(callId)}/{Unit}"), HttpStatusCode.OK);
        Assert.Equal([1, 2, 3, 4, 5], PrioritiesOf(edited).Order());
        Assert.Equal(ids.Order(), OrderOf(edited).Order());

        // The same dispatch twice at once: both answer it sent. Then two different dispatches at once on a fresh unit's list.
        var same = await Task.WhenAll(SendRawAsync(District(), callId, "7/UBND-KT", Iso(Today)), SendRawAsync(Client, callId, "7/UBND-KT", Iso(Today)));
        Assert.All(same, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var other = await FiledAsync(callId, year, percent: null, unit: OtherUnit);
        await ExpectAsync(await Client.PostAsync($"{Root(callId)}/{OtherUnit}", null), HttpStatusCode.OK);
        await ExpectAsync(await AssessRawAsync(Client, callId, other, new { priority = 1, opinion = "Recommend" }, OtherUnit), HttpStatusCode.OK);
        var race = await Task.WhenAll(
            SendRawAsync(District(OtherUnit), callId, "8/UBND-KT", Iso(Today), OtherUnit),
            SendRawAsync(Client, callId, "9/UBND-KT", Iso(Today), OtherUnit));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        var loser = race.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        await AssertProblemAsync(loser, HttpStatusCode.Conflict, "/errors/consolidation-already-sent");
        var winner = await ExpectAsync(race.Single(r => r.StatusCode == HttpStatusCode.OK), HttpStatusCode.OK);
        var stored = await ExpectAsync(await Client.GetAsync($"{Root(callId)}/{OtherUnit}"), HttpStatusCode.OK);
        Assert.Equal(winner.GetProperty("dispatchNumber").GetString(), stored.GetProperty("dispatchNumber").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// Jury seats through the API with real tokens: the council names Appraiser accounts, only a seat's own juror scores
/// it (an officer or administrator never does), and a juror steps out of an entry for a conflict of interest.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class JurySeatsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string Competitions = "/api/products/competitions";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync() => await _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CreateAsync() =>
        (await _host.CreateCompetitionAsync("District", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();

    /// <summary>A district competition being scored by juror-1 … juror-5, with the given entries submitted.</summary>
    private async Task<(Guid Competition, List<Guid> Seats, List<Guid> Entries)> ScoringAsync(params string[] products)
    {
        var competition = await CreateAsync();
        var seats = await _host.SetCouncilAsync(competition, 5);
        await _host.PostAsync($"{Competitions}/{competition}/open", null, HttpStatusCode.OK);
        var entries = new List<Guid>();
        foreach (var product in products.DefaultIfEmpty("Chè Đường Hoa"))
        {
            var entry = await _host.RegisterEntryAsync(competition, product);
            await _host.AddThreePhotosAndSubmitAsync(competition, entry);
            entries.Add(entry);
        }
        await _host.PostAsync($"{Competitions}/{competition}/start-scoring", null, HttpStatusCode.OK);
        return (competition, seats, entries);
    }

    private static object Sheet(Guid? memberId, decimal market = 35) => new { memberId, market, technical = 30, cultural = 8, other = 8 };

    private Task<HttpResponseMessage> ScoreAsAsync(TestUser user, Guid competition, Guid entry, Guid? seat, decimal market = 35) =>
        _host.ClientAs(user).PostAsJsonAsync($"{Competitions}/{competition}/entries/{entry}/scores", Sheet(seat, market));

    private Task<HttpResponseMessage> DeclareAsAsync(TestUser user, Guid competition, Guid entry, Guid? seat, string reason = "Em ruột là chủ cơ sở") =>
        _host.ClientAs(user).PostAsJsonAsync($"{Competitions}/{competition}/entries/{entry}/conflict", new { memberId = seat, reason });

    private Task<JsonElement> EntryAsync(Guid competition, Guid entry) =>
        _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}/entries/{entry}");

    private Task<int> SheetsAsync(Guid entry) =>
        _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).SelectMany(e => e.Scores).CountAsync());

    [Fact]
    public async Task A_council_is_seated_with_the_accounts_display_names_positions_and_a_chair()
    {
        var competition = await CreateAsync();
        await _host.SetCouncilAsync(competition, 5);

        var council = (await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}")).GetProperty("council");

        Assert.Equal(["juror-1", "juror-2", "juror-3", "juror-4", "juror-5"], council.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
        Assert.Equal("Giám khảo 1", council[0].GetProperty("name").GetString());
        Assert.Equal("Chủ tịch", council[0].GetProperty("position").GetString());
        Assert.Equal([true, false, false, false, false], council.EnumerateArray().Select(m => m.GetProperty("chair").GetBoolean()));
    }

    [Fact]
    public async Task Seats_that_are_not_active_appraisers_duplicates_and_a_wrong_chair_are_refused_and_nothing_is_seated()
    {
        var competition = await CreateAsync();
        await _host.SetCouncilAsync(competition, 5);
        var before = (await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}")).GetProperty("council").GetRawText();
        await _host.SeedAccountsAsync(
            AccountEvents.Of("officer-9", "Cán bộ", roles: PlatformRoles.Officer),
            AccountEvents.Of("locked-9", "Đã khóa", active: false));
        object Seat(string user, bool chair = false) => new { userId = user, position = "Ủy viên", chair };
        var cases = new (object[] Members, string Type, string Mentions)[]
        {
            ([Seat("juror-1", true), Seat("juror-2"), Seat("officer-9"), Seat("juror-4"), Seat("juror-5")], "council-seat-not-appraiser", "Ghế 3 (người dùng 'officer-9')"),
            ([Seat("juror-1", true), Seat("locked-9"), Seat("juror-3"), Seat("juror-4"), Seat("juror-5")], "council-seat-not-appraiser", "Ghế 2 (người dùng 'locked-9')"),
            ([Seat("juror-1", true), Seat("juror-2"), Seat("juror-3"), Seat("juror-4"), Seat("nobody-knows")], "council-seat-not-appraiser", "Ghế 5 (người dùng 'nobody-knows')"),
            ([Seat("juror-1", true), Seat("juror-2"), Seat("juror-3"), Seat("juror-2"), Seat("juror-5")], "duplicate-council-member", "Ghế 4 trùng người với ghế 2"),
            ([Seat("juror-1"), Seat("juror-2"), Seat("juror-3"), Seat("juror-4"), Seat("juror-5")], "council-chair", "đã đánh dấu 0"),
            ([Seat("juror-1", true), Seat("juror-2", true), Seat("juror-3"), Seat("juror-4"), Seat("juror-5")], "council-chair", "đã đánh dấu 2"),
            ([Seat("juror-1", true), Seat("juror-2"), Seat("juror-3"), Seat("juror-4")], "council-size", "05 hoặc 07"),
        };
        foreach (var (members, type, mentions) in cases)
        {
            var response = await _host.Client.PutAsJsonAsync($"{Competitions}/{competition}/council", new { members });
            var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, $"/errors/{type}");
            Assert.Contains(mentions, problem.GetProperty("detail").GetString());
            Assert.Contains("26/2014/TT-BCT", problem.GetProperty("legalBasis").GetString());
        }
        var after = (await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}")).GetProperty("council").GetRawText();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task One_juror_cannot_score_another_jurors_seat_nor_can_an_officer_or_an_administrator_and_nothing_is_written()
    {
        var (competition, seats, entries) = await ScoringAsync();
        var entry = entries[0];

        var byOtherJuror = await ScoreAsAsync(Jurors[1], competition, entry, seats[0]);
        var byOfficer = await ScoreAsAsync(TestUser.Officer, competition, entry, seats[0]);
        var byAdmin = await ScoreAsAsync(TestUser.Admin, competition, entry, seats[0]);
        var officerWithoutSeat = await ScoreAsAsync(TestUser.Officer, competition, entry, null);
        var appraiserWithoutSeat = await ScoreAsAsync(Jurors[9], competition, entry, null);
        var english = new HttpRequestMessage(HttpMethod.Post, $"{Competitions}/{competition}/entries/{entry}/scores") { Content = JsonContent.Create(Sheet(seats[0])) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await _host.ClientAs(Jurors[1]).SendAsync(english);

        foreach (var refused in new[] { byOtherJuror, byOfficer, byAdmin, officerWithoutSeat, appraiserWithoutSeat, inEnglish })
        {
            await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "/errors/not-your-seat");
        }
        Assert.Contains("Chỉ thành viên giữ ghế này (Giám khảo 1)", (await AssertProblemAsync(byOtherJuror, HttpStatusCode.Forbidden, "/errors/not-your-seat")).GetProperty("detail").GetString());
        Assert.Contains("Only the juror holding this seat", (await AssertProblemAsync(inEnglish, HttpStatusCode.Forbidden, "/errors/not-your-seat")).GetProperty("detail").GetString());
        Assert.Equal(0, await SheetsAsync(entry));

        var own = await ExpectAsync(await ScoreAsAsync(Jurors[0], competition, entry, seats[0]), HttpStatusCode.OK);
        var second = await ExpectAsync(await ScoreAsAsync(Jurors[1], competition, entry, null), HttpStatusCode.OK);

        Assert.Equal(("juror-1", seats[0]), (own.GetProperty("scoredBy").GetString(), own.GetProperty("memberId").GetGuid()));
        Assert.Equal(seats[1], second.GetProperty("memberId").GetGuid());
        var jury = (await EntryAsync(competition, entry)).GetProperty("jury");
        Assert.Equal(["juror-1", "juror-2", null, null, null], jury.EnumerateArray().Select(s => s.GetProperty("scoredBy").GetString()));
        Assert.Equal([true, true, false, false, false], jury.EnumerateArray().Select(s => s.GetProperty("scored").GetBoolean()));
        Assert.Equal(JsonValueKind.String, jury[0].GetProperty("scoredAt").ValueKind);
        Assert.True(jury[0].GetProperty("chair").GetBoolean());
        Assert.Equal("Giám khảo 2", jury[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_juror_steps_out_of_one_entry_and_its_average_is_over_those_present()
    {
        var (competition, seats, entries) = await ScoringAsync("Chè Đường Hoa", "Nước mắm Cái Rồng");
        var (tea, sauce) = (entries[0], entries[1]);
        await ExpectAsync(await ScoreAsAsync(Jurors[2], competition, tea, seats[2], market: 10), HttpStatusCode.OK);

        await AssertProblemAsync(await DeclareAsAsync(TestUser.Officer, competition, tea, seats[2]), HttpStatusCode.Forbidden, "/errors/not-your-seat");
        await AssertProblemAsync(await DeclareAsAsync(Jurors[0], competition, tea, seats[2]), HttpStatusCode.Forbidden, "/errors/not-your-seat");
        Assert.Equal(1, await SheetsAsync(tea));

        var declared = await ExpectAsync(await DeclareAsAsync(Jurors[2], competition, tea, seats[2]), HttpStatusCode.OK);

        Assert.Equal((4, "juror-3", "Em ruột là chủ cơ sở"),
            (declared.GetProperty("jurorsPresent").GetInt32(), declared.GetProperty("declaredBy").GetString(), declared.GetProperty("reason").GetString()));
        Assert.Equal(0, await SheetsAsync(tea));
        var entry = await EntryAsync(competition, tea);
        Assert.Equal(4, entry.GetProperty("jurorsPresent").GetInt32());
        var third = entry.GetProperty("jury")[2];
        Assert.True(third.GetProperty("steppedOut").GetBoolean());
        Assert.Equal("Em ruột là chủ cơ sở", third.GetProperty("conflictReason").GetString());
        await AssertProblemAsync(await ScoreAsAsync(Jurors[2], competition, tea, seats[2]), HttpStatusCode.UnprocessableEntity, "/errors/member-stepped-out");
        await AssertProblemAsync(await DeclareAsAsync(Jurors[2], competition, tea, null), HttpStatusCode.Conflict, "/errors/member-stepped-out");

        for (var i = 0; i < 5; i++)
        {
            if (i != 2)
            {
                await ExpectAsync(await ScoreAsAsync(Jurors[i], competition, tea, seats[i], market: 30 + i), HttpStatusCode.OK);
            }
            await ExpectAsync(await ScoreAsAsync(Jurors[i], competition, sauce, seats[i]), HttpStatusCode.OK);
        }
        var results = await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}/results");
        var teaRow = results.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("entryId").GetGuid() == tea);
        // Sheets of 30, 31, 33 and 34 market points plus 46: (76 + 77 + 79 + 80) / 4 = 78.
        Assert.Equal((78m, 4, 4), (teaRow.GetProperty("average").GetDecimal(), teaRow.GetProperty("scoresReceived").GetInt32(), teaRow.GetProperty("jurorsPresent").GetInt32()));
        _host.Clock.SetToday(new DateOnly(2025, 4, 15));
        await _host.PostAsync($"{Competitions}/{competition}/publish-results",
            new { decisionNumber = "01/QĐ", recognisedEntryIds = new[] { tea, sauce } }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_declaration_leaving_no_majority_present_is_refused_with_its_article_and_nothing_is_written()
    {
        var (competition, seats, entries) = await ScoringAsync();
        var entry = entries[0];
        await ExpectAsync(await DeclareAsAsync(Jurors[0], competition, entry, seats[0]), HttpStatusCode.OK);
        await ExpectAsync(await DeclareAsAsync(Jurors[1], competition, entry, seats[1]), HttpStatusCode.OK);
        await ExpectAsync(await ScoreAsAsync(Jurors[2], competition, entry, seats[2]), HttpStatusCode.OK);

        var refused = await DeclareAsAsync(Jurors[2], competition, entry, seats[2]);

        var problem = await AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "/errors/jury-majority");
        Assert.Contains("2/5", problem.GetProperty("detail").GetString());
        Assert.Contains("Điều 11 khoản 3", problem.GetProperty("legalBasis").GetString());
        var stored = await EntryAsync(competition, entry);
        Assert.Equal(3, stored.GetProperty("jurorsPresent").GetInt32());
        Assert.Equal(1, await SheetsAsync(entry));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).SelectMany(e => e.Conflicts).CountAsync()));
    }

    [Fact]
    public async Task The_same_juror_scoring_one_entry_in_parallel_leaves_one_sheet_and_parallel_step_outs_keep_a_majority()
    {
        for (var burst = 0; burst < 5; burst++)
        {
            var (competition, seats, entries) = await ScoringAsync("Chè Đường Hoa", "Nước mắm Cái Rồng");
            var juror = _host.ClientAs(Jurors[0]);
            var same = await Bursts.RunAsync(Bursts.Size, i =>
                juror.PostAsJsonAsync($"{Competitions}/{competition}/entries/{entries[0]}/scores", Sheet(i % 2 == 0 ? seats[0] : null, 20 + i)));
            await Bursts.AssertNoServerErrorsAsync(same);
            Assert.All(same, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            var sheets = await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entries[0]).SelectMany(e => e.Scores)
                .Select(s => new { s.MemberId, s.ScoredBy }).ToListAsync());
            var sheet = Assert.Single(sheets);
            Assert.Equal((seats[0], "juror-1"), (sheet.MemberId, sheet.ScoredBy));

            // All five jurors step out of the other entry at once: the majority rule lets exactly two through.
            var all = await Bursts.RunAsync(5, i => DeclareAsAsync(Jurors[i], competition, entries[1], seats[i]));
            await Bursts.AssertNoServerErrorsAsync(all);
            Assert.Equal(2, all.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.All(all.Where(r => r.StatusCode != HttpStatusCode.OK),
                r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
            Assert.Equal(2, await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entries[1]).SelectMany(e => e.Conflicts).CountAsync()));
        }
    }

    [Fact]
    public async Task Hostile_seats_sheets_and_declarations_are_refused_and_write_nothing()
    {
        var competition = await CreateAsync();
        async Task Bad(string path, string json, HttpStatusCode status, HttpMethod? method = null)
        {
            using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            var response = await _host.ClientAs(path.EndsWith("/council", StringComparison.Ordinal) ? TestUser.Officer : Jurors[0]).SendAsync(request);
            Assert.True(status == response.StatusCode, $"{json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var council = $"{Competitions}/{competition}/council";
        var seat = (int i) => $"{{\"userId\":\"juror-{i}\"}}";
        var four = string.Join(",", Enumerable.Range(2, 4).Select(seat));
        await Bad(council, $$"""{"members":[{"userId":"juror-1\u0000","chair":true},{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[{"userId":"{{new string('x', 65)}}","chair":true},{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[{"userId":"   ","chair":true},{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[null,{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[{"userId":"juror-1","chair":7},{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[{"userId":"juror-1","chair":true,"position":"{{new string('p', 201)}}"},{{four}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, $$"""{"members":[{{string.Join(",", Enumerable.Range(1, 51).Select(seat))}}]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        await Bad(council, """{"members":[]}""", HttpStatusCode.BadRequest, HttpMethod.Put);
        Assert.Equal(0, (await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}/{competition}")).GetProperty("council").GetArrayLength());

        var (scoring, seats, entries) = await ScoringAsync();
        var entryPath = $"{Competitions}/{scoring}/entries/{entries[0]}";
        await Bad($"{entryPath}/scores", """{"memberId":"00000000-0000-0000-0000-000000000000","market":30,"technical":30,"cultural":8,"other":8}""", HttpStatusCode.BadRequest);
        await Bad($"{entryPath}/scores", """{"memberId":"not-a-guid","market":30,"technical":30,"cultural":8,"other":8}""", HttpStatusCode.BadRequest);
        await Bad($"{entryPath}/scores", $$"""{"memberId":"{{Guid.NewGuid()}}","market":30,"technical":30,"cultural":8,"other":8}""", HttpStatusCode.UnprocessableEntity);
        await Bad($"{entryPath}/conflict", $$"""{"memberId":"{{seats[0]}}","reason":"Người\u0000thân"}""", HttpStatusCode.BadRequest);
        await Bad($"{entryPath}/conflict", $$"""{"memberId":"{{seats[0]}}","reason":"{{new string('r', 1001)}}"}""", HttpStatusCode.BadRequest);
        await Bad($"{entryPath}/conflict", $$"""{"memberId":"{{seats[0]}}","reason":"   "}""", HttpStatusCode.BadRequest);
        await Bad($"{entryPath}/conflict", $$"""{"memberId":"{{seats[0]}}"}""", HttpStatusCode.BadRequest);
        await Bad($"{Competitions}/{scoring}/entries/{Guid.NewGuid()}/conflict", $$"""{"memberId":"{{seats[0]}}","reason":"Người thân"}""", HttpStatusCode.NotFound);
        await Bad($"{Competitions}/{Guid.NewGuid()}/entries/{entries[0]}/conflict", """{"reason":"Người thân"}""", HttpStatusCode.NotFound);

        Assert.Equal(0, await SheetsAsync(entries[0]));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entries[0]).SelectMany(e => e.Conflicts).CountAsync()));
    }
}

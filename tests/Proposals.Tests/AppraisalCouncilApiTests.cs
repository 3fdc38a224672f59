using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Proposals.Consumers;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Council seats through the API with real tokens: only a seat's own user scores it or steps out of it.</summary>
[Collection(ServersCollection.Name)]
public sealed class AppraisalCouncilApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private async Task<string> SubmittedAsync()
    {
        var id = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
        await Journey.SubmitAsync(id);
        return id;
    }

    private async Task<(string Id, JsonElement Council)> UnderAppraisalAsync(int members = 3)
    {
        var id = await SubmittedAsync();
        var started = await Journey.PostAsync(id, "appraisal", new
        {
            council = Appraisers.Take(members).Select((a, i) => new { userId = a.Subject, position = i == 0 ? "Chủ tịch" : "Ủy viên", chair = i == 0 }).ToArray(),
        });
        return (id, started.GetProperty("appraisal").GetProperty("council"));
    }

    private Task<JsonElement> ProposalAsync(string id) => Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")!;

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient client, string id, JsonElement seat, int percent = 80) =>
        client.PutAsJsonAsync($"/api/proposals/{id}/appraisal/scores/{seat.GetProperty("id").GetString()}", ProposalJourney.Sheet(percent));

    [Fact]
    public async Task A_council_is_formed_of_appraiser_accounts_with_their_display_names_and_a_chair()
    {
        var (_, council) = await UnderAppraisalAsync();

        Assert.Equal(["appraiser-1", "appraiser-2", "appraiser-3"], council.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
        Assert.Equal(["Thẩm định viên 1", "Thẩm định viên 2", "Thẩm định viên 3"], council.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([true, false, false], council.EnumerateArray().Select(m => m.GetProperty("chair").GetBoolean()));
        Assert.All(council.EnumerateArray(), m => Assert.False(m.GetProperty("steppedOut").GetBoolean()));
    }

    [Fact]
    public async Task Seats_that_are_not_active_appraisers_duplicates_and_a_missing_chair_are_refused_and_nothing_is_written()
    {
        await SeedAccountsAsync(
            AccountEvents.Of("officer-9", "Cán bộ", roles: PlatformRoles.Officer),
            AccountEvents.Of("locked-9", "Đã khóa", active: false));
        var id = await SubmittedAsync();
        var seat = (string user, bool chair) => new { userId = user, position = "Ủy viên", chair };
        var cases = new (object Council, string Type, string Mentions)[]
        {
            (new[] { seat("appraiser-1", true), seat("appraiser-2", false), seat("officer-9", false) }, "council-seat-not-appraiser", "officer-9"),
            (new[] { seat("appraiser-1", true), seat("locked-9", false), seat("appraiser-2", false) }, "council-seat-not-appraiser", "locked-9"),
            (new[] { seat("appraiser-1", true), seat("nobody-knows", false), seat("appraiser-2", false) }, "council-seat-not-appraiser", "nobody-knows"),
            (new[] { seat("appraiser-1", true), seat("appraiser-2", false), seat("appraiser-1", false) }, "duplicate-council-member", "Ghế 3"),
            (new[] { seat("appraiser-1", false), seat("appraiser-2", false), seat("appraiser-3", false) }, "council-chair", "Chủ tịch"),
            (new[] { seat("appraiser-1", true), seat("appraiser-2", true), seat("appraiser-3", false) }, "council-chair", "Chủ tịch"),
        };
        foreach (var (council, type, mentions) in cases)
        {
            var response = await Client.PostAsJsonAsync($"/api/proposals/{id}/appraisal", new { council });
            await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, $"/errors/{type}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(mentions, problem.GetProperty("detail").GetString());
            Assert.Contains("36/2013/TT-BCT", problem.GetProperty("legalBasis").GetString());
        }
        var proposal = await ProposalAsync(id);
        Assert.Equal("Submitted", proposal.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("appraisal").ValueKind);
    }

    [Fact]
    public async Task One_appraiser_cannot_score_another_members_seat_nor_can_an_officer_and_nothing_is_written()
    {
        var (id, council) = await UnderAppraisalAsync();
        var first = council[0];
        var second = ClientAs(Appraisers[1]);

        var byOtherMember = await ScoreAsync(second, id, first);
        var byOfficer = await ScoreAsync(Client, id, first);
        var byAdmin = await ScoreAsync(ClientAs(TestUser.Admin), id, first);
        var english = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{id}/appraisal/scores/{first.GetProperty("id").GetString()}")
        {
            Content = JsonContent.Create(ProposalJourney.Sheet(80)),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await second.SendAsync(english);

        foreach (var refused in new[] { byOtherMember, byOfficer, byAdmin, inEnglish })
        {
            await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "/errors/not-your-seat");
        }
        Assert.Contains("Chỉ thành viên giữ ghế này", (await ProblemOf(byOtherMember)).GetProperty("detail").GetString());
        Assert.Contains("Only the member holding this seat", (await ProblemOf(inEnglish)).GetProperty("detail").GetString());
        var seats = (await ProposalAsync(id)).GetProperty("appraisal").GetProperty("council");
        Assert.All(seats.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("scores").ValueKind));

        var own = await ScoreAsync(ClientAs(Appraisers[0]), id, first);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var scored = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appraisal").GetProperty("council")[0];
        Assert.Equal("appraiser-1", scored.GetProperty("scoredBy").GetString());
        Assert.Equal(JsonValueKind.String, scored.GetProperty("scoredAt").ValueKind);
    }

    [Fact]
    public async Task A_member_declares_a_conflict_steps_out_and_the_round_completes_with_those_present()
    {
        var (id, council) = await UnderAppraisalAsync(members: 4);
        var beneficiary = (await ProposalAsync(id)).GetProperty("beneficiaries")[0].GetProperty("establishmentId").GetString();
        var third = council[2].GetProperty("id").GetString();

        var byOfficer = await Client.PostAsJsonAsync($"/api/proposals/{id}/appraisal/members/{third}/conflict", new { establishmentId = beneficiary, reason = "Người thân" });
        var refused = await AssertProblemAsync(byOfficer, HttpStatusCode.Forbidden, "/errors/not-your-seat");
        Assert.Equal("Theo quy định, việc này do người khác thực hiện.", refused.GetProperty("title").GetString());
        var notBeneficiary = await ClientAs(Appraisers[2]).PostAsJsonAsync($"/api/proposals/{id}/appraisal/members/{third}/conflict",
            new { establishmentId = Guid.NewGuid(), reason = "Người thân" });
        await AssertProblemAsync(notBeneficiary, HttpStatusCode.UnprocessableEntity, "/errors/not-a-beneficiary");

        var declared = await ClientAs(Appraisers[2]).PostAsJsonAsync($"/api/proposals/{id}/appraisal/members/{third}/conflict",
            new { establishmentId = beneficiary, reason = "Em ruột là chủ cơ sở" });
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var appraisal = (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appraisal");
        Assert.Equal(3, appraisal.GetProperty("membersPresent").GetInt32());
        var out3 = appraisal.GetProperty("council")[2];
        Assert.True(out3.GetProperty("steppedOut").GetBoolean());
        Assert.Equal("Em ruột là chủ cơ sở", out3.GetProperty("conflictReason").GetString());
        Assert.Equal(beneficiary, out3.GetProperty("conflictEstablishmentId").GetString());

        await AssertProblemAsync(await ScoreAsync(ClientAs(Appraisers[2]), id, council[2]), HttpStatusCode.UnprocessableEntity, "/errors/member-stepped-out");
        foreach (var i in new[] { 0, 1, 3 })
        {
            Assert.Equal(HttpStatusCode.OK, (await ScoreAsync(ClientAs(Appraisers[i]), id, council[i])).StatusCode);
        }
        var completed = await Journey.PostAsync(id, "appraisal/complete");
        Assert.Equal(80m, completed.GetProperty("appraisal").GetProperty("averageScore").GetDecimal());
    }

    private Task<List<JsonElement>> PayloadsAsync(string type) => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.Contains($".{type},")).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList());

    [Fact]
    public async Task Forming_the_council_scoring_stepping_out_and_completing_publish_what_each_member_owes_and_when_it_ends()
    {
        var (id, council) = await UnderAppraisalAsync(members: 4);
        var memberIds = council.EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        var formed = Assert.Single(await PayloadsAsync("AppraisalCouncilFormed"));
        Assert.Equal(id, formed.GetProperty("proposalId").GetString());
        Assert.Equal(memberIds, formed.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("memberId").GetString()));
        Assert.Equal(Appraisers.Select(a => a.Subject), formed.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("userId").GetString()));
        // Sheets are due ten days (the default setting) after the day the council was formed in the province.
        var formedOn = DateOnly.FromDateTime(formed.GetProperty("formedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Assert.Equal(formedOn.AddDays(10), DateOnly.Parse(formed.GetProperty("sheetsDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var beneficiary = (await ProposalAsync(id)).GetProperty("beneficiaries")[0].GetProperty("establishmentId").GetString();
        await ClientAs(Appraisers[3]).PostAsJsonAsync($"/api/proposals/{id}/appraisal/members/{memberIds[3]}/conflict",
            new { establishmentId = beneficiary, reason = "Em ruột là chủ cơ sở" });
        foreach (var i in new[] { 0, 1 })
        {
            Assert.Equal(HttpStatusCode.OK, (await ScoreAsync(ClientAs(Appraisers[i]), id, council[i], percent: 75)).StatusCode);
        }
        Assert.Empty(await PayloadsAsync("AppraisalEnded"));
        Assert.Equal(HttpStatusCode.OK, (await ScoreAsync(ClientAs(Appraisers[2]), id, council[2], percent: 75)).StatusCode);

        var steppedOut = Assert.Single(await PayloadsAsync("AppraisalMemberSteppedOut"));
        Assert.Equal((memberIds[3], "appraiser-4"), (steppedOut.GetProperty("memberId").GetString(), steppedOut.GetProperty("userId").GetString()));
        var submitted = await PayloadsAsync("AppraisalSheetSubmitted");
        Assert.Equal(memberIds.Take(3), submitted.Select(e => e.GetProperty("memberId").GetString()));
        Assert.Equal(["appraiser-1", "appraiser-2", "appraiser-3"], submitted.Select(e => e.GetProperty("userId").GetString()));

        await Journey.PostAsync(id, "appraisal/complete");
        var ended = Assert.Single(await PayloadsAsync("AppraisalEnded"));
        Assert.Equal("Completed", ended.GetProperty("outcome").GetString());
        Assert.Equal(memberIds, ended.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(formed.GetProperty("appraisalId").GetString(), ended.GetProperty("appraisalId").GetString());
    }

    [Fact]
    public async Task A_proposal_returned_before_its_council_completes_ends_the_round_and_a_return_after_completion_ends_nothing_more()
    {
        var (id, _) = await UnderAppraisalAsync();
        await Journey.PostAsync(id, "return", new { reason = "Bổ sung dự toán chi tiết" });

        var ended = Assert.Single(await PayloadsAsync("AppraisalEnded"));
        Assert.Equal(("ReturnedForRevision", 1), (ended.GetProperty("outcome").GetString(), ended.GetProperty("round").GetInt32()));
        Assert.Equal(3, ended.GetProperty("memberIds").GetArrayLength());

        await Journey.SubmitAsync(id);
        var council = (await Journey.PostAsync(id, "appraisal", new
        {
            council = Appraisers.Take(3).Select((a, i) => new { userId = a.Subject, position = "Ủy viên", chair = i == 0 }).ToArray(),
        })).GetProperty("appraisal").GetProperty("council");
        Assert.Equal(2, (await PayloadsAsync("AppraisalCouncilFormed")).Count);
        for (var i = 0; i < 3; i++)
        {
            await ScoreAsync(ClientAs(Appraisers[i]), id, council[i], percent: 50);
        }
        await Journey.PostAsync(id, "appraisal/complete");
        await Journey.PostAsync(id, "return", new { reason = "Chưa đạt" });
        Assert.Equal(["ReturnedForRevision", "Completed"], (await PayloadsAsync("AppraisalEnded")).Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Each_move_carries_the_proposal_and_a_draft_the_registration_deadline_its_establishment_files_by()
    {
        var (id, _) = await UnderAppraisalAsync();
        await Journey.PostAsync(id, "return", new { reason = "Bổ sung dự toán chi tiết" });

        var moves = (await PayloadsAsync("ProposalStatusChanged")).Where(e => e.GetProperty("proposalId").GetString() == id).ToList();
        Assert.Equal(["Draft", "Submitted", "UnderAppraisal", "ReturnedForRevision"], moves.Select(e => e.GetProperty("to").GetString()));
        Assert.All(moves, e => Assert.Equal([TaxCode], e.GetProperty("proposal").GetProperty("establishmentTaxCodes").EnumerateArray().Select(c => c.GetString())));
        var planYear = moves[0].GetProperty("proposal").GetProperty("planYear").GetInt32();
        Assert.Equal($"{planYear - 1}-05-20", moves[0].GetProperty("nextStepDueOn").GetString());
        Assert.All(moves.Skip(1), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("nextStepDueOn").ValueKind));
    }

    [Fact]
    public async Task The_appraisers_list_shows_active_appraiser_accounts_only()
    {
        await SeedAccountsAsync(AccountEvents.Of("officer-9", "Cán bộ", roles: PlatformRoles.Officer), AccountEvents.Of("locked-9", "Đã khóa", active: false));

        var list = await ClientAs(Appraisers[0]).GetFromJsonAsync<JsonElement>("/api/proposals/appraisers");
        var establishment = await ClientAs(TestUser.Establishment(TaxCode)).GetAsync("/api/proposals/appraisers");

        Assert.Equal(["appraiser-1", "appraiser-2", "appraiser-3", "appraiser-4"], list.EnumerateArray().Select(a => a.GetProperty("userId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, establishment.StatusCode);
    }

    [Fact]
    public async Task The_same_member_scoring_twice_at_once_leaves_one_sheet_and_two_members_at_once_both_keep_theirs()
    {
        for (var burst = 0; burst < 5; burst++)
        {
            var (id, council) = await UnderAppraisalAsync();
            var member = ClientAs(Appraisers[0]);
            var same = await Bursts.RunAsync(Bursts.Size, i => ScoreAsync(member, id, council[0], 60 + i));
            await Bursts.AssertNoServerErrorsAsync(same);
            Assert.All(same, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));

            var clients = new[] { ClientAs(Appraisers[1]), ClientAs(Appraisers[2]) };
            var two = await Bursts.RunAsync(2, i => ScoreAsync(clients[i], id, council[i + 1]));
            Assert.All(two, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            var rows = await WithDbAsync(db => db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM appraisal_members m JOIN appraisals a ON a.id = m.appraisal_id WHERE a.proposal_id = {Guid.Parse(id)} AND m.scored_by IS NOT NULL").SingleAsync());
            Assert.Equal(3, rows);
            var seats = (await ProposalAsync(id)).GetProperty("appraisal").GetProperty("council");
            Assert.Equal(["appraiser-1", "appraiser-2", "appraiser-3"], seats.EnumerateArray().Select(s => s.GetProperty("scoredBy").GetString()));
        }
    }

    [Fact]
    public async Task Hostile_seats_and_sheets_are_refused_and_write_nothing()
    {
        var id = await SubmittedAsync();
        async Task Bad(string json, HttpStatusCode status)
        {
            var response = await Client.PostAsync($"/api/proposals/{id}/appraisal", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.True(status == response.StatusCode, $"{json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await Bad("""{"council":[{"userId":"appraiser-1\u0000","chair":true},{"userId":"appraiser-2"},{"userId":"appraiser-3"}]}""", HttpStatusCode.BadRequest);
        await Bad($$"""{"council":[{"userId":"{{new string('x', 65)}}","chair":true},{"userId":"appraiser-2"},{"userId":"appraiser-3"}]}""", HttpStatusCode.BadRequest);
        await Bad("""{"council":[null,{"userId":"appraiser-2"},{"userId":"appraiser-3"}]}""", HttpStatusCode.BadRequest);
        await Bad("""{"council":[{"userId":"  ","chair":true}]}""", HttpStatusCode.BadRequest);
        await Bad($$"""{"council":[{{string.Join(",", Enumerable.Repeat("""{"userId":"appraiser-1"}""", 51))}}]}""", HttpStatusCode.BadRequest);
        await Bad("""{"council":[{"userId":"appraiser-1","chair":"yes"}]}""", HttpStatusCode.BadRequest);
        Assert.Equal("Submitted", (await ProposalAsync(id)).GetProperty("status").GetString());

        var started = await Journey.PostAsync(id, "appraisal", Journey.CouncilRequest());
        var seat = started.GetProperty("appraisal").GetProperty("council")[0].GetProperty("id").GetString();
        var member = ClientAs(Appraisers[0]);
        var absurd = await member.PutAsync($"/api/proposals/{id}/appraisal/scores/{seat}",
            new StringContent("""{"fitWithRules":2147483647,"objectivesAndEfficiency":-2147483648,"budgetReasonableness":1,"unitCapacity":1,"combinationWithOtherProgrammes":1,"dossierCompleteness":1}""", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(absurd, HttpStatusCode.UnprocessableEntity, "/errors/score-out-of-range");
        var overflow = await member.PutAsync($"/api/proposals/{id}/appraisal/scores/{seat}",
            new StringContent("""{"fitWithRules":99999999999,"objectivesAndEfficiency":1,"budgetReasonableness":1,"unitCapacity":1,"combinationWithOtherProgrammes":1,"dossierCompleteness":1}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
        var undefinedSeat = await ScoreAsync(member, id, JsonDocument.Parse($$"""{"id":"{{Guid.NewGuid()}}"}""").RootElement);
        await AssertProblemAsync(undefinedSeat, HttpStatusCode.UnprocessableEntity, "/errors/not-a-council-member");
        var emptyConflict = await member.PostAsJsonAsync($"/api/proposals/{id}/appraisal/members/{seat}/conflict", new { establishmentId = Guid.Empty, reason = "x\u0000" });
        Assert.Equal(HttpStatusCode.BadRequest, emptyConflict.StatusCode);

        var seats = (await ProposalAsync(id)).GetProperty("appraisal").GetProperty("council");
        Assert.All(seats.EnumerateArray(), s =>
        {
            Assert.Equal(JsonValueKind.Null, s.GetProperty("scores").ValueKind);
            Assert.False(s.GetProperty("steppedOut").GetBoolean());
        });
    }

    [Fact]
    public async Task Account_events_reach_the_copy_through_the_broker_repeated_and_out_of_order()
    {
        await using var app = Factory.WithWebHostBuilder(host => host.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        })));
        app.CreateClient().Dispose();
        var bus = app.Services.GetRequiredService<IBus>();
        async Task<int> Consumed()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.ProposalsDbContext>();
            return await db.InboxMessages.CountAsync(m => m.Consumer == nameof(AccountChangedConsumer));
        }
        var redelivered = Guid.NewGuid();

        await bus.Publish(AccountEvents.Of("new-appraiser", "Bà Hoa (mới)", revision: 3));
        await bus.Publish(AccountEvents.Of("new-appraiser", "Bà Hoa (cũ)", revision: 1));
        await bus.Publish(AccountEvents.Of("new-appraiser", "Bà Hoa (khóa, cũ)", revision: 2, active: false));
        await bus.Publish(AccountEvents.Of("other-appraiser", "Ông Minh"), c => c.MessageId = redelivered);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () => await Consumed() >= 4));
        // A redelivery arrives after the message was consumed: its id is in the inbox, so its (different) body is never applied.
        await bus.Publish(AccountEvents.Of("other-appraiser", "Ông Minh (lặp)", revision: 2), c => c.MessageId = redelivered);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await using var scope = app.Services.CreateAsyncScope();
        var copies = await scope.ServiceProvider.GetRequiredService<Data.ProposalsDbContext>().KnownAccounts.AsNoTracking()
            .Where(a => a.UserId == "new-appraiser" || a.UserId == "other-appraiser").ToDictionaryAsync(a => a.UserId);
        Assert.Equal(4, await Consumed());
        Assert.Equal((3L, "Bà Hoa (mới)", true), (copies["new-appraiser"].Revision, copies["new-appraiser"].DisplayName, copies["new-appraiser"].IsActive));
        Assert.Equal((1L, "Ông Minh"), (copies["other-appraiser"].Revision, copies["other-appraiser"].DisplayName));
        Assert.True(copies["new-appraiser"].IsActiveAppraiser);
    }
}

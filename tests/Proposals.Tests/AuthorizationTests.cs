using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Who may call what, and which records each scoped role sees.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string Own = "5700100016";
    private const string Other = "5700100023";
    private const string OwnUnit = "dong-trieu";
    private const string OtherUnit = "uong-bi";

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy() =>
        EndpointPolicies.AssertEveryEndpointDeclaresAPolicy(Factory.Services);

    [Theory]
    [InlineData("/api/proposals")]
    [InlineData("/api/establishments")]
    [InlineData("/api/proposals/follow-ups")]
    [InlineData("/api/reference/administrative-units")]
    [InlineData("/api/reference/support-norms")]
    public async Task Without_a_token_nothing_is_read(string path)
    {
        var response = await AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_a_token()
    {
        var response = await AnonymousClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var token = await TestIdentity.Current.TokenForAsync(TestUser.Officer);
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tampered);

        var response = await client.GetAsync("/api/proposals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Leader")]
    [InlineData("Appraiser")]
    public async Task Roles_that_change_nothing_cannot_register_or_draft(string role)
    {
        var client = ClientAs(new TestUser(role));

        var register = await client.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody(Own));
        var draft = await client.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(Own));

        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        Assert.Equal((0, 0), await ProposalAndEstablishmentCountsAsync());
    }

    [Fact]
    public async Task A_leader_reads_every_proposal_but_cannot_move_one()
    {
        var id = await OfficerDraftAsync(Own, OwnUnit);
        var leader = ClientAs(TestUser.Leader);

        var read = await leader.GetAsync($"/api/proposals/{id}");
        var submit = await leader.PostAsJsonAsync($"/api/proposals/{id}/submit", new { });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal("application/problem+json", submit.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_appraiser_scores_but_cannot_approve()
    {
        var id = await OfficerDraftAsync(Own, OwnUnit);
        await Journey.SubmitAsync(id);
        var started = await Journey.PostAsync(id, "appraisal", Journey.CouncilRequest());
        var member = started.GetProperty("appraisal").GetProperty("council")[0].GetProperty("id").GetString();
        var appraiser = Journey.Council[0].Client;

        var score = await appraiser.PutAsJsonAsync($"/api/proposals/{id}/appraisal/scores/{member}", ProposalJourney.Sheet(80));
        var approve = await appraiser.PostAsJsonAsync($"/api/proposals/{id}/approve",
            new { approvedSupport = 100_000_000, decisionNumber = "1/QĐ", decisionDate = "2024-01-15" });

        Assert.Equal(HttpStatusCode.OK, score.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
    }

    [Fact]
    public async Task An_establishment_sees_only_its_own_establishment_and_proposals()
    {
        var own = await OfficerDraftAsync(Own, OwnUnit);
        var other = await OfficerDraftAsync(Other, OtherUnit);
        var establishment = ClientAs(TestUser.Establishment(Own));

        var proposals = await establishment.GetFromJsonAsync<JsonElement>("/api/proposals");
        var establishments = await establishment.GetFromJsonAsync<JsonElement>("/api/establishments");
        var ownRead = await establishment.GetAsync($"/api/proposals/{own}");
        var otherRead = await establishment.GetAsync($"/api/proposals/{other}");
        var otherHistory = await establishment.GetAsync($"/api/proposals/{other}/history");

        Assert.Equal([own], proposals.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, proposals.GetProperty("totals").GetProperty("count").GetInt32());
        Assert.Equal([Own], establishments.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("taxCode").GetString()));
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        await AssertProblemAsync(otherRead, HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(otherHistory, HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task An_establishment_drafts_and_submits_its_own_proposal_but_not_anothers()
    {
        await Journey.EnsureEstablishmentAsync(Own);
        await Journey.EnsureEstablishmentAsync(Other, OtherUnit);
        var other = await OfficerDraftAsync(Other, OtherUnit);
        var establishment = ClientAs(TestUser.Establishment(Own));

        var draftForOther = await establishment.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(Other, unit: OtherUnit));
        var draft = await establishment.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(Own));
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var submit = await establishment.PostAsJsonAsync($"/api/proposals/{id}/submit", new { });
        var submitOther = await establishment.PostAsJsonAsync($"/api/proposals/{other}/submit", new { });

        await AssertProblemAsync(draftForOther, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        await AssertProblemAsync(submitOther, HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal("Draft", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{other}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_establishment_keeps_its_own_record_and_cannot_register_another()
    {
        var registered = await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody(Own));
        await Journey.EnsureEstablishmentAsync(Other, OtherUnit);
        var otherId = (await Client.GetFromJsonAsync<JsonElement>($"/api/establishments?taxCode={Other}")).GetProperty("items")[0].GetProperty("id").GetString();
        var establishment = ClientAs(TestUser.Establishment(Own));
        var changed = ProposalJourney.EstablishmentBody(Own);
        changed["employees"] = 40;

        var update = await establishment.PutAsJsonAsync($"/api/establishments/{registered.GetProperty("id").GetString()}", changed);
        var updateOther = await establishment.PutAsJsonAsync($"/api/establishments/{otherId}", ProposalJourney.EstablishmentBody(Other, OtherUnit));
        var registerAnother = await establishment.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100030"));

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await AssertProblemAsync(updateOther, HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(registerAnother, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        Assert.Equal((0, 2), await ProposalAndEstablishmentCountsAsync());
    }

    [Fact]
    public async Task A_district_officer_sees_and_files_for_its_unit_only()
    {
        var own = await OfficerDraftAsync(Own, OwnUnit);
        var other = await OfficerDraftAsync(Other, OtherUnit);
        var officer = ClientAs(TestUser.DistrictOfficer(OwnUnit));

        var proposals = await officer.GetFromJsonAsync<JsonElement>("/api/proposals");
        var establishments = await officer.GetFromJsonAsync<JsonElement>("/api/establishments");
        var otherRead = await officer.GetAsync($"/api/proposals/{other}");
        var registerHere = await officer.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100030", OwnUnit));
        var registerThere = await officer.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100048", OtherUnit));
        var draftThere = await officer.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(Other, unit: OtherUnit));

        Assert.Equal([own], proposals.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.All(establishments.GetProperty("items").EnumerateArray(), e => Assert.Equal(OwnUnit, e.GetProperty("administrativeUnitCode").GetString()));
        await AssertProblemAsync(otherRead, HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Created, registerHere.StatusCode);
        await AssertProblemAsync(registerThere, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        await AssertProblemAsync(draftThere, HttpStatusCode.Forbidden, "/errors/out-of-scope");
    }

    [Fact]
    public async Task The_acting_user_is_recorded_and_carried_by_the_events()
    {
        await Journey.EnsureEstablishmentAsync(Own);
        var establishment = ClientAs(TestUser.Establishment(Own));
        var draft = await establishment.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(Own));
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await establishment.PostAsJsonAsync($"/api/proposals/{id}/submit", new { });

        var history = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history");
        var payloads = await OutboxPayloadsAsync("ProposalStatusChanged");

        Assert.All(history.EnumerateArray(), h => Assert.Equal(TestUser.Establishment(Own).Name, h.GetProperty("actedBy").GetString()));
        Assert.Equal(2, payloads.Count);
        Assert.All(payloads, p => Assert.Contains(TestUser.Establishment(Own).Name, p));
    }

    [Theory]
    [InlineData("'; DROP TABLE proposals; --")]
    [InlineData("<script>alert('kc')</script>")]
    [InlineData("Robert'); DELETE FROM establishments WHERE ('1'='1")]
    public async Task Injection_and_script_strings_are_stored_and_returned_literally(string text)
    {
        await Journey.EnsureEstablishmentAsync(Own);
        var body = ProposalJourney.DraftBody(Own);
        body["title"] = text;
        body["objectives"] = text;

        var created = await Journey.CreateAsync(body);
        var read = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{created.GetProperty("id").GetString()}");
        var found = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals?q={Uri.EscapeDataString(text)}");

        Assert.Equal(text, read.GetProperty("title").GetString());
        Assert.Equal(text, read.GetProperty("objectives").GetString());
        Assert.Equal(1, found.GetProperty("totals").GetProperty("count").GetInt32());
        Assert.Equal((1, 1), await ProposalAndEstablishmentCountsAsync());
    }

    private async Task<string> OfficerDraftAsync(string taxCode, string unit)
    {
        await Journey.EnsureEstablishmentAsync(taxCode, unit);
        return (await Journey.CreateAsync(ProposalJourney.DraftBody(taxCode, unit: unit))).GetProperty("id").GetString()!;
    }

    private async Task<(int Proposals, int Establishments)> ProposalAndEstablishmentCountsAsync()
    {
        var (proposals, establishments, _) = await CountsAsync();
        return (proposals, establishments);
    }

    private Task<List<string>> OutboxPayloadsAsync(string type) => WithDbAsync(async db =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMessages.OrderBy(m => m.Sequence)))
            .Where(m => m.MessageType.Split(',')[0].EndsWith("." + type, StringComparison.Ordinal))
            .Select(m => m.Payload).ToList());
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// A scoped user names as beneficiaries only establishments within its scope; naming any other is refused
/// with one answer that tells nothing about the registry, and a Centre officer adds the others.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BeneficiaryScopeTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string Own = "5700100016";
    private const string Neighbour = "5700100030";
    private const string Other = "5700100023";
    private const string Unregistered = "5700100055";
    private const string OwnUnit = "dong-trieu";
    private const string OtherUnit = "uong-bi";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(Own, OwnUnit);
        await Journey.EnsureEstablishmentAsync(Neighbour, OwnUnit);
        await Journey.EnsureEstablishmentAsync(Other, OtherUnit);
    }

    [Fact]
    public async Task An_establishment_naming_another_units_establishment_is_refused_and_nothing_is_written()
    {
        var before = await CountsAsync();

        var response = await ClientAs(TestUser.Establishment(Own)).PostAsJsonAsync("/api/proposals", Draft(Own, Other));

        await AssertProblemAsync(response, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal(before, await CountsAsync());
        var seenByOther = await ClientAs(TestUser.Establishment(Other)).GetFromJsonAsync<JsonElement>("/api/proposals");
        Assert.Equal(0, seenByOther.GetProperty("totals").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task An_establishment_naming_even_an_establishment_of_its_own_unit_is_refused()
    {
        var before = await CountsAsync();

        var response = await ClientAs(TestUser.Establishment(Own)).PostAsJsonAsync("/api/proposals", Draft(Own, Neighbour));

        await AssertProblemAsync(response, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_establishment_cannot_add_another_establishment_when_editing_its_draft()
    {
        var establishment = ClientAs(TestUser.Establishment(Own));
        var created = await establishment.PostAsJsonAsync("/api/proposals", Draft(Own));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var edit = await establishment.PutAsJsonAsync($"/api/proposals/{id}", Draft(Own, Other));

        await AssertProblemAsync(edit, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal([Own], await BeneficiariesAsync(id!));
        var seenByOther = await ClientAs(TestUser.Establishment(Other)).GetAsync($"/api/proposals/{id}");
        await AssertProblemAsync(seenByOther, HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task A_district_officer_naming_an_establishment_of_another_unit_is_refused_on_create_and_edit()
    {
        var officer = ClientAs(TestUser.DistrictOfficer(OwnUnit));
        var before = await CountsAsync();

        var create = await officer.PostAsJsonAsync("/api/proposals", Draft(Own, Other));

        await AssertProblemAsync(create, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal(before, await CountsAsync());

        var withinUnit = await officer.PostAsJsonAsync("/api/proposals", Draft(Own, Neighbour));
        Assert.Equal(HttpStatusCode.Created, withinUnit.StatusCode);
        var id = (await withinUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var edit = await officer.PutAsJsonAsync($"/api/proposals/{id}", Draft(Own, Neighbour, Other));

        await AssertProblemAsync(edit, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal([Own, Neighbour], await BeneficiariesAsync(id));
    }

    [Theory]
    [InlineData("Establishment", null)]
    [InlineData("Establishment", "en")]
    [InlineData("DistrictOfficer", null)]
    [InlineData("DistrictOfficer", "en")]
    public async Task Registered_elsewhere_and_unregistered_tax_codes_get_the_same_answer(string role, string? language)
    {
        var user = role == "Establishment" ? TestUser.Establishment(Own) : TestUser.DistrictOfficer(OwnUnit);
        var client = ClientAs(user);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        var before = await CountsAsync();

        var registeredElsewhere = await client.PostAsJsonAsync("/api/proposals", Draft(Own, Other));
        var unregistered = await client.PostAsJsonAsync("/api/proposals", Draft(Own, Unregistered));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, registeredElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unregistered.StatusCode);
        var (elsewhere, unknown) = (await ProblemOf(registeredElsewhere), await ProblemOf(unregistered));
        foreach (var field in new[] { "type", "title", "detail" })
        {
            Assert.Equal(elsewhere.GetProperty(field).GetString(), unknown.GetProperty(field).GetString());
        }
        var detail = elsewhere.GetProperty("detail").GetString()!;
        Assert.DoesNotContain(Other, detail);
        Assert.DoesNotContain(Unregistered, detail);
        Assert.Contains(language == "en" ? "Centre officer" : "cán bộ Trung tâm", detail);
        Assert.Equal(language == "en" ? "The rules refuse this." : "Quy định không cho phép thao tác này.", elsewhere.GetProperty("title").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_centre_officer_names_establishments_of_any_unit()
    {
        var created = await Client.PostAsJsonAsync("/api/proposals", Draft(Own, Other));
        var unknown = await Client.PostAsJsonAsync("/api/proposals", Draft(Own, Unregistered));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal([Own, Other], await BeneficiariesAsync(id));
        await AssertProblemAsync(unknown, (HttpStatusCode)422, "/errors/unknown-establishment");
    }

    [Fact]
    public async Task Ten_parallel_hostile_drafts_write_nothing()
    {
        var before = await CountsAsync();
        var clients = Enumerable.Range(0, 10).Select(_ => ClientAs(TestUser.Establishment(Own))).ToList();

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/proposals", Draft(Own, i % 2 == 0 ? Other : Unregistered))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal("/errors/beneficiary-out-of-scope", (await ProblemOf(response)).GetProperty("type").GetString());
        }
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, await WithDbAsync(db => db.Proposals.CountAsync()));
    }

    /// <summary>
    /// A proposal that names an establishment of another unit as co-beneficiary, as a draft filed before
    /// beneficiaries were scoped would: neither establishment may change it, the Centre officer may.
    /// </summary>
    [Fact]
    public async Task A_stored_proposal_naming_another_units_establishment_is_changed_only_by_a_centre_officer()
    {
        var id = (await Journey.CreateAsync(Draft(Own, Other))).GetProperty("id").GetString()!;
        var changed = Draft(Other);
        changed["title"] = "Đổi tên bởi cơ sở cùng thụ hưởng";

        var byCoBeneficiary = await ClientAs(TestUser.Establishment(Other)).PutAsJsonAsync($"/api/proposals/{id}", changed);
        var byCoBeneficiaryKeepingLead = await ClientAs(TestUser.Establishment(Other)).PutAsJsonAsync($"/api/proposals/{id}", Draft(Own, Other));
        var byLead = await ClientAs(TestUser.Establishment(Own)).PutAsJsonAsync($"/api/proposals/{id}", Draft(Own));
        var byDistrictOfficer = await ClientAs(TestUser.DistrictOfficer(OwnUnit)).PutAsJsonAsync($"/api/proposals/{id}", Draft(Own));

        await AssertProblemAsync(byCoBeneficiary, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        await AssertProblemAsync(byCoBeneficiaryKeepingLead, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        await AssertProblemAsync(byLead, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        await AssertProblemAsync(byDistrictOfficer, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        var stored = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal("Ứng dụng lò nung gốm tiết kiệm năng lượng", stored.GetProperty("title").GetString());
        Assert.Equal([Own, Other], await BeneficiariesAsync(id));

        var submittedByCoBeneficiary = await ClientAs(TestUser.Establishment(Other)).PostAsync($"/api/proposals/{id}/submit", null);
        await AssertProblemAsync(submittedByCoBeneficiary, (HttpStatusCode)422, "/errors/beneficiary-out-of-scope");
        Assert.Equal("Draft", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString());

        var byOfficer = await Client.PutAsJsonAsync($"/api/proposals/{id}", Draft(Own));

        Assert.Equal(HttpStatusCode.OK, byOfficer.StatusCode);
        Assert.Equal([Own], await BeneficiariesAsync(id));
        var byLeadAfterwards = await ClientAs(TestUser.Establishment(Own)).PutAsJsonAsync($"/api/proposals/{id}", Draft(Own));
        Assert.Equal(HttpStatusCode.OK, byLeadAfterwards.StatusCode);
    }

    private static Dictionary<string, object?> Draft(params string[] taxCodes)
    {
        var body = ProposalJourney.DraftBody(taxCodes[0], unit: OwnUnit);
        body["beneficiaryTaxCodes"] = taxCodes;
        return body;
    }

    private Task<List<string>> BeneficiariesAsync(string id) => WithDbAsync(async db =>
        (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id)))
            .Beneficiaries.OrderBy(b => b.Position).Select(b => b.TaxCode).ToList());
}

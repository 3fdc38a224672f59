using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class EstablishmentsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    [Fact]
    public async Task An_establishment_is_registered_with_its_district_and_announced()
    {
        var created = await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100256", unit: "binh-lieu"));

        Assert.Equal("5700100256", created.GetProperty("taxCode").GetString());
        Assert.Equal("Bình Liêu", created.GetProperty("district").GetString());
        Assert.True(created.GetProperty("isPriorityArea").GetBoolean());
        Assert.Equal(1, created.GetProperty("revision").GetInt32());
        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/establishments/{created.GetProperty("id").GetString()}");
        Assert.Equal("Cooperative", fetched.GetProperty("type").GetString());
        Assert.Equal(["EstablishmentRegistered"], await EventTypesAsync());
    }

    [Fact]
    public async Task A_commune_formed_in_2025_reports_under_the_district_it_came_from()
    {
        var created = await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100263", unit: "x-quang-la", registeredOn: "2026-03-02"));
        Assert.Equal("x-quang-la", created.GetProperty("administrativeUnitCode").GetString());
        Assert.Equal("Hạ Long", created.GetProperty("district").GetString());
    }

    [Fact]
    public async Task A_unit_that_no_longer_exists_is_refused_for_a_new_registration()
    {
        var response = await Client.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100270", unit: "ha-long", registeredOn: "2026-03-02"));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/administrative-unit-not-valid");
        Assert.Contains("30/06/2025", (await ProblemOf(response)).GetProperty("detail").GetString());
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task An_unknown_unit_is_a_422_and_writes_nothing()
    {
        var response = await Client.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100288", unit: "atlantis"));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/unknown-administrative-unit");
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_duplicate_tax_code_is_a_409_and_writes_nothing_more()
    {
        await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100256"));
        var again = await Client.PostAsJsonAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100256"));
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "/errors/duplicate-tax-code");
        Assert.Equal((0, 1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Bad_fields_get_a_400_naming_each_and_write_nothing()
    {
        var body = ProposalJourney.EstablishmentBody("57001");
        body["name"] = "";
        body["employees"] = -3;
        body["email"] = "not-an-email";
        body["phone"] = "call me";
        body["type"] = null;

        var response = await Client.PostAsJsonAsync("/api/establishments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        foreach (var field in new[] { "taxCode", "name", "employees", "email", "phone", "type" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task An_update_raises_the_revision_and_announces_the_whole_state()
    {
        var id = (await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100256"))).GetProperty("id").GetString();
        var body = ProposalJourney.EstablishmentBody("5700100256");
        body["employees"] = 40;
        body["administrativeUnitCode"] = "p-mao-khe";

        var response = await Client.PutAsJsonAsync($"/api/establishments/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, updated.GetProperty("revision").GetInt32());
        Assert.Equal(40, updated.GetProperty("employees").GetInt32());
        Assert.Equal("Đông Triều", updated.GetProperty("district").GetString());
        Assert.Equal(["EstablishmentRegistered", "EstablishmentUpdated"], await EventTypesAsync());
    }

    [Fact]
    public async Task Taking_another_establishments_tax_code_is_a_409()
    {
        await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100256"));
        var id = (await Journey.RegisterEstablishmentAsync(ProposalJourney.EstablishmentBody("5700100993"))).GetProperty("id").GetString();
        var response = await Client.PutAsJsonAsync($"/api/establishments/{id}", ProposalJourney.EstablishmentBody("5700100256"));
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "/errors/duplicate-tax-code");
        Assert.Equal((0, 2, 2), await CountsAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        await AssertProblemAsync(await Client.GetAsync($"/api/establishments/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/establishments/{Guid.NewGuid()}", ProposalJourney.EstablishmentBody("5700100256")),
            HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task Search_filters_by_name_district_type_and_sector_and_pages_in_order()
    {
        string[] taxCodes = ["5700100305", "5700100312", "5700100337", "5700100344", "5700100351"];
        for (var i = 0; i < 5; i++)
        {
            var body = ProposalJourney.EstablishmentBody(taxCodes[i], unit: i < 3 ? "dong-trieu" : "mong-cai");
            body["name"] = $"Cơ sở {(char)('E' - i)} {(i % 2 == 0 ? "gốm" : "mộc")}";
            body["sector"] = i % 2 == 0 ? "Ceramics" : "WoodProcessing";
            await Journey.RegisterEstablishmentAsync(body);
        }

        var byDistrict = await Client.GetFromJsonAsync<JsonElement>("/api/establishments?district=Móng Cái");
        Assert.Equal(2, byDistrict.GetProperty("total").GetInt32());
        var byName = await Client.GetFromJsonAsync<JsonElement>("/api/establishments?q=GỐM");
        Assert.Equal(3, byName.GetProperty("total").GetInt32());
        var bySector = await Client.GetFromJsonAsync<JsonElement>("/api/establishments?sector=WoodProcessing&type=Cooperative");
        Assert.Equal(2, bySector.GetProperty("total").GetInt32());
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/establishments?sort=Name&page=2&pageSize=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(["Cơ sở C gốm", "Cơ sở D mộc"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/establishments?pageSize=0")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>
/// Who may do what with fairs: any signed-in role reads fairs, the Centre's officers run them, an
/// establishment registers itself and a district officer the establishments of its unit, and each of
/// them sees only the registrations within that scope.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FairsAccessTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private const string HaLong = "22.193";
    private const string BinhLieu = "22.202";
    private const string OwnTaxCode = "5700000011";
    private const string NeighbourTaxCode = "5700000012";
    private const string ElsewhereTaxCode = "5700000021";

    private static readonly DateTimeOffset FairDay = new(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Two establishments in Hạ Long and one in Bình Liêu, as the registry's copy places them.</summary>
    private async Task KnowThreeEstablishmentsAsync()
    {
        await KnowEstablishmentAsync(OwnTaxCode, unitCode: HaLong);
        await KnowEstablishmentAsync(NeighbourTaxCode, unitCode: HaLong);
        await KnowEstablishmentAsync(ElsewhereTaxCode, priorityArea: true, district: "Bình Liêu", unitCode: BinhLieu);
    }

    private static TestUser User(string role, string? scope) => role switch
    {
        PlatformRoles.Establishment => TestUser.Establishment(scope!),
        PlatformRoles.DistrictOfficer => TestUser.DistrictOfficer(scope!),
        _ => new TestUser(role),
    };

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy()
    {
        EndpointPolicies.AssertEveryEndpointDeclaresAPolicy(Factory.Services);

        var policies = EndpointPolicies.PolicyByEndpoint(Factory.Services).Where(p => p.Key.Contains("/api/fairs")).ToList();
        Assert.NotEmpty(policies);
        Assert.All(policies, p => Assert.StartsWith(Policies.Read, p.Value));
        Assert.All(policies.Where(p => p.Key.StartsWith("GET ") && p.Key != "GET /api/fairs/figures"), p => Assert.Equal(Policies.Read, p.Value));
        Assert.Contains(policies, p => p.Key == "GET /api/fairs/figures" && p.Value == $"{Policies.Read}+{Policies.Admin}");
        Assert.All(policies.Where(p => !p.Key.StartsWith("GET ") && p.Key is not ("POST /api/fairs/{fairId:guid}/registrations/" or "POST /api/fairs/support-norms/")),
            p => Assert.Contains(Policies.Manage, p.Value));
        // Only an Admin adds to the norms table.
        Assert.Contains(policies, p => p.Key == "POST /api/fairs/support-norms/" && p.Value == $"{Policies.Read}+{Policies.Admin}");
        Assert.Contains(Policies.Propose, policies.Single(p => p.Key == "POST /api/fairs/{fairId:guid}/registrations/").Value);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_and_health_and_the_openapi_document_answer()
    {
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;
        var anonymous = Factory.CreateClient().Anonymous();

        foreach (var path in new[] { "/api/fairs", $"/api/fairs/{fairId}", $"/api/fairs/{fairId}/allocation", $"/api/fairs/{fairId}/outcomes", $"/api/fairs/{fairId}/registrations" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/fairs", FairBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/fairs/support-norms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/fairs/support-norms", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/fairs/{fairId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/fairs/{fairId}/registrations", RegistrationBody(OwnTaxCode))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal((1, 0, 0), await CountsAsync());
    }

    [Theory]
    [InlineData(PlatformRoles.Admin, null)]
    [InlineData(PlatformRoles.Appraiser, null)]
    [InlineData(PlatformRoles.Leader, null)]
    [InlineData(PlatformRoles.Establishment, OwnTaxCode)]
    [InlineData(PlatformRoles.DistrictOfficer, BinhLieu)]
    public async Task Every_signed_in_role_reads_the_fairs(string role, string? scope)
    {
        var fairId = await OpenFairAsync();
        var client = ClientAs(User(role, scope));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/fairs");
        var fair = await client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");

        Assert.Equal(fairId, page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal("OpenForRegistration", fair.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(PlatformRoles.Leader, null)]
    [InlineData(PlatformRoles.Appraiser, null)]
    [InlineData(PlatformRoles.Establishment, OwnTaxCode)]
    [InlineData(PlatformRoles.DistrictOfficer, HaLong)]
    public async Task Only_the_centres_officers_run_a_fair_and_everyone_else_gets_403_changing_nothing(string role, string? scope)
    {
        await KnowThreeEstablishmentsAsync();
        var draft = (await CreateFairAsync()).GetProperty("id").GetString()!;
        var fairId = await OpenFairAsync();
        var registration = await RegisteredAsync(fairId, OwnTaxCode);
        var before = await CountsAsync();
        var client = ClientAs(User(role, scope));

        var refused = new[]
        {
            await client.PostAsJsonAsync("/api/fairs", FairBody()),
            await client.PutAsJsonAsync($"/api/fairs/{draft}", FairBody(name: "Đổi tên")),
            await client.PostAsync($"/api/fairs/{draft}/publish", null),
            await client.PostAsync($"/api/fairs/{fairId}/close-registration", null),
            await client.PostAsync($"/api/fairs/{fairId}/allocation", null),
            await client.PostAsync($"/api/fairs/{fairId}/held", null),
            await client.PostAsync($"/api/fairs/{fairId}/close", null),
            await client.PostAsJsonAsync($"/api/fairs/{fairId}/cancel", new { reason = "Không" }),
            await client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{registration}/allocation", new { booths = 1, reason = "Ưu tiên" }),
            await client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{registration}/outcome", new { contractsSigned = 1, contractValue = 1, sales = 1, visitors = 1 }),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await CountsAsync());
        var fair = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");
        Assert.Equal("OpenForRegistration", fair.GetProperty("status").GetString());
        Assert.Equal("Draft", (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{draft}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(PlatformRoles.Leader)]
    [InlineData(PlatformRoles.Appraiser)]
    public async Task Leaders_and_appraisers_register_no_one(string role)
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();

        var response = await RegisterAsync(fairId, OwnTaxCode, client: ClientAs(new TestUser(role)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, (await CountsAsync()).Registrations);
    }

    [Fact]
    public async Task An_establishment_registers_itself_and_not_another()
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();
        var establishment = ClientAs(TestUser.Establishment(OwnTaxCode));

        var own = await RegisterAsync(fairId, OwnTaxCode, client: establishment);
        var neighbour = await RegisterAsync(fairId, NeighbourTaxCode, client: establishment);
        var unknown = await RegisterAsync(fairId, "5799999999", client: establishment);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(OwnTaxCode, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registration").GetProperty("establishmentTaxCode").GetString());
        await AssertProblemAsync(neighbour, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        await AssertProblemAsync(unknown, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        Assert.Equal(1, (await CountsAsync()).Registrations);
    }

    [Theory]
    [InlineData(null, "Việc này nằm ngoài cơ sở hoặc đơn vị bạn được phép đại diện.", "Bạn không được đăng ký cho cơ sở mã số thuế",
        "Chỉ cán bộ Trung tâm mới ghi việc này.", "Ngày nhận phiếu đăng ký bản giấy chỉ do cán bộ Trung tâm ghi.")]
    [InlineData("en", "This is outside the establishment or unit you act for.", "Establishment ",
        "Only the Centre's officers record this.", "The day a paper form was received is recorded by the Centre's officers only.")]
    public async Task An_establishments_refusals_read_in_Vietnamese_and_in_English_on_request(
        string? language, string scopeTitle, string scopeDetail, string paperTitle, string paperDetail)
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();
        var establishment = ClientAs(TestUser.Establishment(OwnTaxCode));

        async Task<JsonElement> RefusedAsync(string taxCode, string? receivedOn, string type)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/fairs/{fairId}/registrations")
            {
                Content = JsonContent.Create(new
                {
                    establishmentTaxCode = taxCode,
                    products = new[] { "Chè Đường Hoa" },
                    boothsWanted = 1,
                    contact = new { name = "Nguyễn Thị B", phone = "0912 345 678" },
                    receivedOn,
                }),
            };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }
            return await AssertProblemAsync(await establishment.SendAsync(request), HttpStatusCode.Forbidden, type);
        }

        var neighbour = await RefusedAsync(NeighbourTaxCode, null, "/errors/out-of-scope");
        var onPaper = await RefusedAsync(OwnTaxCode, "2026-03-01", "/errors/officers-only");

        Assert.Equal(scopeTitle, neighbour.GetProperty("title").GetString());
        Assert.StartsWith(scopeDetail, neighbour.GetProperty("detail").GetString());
        Assert.Contains(NeighbourTaxCode, neighbour.GetProperty("detail").GetString());
        Assert.Equal((paperTitle, paperDetail), (onPaper.GetProperty("title").GetString(), onPaper.GetProperty("detail").GetString()));
        Assert.False(onPaper.TryGetProperty("__titleVi", out _));
    }

    [Fact]
    public async Task A_district_officer_registers_establishments_of_its_unit_and_not_others()
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();
        var districtOfficer = ClientAs(TestUser.DistrictOfficer(HaLong));

        var own = await RegisterAsync(fairId, OwnTaxCode, client: districtOfficer);
        var neighbour = await RegisterAsync(fairId, NeighbourTaxCode, client: districtOfficer);
        var elsewhere = await RegisterAsync(fairId, ElsewhereTaxCode, client: districtOfficer);
        var unknown = await RegisterAsync(fairId, "5799999999", client: districtOfficer);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (own.StatusCode, neighbour.StatusCode));
        await AssertProblemAsync(elsewhere, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        await AssertProblemAsync(unknown, HttpStatusCode.Forbidden, "/errors/out-of-scope");
        Assert.Equal(2, (await CountsAsync()).Registrations);
    }

    [Theory]
    [InlineData(PlatformRoles.Establishment, OwnTaxCode)]
    [InlineData(PlatformRoles.DistrictOfficer, HaLong)]
    public async Task Only_the_centre_records_the_day_a_form_was_received(string role, string scope)
    {
        await KnowThreeEstablishmentsAsync();
        Clock.SetTo(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;
        await PostOkAsync($"/api/fairs/{fairId}/publish", new { publishedOn = "2026-04-01" });
        var body = new
        {
            establishmentTaxCode = OwnTaxCode,
            products = new[] { "Chè Đường Hoa" },
            boothsWanted = 1,
            contact = new { name = "Nguyễn Thị B", phone = "0912 345 678" },
            receivedOn = "2026-04-02",
        };

        var response = await ClientAs(User(role, scope)).PostAsJsonAsync($"/api/fairs/{fairId}/registrations", body);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "/errors/officers-only");
        Assert.Equal(0, (await CountsAsync()).Registrations);
    }

    [Theory]
    [InlineData(PlatformRoles.Establishment, OwnTaxCode, new[] { OwnTaxCode })]
    [InlineData(PlatformRoles.Establishment, "5799999999", new string[0])]
    [InlineData(PlatformRoles.DistrictOfficer, HaLong, new[] { OwnTaxCode, NeighbourTaxCode })]
    [InlineData(PlatformRoles.DistrictOfficer, BinhLieu, new[] { ElsewhereTaxCode })]
    [InlineData(PlatformRoles.Leader, null, new[] { OwnTaxCode, NeighbourTaxCode, ElsewhereTaxCode })]
    [InlineData(PlatformRoles.Appraiser, null, new[] { OwnTaxCode, NeighbourTaxCode, ElsewhereTaxCode })]
    public async Task Registrations_allocation_results_and_outcomes_are_shown_within_the_callers_scope_with_the_fairs_totals(
        string role, string? scope, string[] visible)
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync(FairBody(booths: 3));
        var ids = new Dictionary<string, string>();
        foreach (var (taxCode, minutes) in new[] { (OwnTaxCode, 0), (NeighbourTaxCode, 1), (ElsewhereTaxCode, 2) })
        {
            Clock.SetTo(Start.AddMinutes(minutes));
            ids[taxCode] = await RegisteredAsync(fairId, taxCode);
        }
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        Clock.SetTo(FairDay);
        await PostOkAsync($"/api/fairs/{fairId}/held");
        foreach (var id in ids.Values)
        {
            await PutOkAsync($"/api/fairs/{fairId}/registrations/{id}/outcome", new { contractsSigned = 1, contractValue = 10_000_000, sales = 2_000_000, visitors = 100 });
        }
        var client = ClientAs(User(role, scope));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations");
        var allocation = await client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/allocation");
        var outcomes = await client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/outcomes");
        var fair = await client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");

        static string[] TaxCodes(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("establishmentTaxCode").GetString()!).Order().ToArray();
        Assert.Equal(visible, TaxCodes(list));
        Assert.Equal(visible, TaxCodes(allocation.GetProperty("results")));
        Assert.Equal(visible, TaxCodes(outcomes.GetProperty("participants")));
        Assert.Equal((3, 0), (allocation.GetProperty("boothsAllocated").GetInt32(), allocation.GetProperty("boothsLeft").GetInt32()));
        Assert.Equal((3, 300), (outcomes.GetProperty("totals").GetProperty("participants").GetInt32(), outcomes.GetProperty("totals").GetProperty("visitors").GetInt32()));
        Assert.Equal(3, fair.GetProperty("registrations").GetInt32());
        foreach (var (taxCode, id) in ids)
        {
            var details = await client.GetAsync($"/api/fairs/{fairId}/registrations/{id}");
            if (visible.Contains(taxCode))
            {
                Assert.Equal(HttpStatusCode.OK, details.StatusCode);
                var contact = (await details.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contact");
                if (role is PlatformRoles.Leader or PlatformRoles.Appraiser)
                {
                    Assert.Equal(JsonValueKind.Null, contact.ValueKind);
                }
                else
                {
                    Assert.Equal("Nguyễn Thị B", contact.GetProperty("name").GetString());
                }
            }
            else
            {
                await AssertProblemAsync(details, HttpStatusCode.NotFound, "/errors/not-found");
            }
        }
    }

    [Theory]
    [InlineData(PlatformRoles.Leader, null, false)]
    [InlineData(PlatformRoles.Appraiser, null, false)]
    [InlineData(PlatformRoles.Officer, null, true)]
    [InlineData(PlatformRoles.Admin, null, true)]
    [InlineData(PlatformRoles.Establishment, OwnTaxCode, true)]
    [InlineData(PlatformRoles.DistrictOfficer, HaLong, true)]
    public async Task Only_officers_and_those_acting_for_the_establishment_see_a_registrations_contact_person(string role, string? scope, bool seesContact)
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();
        var id = await RegisteredAsync(fairId, OwnTaxCode);

        var response = await ClientAs(User(role, scope)).GetAsync($"/api/fairs/{fairId}/registrations/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var details = JsonDocument.Parse(body).RootElement;
        Assert.Equal(OwnTaxCode, details.GetProperty("registration").GetProperty("establishmentTaxCode").GetString());
        Assert.Equal(["Chè Đường Hoa", "Trà hoa vàng"], details.GetProperty("registration").GetProperty("products").EnumerateArray().Select(p => p.GetString()));
        foreach (var personal in new[] { "Nguyễn Thị B", "0912 345 678", "b@htxche.vn" })
        {
            Assert.Equal(seesContact, body.Contains(personal, StringComparison.Ordinal));
        }
        if (!seesContact)
        {
            Assert.Equal(JsonValueKind.Null, details.GetProperty("contact").ValueKind);
        }
    }

    [Fact]
    public async Task An_establishment_asking_for_another_registration_gets_the_same_404_as_for_none()
    {
        await KnowThreeEstablishmentsAsync();
        var fairId = await OpenFairAsync();
        var neighbours = await RegisteredAsync(fairId, NeighbourTaxCode);
        var establishment = ClientAs(TestUser.Establishment(OwnTaxCode));

        var other = await establishment.GetAsync($"/api/fairs/{fairId}/registrations/{neighbours}");
        var none = await establishment.GetAsync($"/api/fairs/{fairId}/registrations/{Guid.NewGuid()}");

        await AssertProblemAsync(other, HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(none, HttpStatusCode.NotFound, "/errors/not-found");
        var otherBody = await other.Content.ReadAsStringAsync();
        Assert.DoesNotContain(NeighbourTaxCode, otherBody);
        Assert.DoesNotContain("Nguyễn Thị B", otherBody);
    }

    [Fact]
    public async Task Injection_and_script_text_in_a_fair_and_a_registration_is_stored_and_returned_literally()
    {
        const string injection = "'; DROP TABLE fairs; --";
        const string script = "<script>alert(1)</script>";
        await KnowEstablishmentAsync(OwnTaxCode, unitCode: HaLong);
        var body = FairBody(name: injection);
        body["organiser"] = script;
        body["extraCostsDescription"] = $"{script} {injection}";
        var created = await CreateFairAsync(body);
        var fairId = created.GetProperty("id").GetString()!;
        await PostOkAsync($"/api/fairs/{fairId}/publish");
        var registration = await ClientAs(TestUser.Establishment(OwnTaxCode)).PostAsJsonAsync($"/api/fairs/{fairId}/registrations", new
        {
            establishmentTaxCode = OwnTaxCode,
            products = new[] { injection, script },
            boothsWanted = 1,
            contact = new { name = script, phone = "0912 345 678" },
        });
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var registrationId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registration").GetProperty("id").GetString();

        var fair = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}");
        var found = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs?q={Uri.EscapeDataString(injection)}");
        var details = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations/{registrationId}");

        Assert.Equal((injection, script), (fair.GetProperty("name").GetString(), fair.GetProperty("organiser").GetString()));
        Assert.Equal($"{script} {injection}", fair.GetProperty("policy").GetProperty("extraCostsDescription").GetString());
        Assert.Equal(injection, found.GetProperty("items").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal([injection, script], details.GetProperty("registration").GetProperty("products").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(script, details.GetProperty("contact").GetProperty("name").GetString());
        // The fair's announcement and the registration's.
        Assert.Equal((1, 1, 2), await CountsAsync());
    }
}

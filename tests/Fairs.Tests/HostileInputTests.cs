using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>Input no officer would send: refused with a 400 or 422 that says what is wrong, never a 500, and nothing written.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private const long MaxMoney = 1_000_000_000_000_000;

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string WithField(Dictionary<string, object?> body, string field, string rawValue)
    {
        body.Remove(field);
        var json = JsonSerializer.Serialize(body, Json);
        return $"{json[..^1]},\"{field}\":{rawValue}}}";
    }

    private static Dictionary<string, object?> RegistrationWith(string field, object? value)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(RegistrationBody("5700000001"), Json), Json)!;
        body[field] = value;
        return body;
    }

    [Fact]
    public async Task A_NUL_in_a_text_field_is_a_400_and_writes_nothing()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();
        var fair = FairBody();
        fair["name"] = "Hội chợ\u0000";
        var registration = RegistrationWith("products", new[] { "Chè\u0000" });

        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/fairs", fair), HttpStatusCode.BadRequest, "/errors/malformed-request");
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/fairs/{fairId}", fair), HttpStatusCode.BadRequest, "/errors/malformed-request");
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{fairId}/registrations", registration), HttpStatusCode.BadRequest, "/errors/malformed-request");
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/fairs/{fairId}/cancel", new { reason = "Hủy\u0000" }), HttpStatusCode.BadRequest, "/errors/malformed-request");

        Assert.Equal((1, 0, 1), await CountsAsync());
        Assert.Equal("OpenForRegistration", (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_NUL_in_a_query_parameter_is_a_400_and_writes_nothing()
    {
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;

        var list = await Client.GetAsync("/api/fairs?q=ch%00e");
        var publish = await Client.PostAsync($"/api/fairs/{fairId}/publish?q=%00", null);

        Assert.True((await ErrorsOf(list)).TryGetProperty("q", out _));
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal("Draft", (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_kind_that_is_not_defined_is_a_400_listing_the_kinds_and_stores_nothing()
    {
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;

        foreach (var kind in new[] { "42", "\"42\"", "0", "-1", "\"Carnival\"", "\"DomesticProgramme, Online\"" })
        {
            var create = await PostRawAsync("/api/fairs", WithField(FairBody(), "kind", kind));
            var update = await Client.PutAsync($"/api/fairs/{fairId}", new StringContent(WithField(FairBody(), "kind", kind), Encoding.UTF8, "application/json"));

            foreach (var response in new[] { create, update })
            {
                // The body's reader refuses it, before any handler could store it.
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("/errors/malformed-request", body.GetProperty("type").GetString());
                var message = body.GetProperty("errors").GetProperty("kind")[0].GetString()!;
                // In Vietnamese by default: the kinds by their Vietnamese names, never the code's identifiers.
                Assert.All(new[] { "DomesticProgramme", "OtherDomestic", "Overseas", "Online" },
                    name => Assert.Contains(KhuyenCong.Contracts.CodeNames.Of("FairKind", name)!.Vietnamese, message));
                Assert.DoesNotContain("DomesticProgramme", message, StringComparison.Ordinal);
            }
        }
        Assert.Equal((1, 0, 0), await CountsAsync());
        Assert.Equal("DomesticProgramme", (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}")).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_list_query_out_of_bounds_is_a_400()
    {
        foreach (var query in new[] { "kind=42", "status=99", "page=2147483647", "page=1000001", "page=0", "pageSize=201", "pageSize=-1",
                     "colour=red", "year=99999", "from=1800-01-01", "to=2200-01-01", "from=2026-02-30" })
        {
            var response = await Client.GetAsync($"/api/fairs?{query}");

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_registration_status_that_is_not_defined_is_a_400()
    {
        var fairId = (await CreateFairAsync()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"/api/fairs/{fairId}/registrations?status=7")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"/api/fairs/{fairId}/registrations?page=1")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_query_parameter_on_a_command_is_a_400_and_writes_nothing()
    {
        var response = await Client.PostAsJsonAsync("/api/fairs?dryRun=true", FairBody());

        Assert.True((await ErrorsOf(response)).TryGetProperty("dryRun", out _));
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task An_absurd_fair_date_is_a_400_naming_it_and_writes_nothing()
    {
        foreach (var (field, value) in new[]
                 {
                     ("startDate", "\"9999-12-31\""), ("startDate", "\"0001-01-01\""), ("startDate", "\"1901-06-10\""), ("endDate", "\"2101-01-01\""),
                     ("registrationDeadline", "\"1950-05-20\""), ("startDate", "\"2026-13-01\""), ("startDate", "20260610"),
                 })
        {
            var response = await PostRawAsync("/api/fairs", WithField(FairBody(), field, value));

            Assert.True((await ErrorsOf(response)).TryGetProperty(field, out _), $"{field} {value}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Fair_dates_out_of_order_are_a_400_naming_the_field_and_write_nothing()
    {
        var endsFirst = FairBody();
        endsFirst["endDate"] = "2026-06-09";
        var lateDeadline = FairBody();
        lateDeadline["registrationDeadline"] = "2026-06-11";

        Assert.True((await ErrorsOf(await Client.PostAsJsonAsync("/api/fairs", endsFirst))).TryGetProperty("endDate", out _));
        Assert.True((await ErrorsOf(await Client.PostAsJsonAsync("/api/fairs", lateDeadline))).TryGetProperty("registrationDeadline", out _));
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Absurd_recorded_days_are_a_400_and_change_nothing()
    {
        await KnowEstablishmentAsync("5700000001");
        var draft = (await CreateFairAsync()).GetProperty("id").GetString()!;
        var open = await OpenFairAsync();

        var published = await Client.PostAsJsonAsync($"/api/fairs/{draft}/publish", new { publishedOn = "1950-01-01" });
        var received = await Client.PostAsJsonAsync($"/api/fairs/{open}/registrations", RegistrationWith("receivedOn", "1900-01-01"));
        var held = await Client.PostAsJsonAsync($"/api/fairs/{open}/held", new { heldOn = "1989-12-31" });

        Assert.True((await ErrorsOf(published)).TryGetProperty("publishedOn", out _));
        Assert.True((await ErrorsOf(received)).TryGetProperty("receivedOn", out _));
        Assert.True((await ErrorsOf(held)).TryGetProperty("heldOn", out _));
        Assert.Equal((2, 0, 1), await CountsAsync());
    }

    [Fact]
    public async Task A_form_received_before_the_fair_was_published_is_a_422()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();

        var response = await Client.PostAsJsonAsync($"/api/fairs/{fairId}/registrations", RegistrationWith("receivedOn", "2026-03-01"));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/received-before-publication");
        Assert.Equal((1, 0, 1), await CountsAsync());
    }

    [Fact]
    public async Task Booths_and_money_out_of_bounds_are_a_400_and_write_nothing()
    {
        foreach (var (field, value) in new[]
                 {
                     ("boothCount", "2147483648"), ("boothCount", "-1"), ("boothCount", "10001"), ("boothCount", "1e3"),
                     ("boothRent", "1000000000000001"), ("boothRent", "9223372036854775808"), ("boothRent", "-12000000"),
                     ("extraSupportPerParticipant", "1000000000000001"), ("extraSupportPerParticipant", "-1"), ("rentSharePercent", "1e30"),
                 })
        {
            var response = await PostRawAsync("/api/fairs", WithField(FairBody(), field, value));

            Assert.True((await ErrorsOf(response)).TryGetProperty(field, out _), $"{field} {value}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_fair_whose_booths_could_pay_out_more_than_the_money_bound_is_a_422()
    {
        var body = FairBody(booths: 10_000);
        body["boothRent"] = MaxMoney;

        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/fairs", body), HttpStatusCode.UnprocessableEntity, "/errors/amounts-too-large");
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Booths_wanted_out_of_bounds_are_refused_and_write_nothing()
    {
        await KnowEstablishmentAsync("5700000001");
        var fairId = await OpenFairAsync();

        foreach (var (boothsWanted, expected) in new[]
                 {
                     ("2147483648", HttpStatusCode.BadRequest), ("-5", HttpStatusCode.BadRequest), ("0", HttpStatusCode.BadRequest),
                     ("2147483647", HttpStatusCode.UnprocessableEntity), ("4", HttpStatusCode.UnprocessableEntity),
                 })
        {
            var body = JsonSerializer.Serialize(RegistrationWith("boothsWanted", null), Json).Replace("\"boothsWanted\":null", $"\"boothsWanted\":{boothsWanted}");

            var response = await PostRawAsync($"/api/fairs/{fairId}/registrations", body);

            Assert.True(expected == response.StatusCode, $"{boothsWanted}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal((1, 0, 1), await CountsAsync());
    }

    [Fact]
    public async Task Overrides_and_outcomes_out_of_bounds_are_refused_and_the_totals_never_overflow()
    {
        await KnowEstablishmentAsync("5700000001");
        await KnowEstablishmentAsync("5700000002");
        var fairId = await OpenFairAsync(FairBody(booths: 2));
        var first = await RegisteredAsync(fairId, "5700000001");
        var second = await RegisteredAsync(fairId, "5700000002");
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");

        var negative = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{first}/allocation", new { booths = -1, reason = "x" });
        var huge = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{first}/allocation", new { booths = int.MaxValue, reason = "x" });
        Assert.True((await ErrorsOf(negative)).TryGetProperty("booths", out _));
        await AssertProblemAsync(huge, HttpStatusCode.UnprocessableEntity, "/errors/more-booths-than-wanted");

        Clock.SetTo(new DateTimeOffset(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        await PostOkAsync($"/api/fairs/{fairId}/held");
        var tooMuch = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{first}/outcome",
            new { contractsSigned = 1, contractValue = MaxMoney + 1, sales = 0, visitors = 0 });
        Assert.True((await ErrorsOf(tooMuch)).TryGetProperty("contractValue", out _));

        await PutOkAsync($"/api/fairs/{fairId}/registrations/{first}/outcome",
            new { contractsSigned = int.MaxValue, contractValue = MaxMoney, sales = MaxMoney, visitors = int.MaxValue });
        var overflow = await Client.PutAsJsonAsync($"/api/fairs/{fairId}/registrations/{second}/outcome",
            new { contractsSigned = 1, contractValue = 1, sales = 1, visitors = 1 });
        await AssertProblemAsync(overflow, HttpStatusCode.UnprocessableEntity, "/errors/totals-too-large");

        var totals = (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/outcomes")).GetProperty("totals");
        Assert.Equal((int.MaxValue, MaxMoney, 1), (totals.GetProperty("contractsSigned").GetInt32(), totals.GetProperty("contractValue").GetInt64(),
            totals.GetProperty("participantsReported").GetInt32()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class ReferenceApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    [Fact]
    public async Task The_13_district_level_units_held_until_mid_2025_and_54_commune_level_units_since()
    {
        var in2020 = await Client.GetFromJsonAsync<JsonElement>("/api/reference/administrative-units?validOn=2020-01-01");
        var in2026 = await Client.GetFromJsonAsync<JsonElement>("/api/reference/administrative-units?validOn=2026-01-01");

        Assert.Equal(13, in2020.GetArrayLength());
        Assert.Contains(in2020.EnumerateArray(), u => u.GetProperty("name").GetString() == "Hạ Long");
        Assert.Equal(54, in2026.GetArrayLength());
        Assert.Equal(30, in2026.EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "Ward"));
        Assert.Equal(2, in2026.EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "SpecialZone"));
        Assert.All(in2026.EnumerateArray(), u => Assert.False(string.IsNullOrEmpty(u.GetProperty("formerDistrictCode").GetString())));
    }

    [Fact]
    public async Task A_unit_can_be_added_and_closed_but_not_end_before_it_begins()
    {
        var added = await Client.PutAsJsonAsync("/api/reference/administrative-units/x-thu-nghiem",
            new { name = "Thử Nghiệm", kind = "Commune", formerDistrictCode = "co-to", validFrom = "2027-01-01" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var closed = await Client.PutAsJsonAsync("/api/reference/administrative-units/x-thu-nghiem",
            new { name = "Thử Nghiệm", kind = "Commune", validTo = "2028-12-31" });
        Assert.Equal("2028-12-31", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validTo").GetString());
        var backwards = await Client.PutAsJsonAsync("/api/reference/administrative-units/x-thu-nghiem",
            new { name = "Thử Nghiệm", kind = "Commune", validTo = "2026-12-31" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PutAsJsonAsync("/api/reference/administrative-units/BAD CODE", new { name = "X", kind = "Ward" })).StatusCode);
    }

    [Fact]
    public async Task The_norms_in_force_on_a_day_are_the_latest_versions_of_the_seeded_table()
    {
        var in2017 = await Client.GetFromJsonAsync<JsonElement>("/api/reference/support-norms?fundingSource=National&contentGroup=3&inForceOn=2017-01-01");
        var in2019 = await Client.GetFromJsonAsync<JsonElement>("/api/reference/support-norms?fundingSource=National&contentGroup=3&inForceOn=2019-01-01");

        static long? CapOf(JsonElement norms, string activity) => norms.EnumerateArray()
            .Single(n => n.GetProperty("activity").ValueKind == JsonValueKind.String && n.GetProperty("activity").GetString() == activity)
            .GetProperty("cap") is { ValueKind: JsonValueKind.Number } cap ? cap.GetInt64() : null;

        Assert.Equal(200_000_000, CapOf(in2017, "AdvancedMachinery"));
        Assert.Equal(500_000_000, CapOf(in2017, "DemonstrationModel"));
        Assert.Equal("Facility", in2019.EnumerateArray().Single(n => n.GetProperty("activity").GetString() == "AdvancedMachinery").GetProperty("unit").GetString());
        Assert.Equal(300_000_000, CapOf(in2019, "AdvancedMachinery"));
        Assert.Equal(1_000_000_000, CapOf(in2019, "DemonstrationModel"));
        Assert.All(in2019.EnumerateArray(), n => Assert.Equal(1.5m, n.GetProperty("priorityMultiplier").GetDecimal()));
    }

    [Fact]
    public async Task A_new_norm_version_is_added_once_and_bad_ones_are_refused()
    {
        var norm = new { fundingSource = "Local", contentGroup = 3, activity = "AdvancedMachinery", effectiveFrom = "2027-01-01", shareOfCost = 0.4, cap = 250_000_000, unit = "Facility", legalBasis = "Quyết định 99/2026/QĐ-UBND" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostAsJsonAsync("/api/reference/support-norms", norm)).StatusCode);
        var admin = ClientAs(TestUser.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/reference/support-norms", norm)).StatusCode);
        var duplicate = await admin.PostAsJsonAsync("/api/reference/support-norms", norm);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var outside = await admin.PostAsJsonAsync("/api/reference/support-norms", norm with { contentGroup = 5, effectiveFrom = "2027-02-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        var empty = await admin.PostAsJsonAsync("/api/reference/support-norms", new { fundingSource = "Local", contentGroup = 3, effectiveFrom = "2027-03-01", legalBasis = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var share = await admin.PostAsJsonAsync("/api/reference/support-norms", norm with { shareOfCost = 1.5, effectiveFrom = "2027-04-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, share.StatusCode);
    }
}

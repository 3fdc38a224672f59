using System.Net;
using System.Net.Http.Json;
using System.Text;
using KhuyenCong.Products.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>Input no form would send: control characters, undefined levels, absurd pages, dates and scores. Each is a 4xx and writes nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string Competitions = "/api/products/competitions";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync() => await _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> CompetitionCountAsync() => _host.WithDbAsync(db => db.Competitions.CountAsync());

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private const string ValidDates = "\"year\":2025,\"registrationOpensOn\":\"2025-03-01\",\"registrationClosesOn\":\"2025-03-31\"";

    [Fact]
    public async Task Control_characters_in_a_body_or_a_query_are_a_400_and_nothing_is_written()
    {
        await AssertProblemAsync(await _host.Client.PostAsync(Competitions, Json($"{{\"title\":\"Bình\\u0000chọn\",\"level\":\"Provincial\",{ValidDates}}}")),
            HttpStatusCode.BadRequest, "/errors/malformed-request");
        await AssertProblemAsync(await _host.Client.PostAsync($"{Competitions}?note=%00",
                Json($"{{\"title\":\"Bình chọn\",\"level\":\"Provincial\",{ValidDates}}}")),
            HttpStatusCode.BadRequest, "/errors/validation");
        await AssertProblemAsync(await _host.Client.GetAsync($"{Competitions}?year=2025%00"), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(0, await CompetitionCountAsync());
    }

    [Fact]
    public async Task An_undefined_level_is_a_400_listing_the_levels_and_nothing_is_stored()
    {
        // The levels by their Vietnamese names (the default language), in their order.
        var levels = string.Join(", ", new[] { "District", "Provincial", "Regional", "National" }
            .Select(level => KhuyenCong.Contracts.CodeNames.Of("RecognitionLevel", level)!.Vietnamese));
        foreach (var level in new[] { "999", "\"999\"", "0", "-1", "\"Commune\"" })
        {
            var response = await _host.Client.PostAsync(Competitions, Json($"{{\"title\":\"Bình chọn\",\"level\":{level},{ValidDates}}}"));
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/malformed-request");
            Assert.Contains(levels, problem.GetProperty("detail").GetString());
        }
        var listed = await AssertProblemAsync(await _host.Client.GetAsync($"{Competitions}?level=999"), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Contains(levels, listed.GetProperty("detail").GetString());
        await AssertProblemAsync(await _host.Client.GetAsync("/api/products/certificates?status=7"), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(0, await CompetitionCountAsync());
    }

    [Fact]
    public async Task Absurd_paging_and_unknown_parameters_are_a_400()
    {
        foreach (var path in new[]
        {
            $"{Competitions}?page=2147483647", $"{Competitions}?page=0", $"{Competitions}?page=-1", $"{Competitions}?pageSize=201",
            $"{Competitions}?yaer=2025", "/api/products/certificates?page=1000001", "/api/products/catalogue?pageSize=0",
            "/api/products/catalogue?search=chè",
        })
        {
            await AssertProblemAsync(await _host.Client.GetAsync(path), HttpStatusCode.BadRequest, "/errors/validation");
        }
    }

    [Fact]
    public async Task Absurd_dates_are_a_400_and_dates_out_of_the_domains_order_are_refused()
    {
        foreach (var (opens, closes) in new[] { ("0001-01-01", "2025-03-31"), ("2025-03-01", "9999-12-31"), ("1989-12-31", "2025-03-31") })
        {
            var response = await _host.Client.PostAsync(Competitions,
                Json($"{{\"title\":\"Bình chọn\",\"level\":\"Provincial\",\"year\":2025,\"registrationOpensOn\":\"{opens}\",\"registrationClosesOn\":\"{closes}\"}}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var backwards = await _host.Client.PostAsync(Competitions,
            Json("{\"title\":\"Bình chọn\",\"level\":\"Provincial\",\"year\":2025,\"registrationOpensOn\":\"2025-03-31\",\"registrationClosesOn\":\"2025-03-01\"}"));
        var errors = (await AssertProblemAsync(backwards, HttpStatusCode.BadRequest, "/errors/validation")).GetProperty("errors");
        Assert.Contains("không được trước", errors.GetProperty("registrationClosesOn")[0].GetString());
        Assert.Equal(0, await CompetitionCountAsync());

        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"{Competitions}/{competition}/open", null, HttpStatusCode.OK);
        var entries = $"{Competitions}/{competition}/entries";
        foreach (var receivedOn in new[] { "1900-01-01", "2100-12-31" })
        {
            await AssertProblemAsync(await _host.Client.PostAsJsonAsync(entries, new
            {
                establishmentTaxCode = TaxCode, group = "Handicrafts", productName = "Nón lá", description = "Nón lá", receivedOn,
            }), HttpStatusCode.BadRequest, "/errors/validation");
        }
        // A dossier received before registration opened is refused by the competition itself.
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(entries, new
        {
            establishmentTaxCode = TaxCode, group = "Handicrafts", productName = "Nón lá", description = "Nón lá", receivedOn = "2025-02-28",
        }), HttpStatusCode.UnprocessableEntity, "/errors/outside-registration-window");
        Assert.Equal(0, await _host.WithDbAsync(db => db.Entries.CountAsync()));

        // Outside what the JSON reader takes (1900 … 2100), and outside the record dates (1990 … 2100).
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{Competitions}/{competition}/close", new { issuedOn = "1066-10-14" }),
            HttpStatusCode.BadRequest, "/errors/malformed-request");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{Competitions}/{competition}/close", new { issuedOn = "1989-12-31" }),
            HttpStatusCode.BadRequest, "/errors/validation");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/certificates/{Guid.NewGuid()}/revoke",
            new { reason = "Vi phạm", revokedOn = "1900-01-01" }), HttpStatusCode.BadRequest, "/errors/validation");
        var stored = await _host.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{Competitions}/{competition}");
        Assert.Equal("Open", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scores_and_money_beyond_any_bound_are_refused_never_a_500()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        var members = await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"{Competitions}/{competition}/open", null, HttpStatusCode.OK);
        var entry = await _host.RegisterEntryAsync(competition, "Chè Đường Hoa");
        await _host.AddThreePhotosAndSubmitAsync(competition, entry);
        await _host.PostAsync($"{Competitions}/{competition}/start-scoring", null, HttpStatusCode.OK);
        var scores = $"{Competitions}/{competition}/entries/{entry}/scores";

        foreach (var market in new[] { "79228162514264337593543950335", "1e28", "-79228162514264337593543950335", "1e400", "99999999999999999999999999999999", "40.001" })
        {
            var response = await _host.Client.PostAsync(scores,
                Json($"{{\"memberId\":\"{members[0]}\",\"market\":{market},\"technical\":40,\"cultural\":10,\"other\":10}}"));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                $"market {market}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(0, await _host.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).SelectMany(e => e.Scores).CountAsync()));

        foreach (var revenue in new[] { long.MaxValue, 1_000_000_000_000_001L })
        {
            await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/certificates/{Guid.NewGuid()}/holder-reports",
                new { year = 2025, revenue, employees = 1 }), HttpStatusCode.BadRequest, "/errors/validation");
        }
    }
}

/// <summary>The domain's own guard on what the API already bounds, for callers that do not go through it.</summary>
public sealed class DomainBoundsTests
{
    [Fact]
    public void A_competition_of_an_undefined_level_is_refused()
    {
        var refusal = Assert.Throws<ProductRuleException>(() => Competition.Create("X", (RecognitionLevel)999, 2025, null,
            new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), DomainFixtures.Now));
        Assert.Equal("unknown-level", refusal.Code);
        Assert.Contains("District, Provincial, Regional, National", refusal.Message);
    }

    [Fact]
    public void A_holder_report_dated_before_the_certificate_was_issued_is_refused()
    {
        var certificate = DomainFixtures.IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        Assert.Equal("report-before-issue", Assert.Throws<ProductRuleException>(() =>
            certificate.RecordHolderReport(2025, DomainFixtures.Report(1, 1), new DateOnly(2025, 6, 29), new DateOnly(2025, 7, 1), DomainFixtures.Now)).Code);
        Assert.Empty(certificate.HolderReports);
    }

    [Fact]
    public void Sheets_far_beyond_the_scale_are_refused_without_overflow()
    {
        Assert.Equal("score-out-of-range", Assert.Throws<ProductRuleException>(() =>
            ScoreSheet.Create(decimal.MaxValue, decimal.MaxValue, decimal.MaxValue, decimal.MaxValue)).Code);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// The rules of Circular 26/2014 through the API: competition years (Art. 14), the district round that binds a
/// provincial entry (Art. 12.2), the certificate's status derived from today (Art. 17.3) and the holders' yearly
/// reports (Art. 22.2). Each refusal answers with its rule, its legal basis and writes nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TypicalProductRulesApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string Competitions = "/api/products/competitions";
    private const string Rounds = "/api/products/district-rounds";
    private const string OtherTaxCode = "5700200300";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3), settings: new Dictionary<string, string>
    {
        ["Products:HolderReports:DueMonth"] = "3",
        ["Products:HolderReports:DueDay"] = "31",
        ["Products:HolderReports:LegalBasis"] = "Quyết định 12/2026/QĐ-UBND",
    });

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        await _host.AddEstablishmentAsync(OtherTaxCode, "Công ty Gốm Đông Triều", "Đông Triều");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Competition(string level, int year, string? number = null, string? date = null, string? district = null) => new
    {
        title = $"Bình chọn {level} {year}", level, year, region = level == "Regional" ? "Miền Bắc" : null, district,
        registrationOpensOn = new DateOnly(year, 3, 1), registrationClosesOn = new DateOnly(year, 3, 31),
        scheduleDecisionNumber = number, scheduleDecisionDate = date,
    };

    private static object HolderReport(int year) => new
    {
        year, revenue = 1_500_000_000L, employees = 24, supportResults = "Được hỗ trợ tham gia hội chợ tỉnh", productionAndBusiness = "Sản lượng tăng 10 %",
    };

    private Task<int> CountAsync<T>(Func<Products.Data.ProductsDbContext, IQueryable<T>> set) => _host.WithDbAsync(db => set(db).CountAsync());

    [Fact]
    public async Task A_competition_in_the_other_years_is_refused_in_vietnamese_with_its_basis_unless_the_decision_is_named()
    {
        var refused = await AssertProblemAsync(await _host.Client.PostAsJsonAsync(Competitions, Competition("Provincial", 2026)),
            HttpStatusCode.UnprocessableEntity, "/errors/competition-year-off-cycle");
        Assert.Equal("Thông tư 26/2014/TT-BCT, Điều 14 khoản 1 điểm a", refused.GetProperty("legalBasis").GetString());
        Assert.Contains("thường vào năm lẻ", refused.GetProperty("detail").GetString());

        var english = new HttpRequestMessage(HttpMethod.Post, Competitions) { Content = JsonContent.Create(Competition("Regional", 2025)) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await AssertProblemAsync(await _host.Client.SendAsync(english), HttpStatusCode.UnprocessableEntity, "/errors/competition-year-off-cycle");
        Assert.Contains("usually in even years", inEnglish.GetProperty("detail").GetString());
        Assert.Equal("Thông tư 26/2014/TT-BCT, Điều 14 khoản 2 điểm a", inEnglish.GetProperty("legalBasis").GetString());
        Assert.Equal(0, await CountAsync(db => db.Competitions));

        var held = await _host.PostAsync(Competitions, Competition("Provincial", 2026, "125/QĐ-UBND", "2025-01-10"), HttpStatusCode.Created);
        Assert.Equal(("125/QĐ-UBND", "2025-01-10"), (held.GetProperty("scheduleDecisionNumber").GetString(), held.GetProperty("scheduleDecisionDate").GetString()));
        var listed = await _host.Client.GetFromJsonAsync<JsonElement>($"{Competitions}?year=2026");
        Assert.Equal("125/QĐ-UBND", listed.GetProperty("items")[0].GetProperty("scheduleDecisionNumber").GetString());
    }

    [Fact]
    public async Task A_decision_names_its_number_and_a_date_that_has_come_and_a_district_round_its_district()
    {
        foreach (var body in new[]
        {
            Competition("Provincial", 2026, "125/QĐ-UBND"),
            Competition("Provincial", 2026, null, "2025-12-01"),
            Competition("Provincial", 2026, "125/QĐ-UBND", "2025-03-04"),
            Competition("Provincial", 2026, "125/QĐ-UBND", "0001-01-01"),
            Competition("Provincial", 2026, new string('9', 65), "2025-01-01"),
            Competition("District", 2025),
        })
        {
            var response = await _host.Client.PostAsJsonAsync(Competitions, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(body)}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(0, await CountAsync(db => db.Competitions));
        var district = await _host.PostAsync(Competitions, Competition("District", 2025, district: "Hải Hà"), HttpStatusCode.Created);
        Assert.Equal("Hải Hà", district.GetProperty("district").GetString());
    }

    [Fact]
    public async Task A_provincial_entry_after_its_districts_round_needs_the_district_certificate_and_gets_in_with_it()
    {
        var districtCertificate = (await _host.RunToCertificateAsync("District", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 5)).GetProperty("number").GetString();
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        var provincial = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 6, 1), new(2025, 6, 30))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(provincial, 7);
        await _host.PostAsync($"{Competitions}/{provincial}/open", null, HttpStatusCode.OK);
        var entries = $"{Competitions}/{provincial}/entries";
        var entry = new { establishmentTaxCode = TaxCode, group = "ProcessedFoodAndAgriculture", productName = "Chè Đường Hoa", description = "Chè" };

        var refused = await AssertProblemAsync(await _host.Client.PostAsJsonAsync(entries, entry), HttpStatusCode.UnprocessableEntity,
            "/errors/lower-level-certificate-required");
        Assert.Equal("Thông tư 26/2014/TT-BCT, Điều 12 khoản 2 điểm b và d", refused.GetProperty("legalBasis").GetString());
        Assert.Contains("Hải Hà đã tổ chức bình chọn cấp huyện năm 2025", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(db => db.Entries.Where(e => e.CompetitionId == provincial)));

        // Đông Triều held no round: its establishment enters without a district certificate.
        await _host.RegisterEntryAsync(provincial, "Gốm men lam", "Handicrafts", OtherTaxCode);
        var accepted = await _host.PostAsync(entries, new
        {
            entry.establishmentTaxCode, entry.group, entry.productName, entry.description, lowerLevelCertificateNumber = districtCertificate,
        }, HttpStatusCode.Created);
        Assert.Equal(districtCertificate, accepted.GetProperty("lowerLevelCertificateNumber").GetString());
    }

    [Fact]
    public async Task A_round_an_officer_records_binds_like_one_run_here_and_is_recorded_once()
    {
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        var round = new { district = "Đông Triều", year = 2024, heldOn = "2024-04-10", reason = "Kỳ bình chọn cấp huyện tổ chức trên hồ sơ giấy" };
        var recorded = await _host.PostAsync(Rounds, round, HttpStatusCode.Created);
        Assert.Equal("Đông Triều", recorded.GetProperty("district").GetString());
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(Rounds, round with { }), HttpStatusCode.Conflict, "/errors/duplicate");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(Rounds, new { district = "Đông Triều", year = 2023, heldOn = "2024-01-10", reason = "x" }),
            HttpStatusCode.UnprocessableEntity, "/errors/district-round-date-outside-year");
        Assert.Equal(1, await CountAsync(db => db.DistrictRounds));

        var provincial = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 6, 1), new(2025, 6, 30))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(provincial, 7);
        await _host.PostAsync($"{Competitions}/{provincial}/open", null, HttpStatusCode.OK);
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"{Competitions}/{provincial}/entries", new
        {
            establishmentTaxCode = OtherTaxCode, group = "Handicrafts", productName = "Gốm men lam", description = "Gốm",
        }), HttpStatusCode.UnprocessableEntity, "/errors/lower-level-certificate-required");
        await _host.RegisterEntryAsync(provincial, "Chè Đường Hoa");

        var listed = await _host.Client.GetFromJsonAsync<JsonElement>($"{Rounds}?district={Uri.EscapeDataString("Đông Triều")}");
        Assert.Equal("Kỳ bình chọn cấp huyện tổ chức trên hồ sơ giấy", Assert.Single(listed.EnumerateArray()).GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.ClientAs(TestUser.Leader).PostAsJsonAsync(Rounds, round)).StatusCode);
    }

    [Fact]
    public async Task Hostile_district_rounds_are_refused_and_nothing_is_written()
    {
        foreach (var body in new[]
        {
            "{\"district\":\"Hải\\u0000Hà\",\"year\":2024,\"heldOn\":\"2024-04-10\",\"reason\":\"x\"}",
            "{\"district\":\"Hải Hà\",\"year\":99999999999,\"heldOn\":\"2024-04-10\",\"reason\":\"x\"}",
            "{\"district\":\"Hải Hà\",\"year\":2024,\"heldOn\":\"9999-12-31\",\"reason\":\"x\"}",
            "{\"district\":\"Hải Hà\",\"year\":2024,\"heldOn\":\"2027-01-01\",\"reason\":\"x\"}",
            "{\"district\":\"" + new string('x', 101) + "\",\"year\":2024,\"heldOn\":\"2024-04-10\",\"reason\":\"x\"}",
            "{\"district\":\"Hải Hà\",\"year\":2024,\"heldOn\":\"2024-04-10\"}",
        })
        {
            var response = await _host.Client.PostAsync(Rounds, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(0, await CountAsync(db => db.DistrictRounds));
        var undefinedLevel = await _host.Client.PostAsync(Competitions, new StringContent(
            "{\"title\":\"x\",\"level\":99,\"year\":2025,\"registrationOpensOn\":\"2025-03-01\",\"registrationClosesOn\":\"2025-03-31\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, undefinedLevel.StatusCode);
        await AssertProblemAsync(await _host.Client.GetAsync($"{Rounds}?year=2147483648"), HttpStatusCode.BadRequest, "/errors/malformed-request");
    }

    [Fact]
    public async Task A_certificate_reads_expired_on_1_january_in_reads_and_status_filters_though_no_job_ran()
    {
        var id = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();

        async Task<(string Status, int Valid, int Expired)> ReadAsync()
        {
            var certificate = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/certificates/{id}");
            var valid = await _host.Client.GetFromJsonAsync<JsonElement>("/api/products/certificates?status=Valid");
            var expired = await _host.Client.GetFromJsonAsync<JsonElement>("/api/products/certificates?status=Expired");
            return (certificate.GetProperty("status").GetString()!, valid.GetProperty("total").GetInt32(), expired.GetProperty("total").GetInt32());
        }

        _host.Clock.SetToday(new DateOnly(2027, 12, 31));
        Assert.Equal(("Valid", 1, 0), await ReadAsync());
        _host.Clock.SetToday(new DateOnly(2028, 1, 1));
        Assert.Equal(("Expired", 0, 1), await ReadAsync());
        Assert.Equal("Valid", await _host.WithDbAsync(async db => (await db.Certificates.SingleAsync(c => c.Id == id)).Status.ToString()));

        var revoke = await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/certificates/{id}/revoke", new { reason = "Vi phạm" }),
            HttpStatusCode.Conflict, "/errors/illegal-transition");
        Assert.Contains("Điều 20 khoản 3", revoke.GetProperty("legalBasis").GetString());
        Assert.Equal(0, await CountAsync(db => db.Certificates.Where(c => c.RevokedOn != null)));
    }

    [Fact]
    public async Task Yearly_reports_are_due_after_their_year_overdue_after_the_provinces_day_and_leave_the_list_when_recorded()
    {
        var id = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        var other = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 6, 2), "Gốm men lam", 7, group: "Handicrafts", taxCode: OtherTaxCode))
            .GetProperty("id").GetGuid();

        async Task<List<(Guid Certificate, int Year, string? DueOn, bool Overdue)>> DueAsync(HttpClient client, string query = "")
        {
            var page = await ExpectAsync(await client.GetAsync($"/api/products/certificates/reports-due{query}"), HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("certificateId").GetGuid(), i.GetProperty("year").GetInt32(),
                i.GetProperty("dueOn").GetString(), i.GetProperty("overdue").GetBoolean())).ToList();
        }

        _host.Clock.SetToday(new DateOnly(2025, 12, 31));
        Assert.Empty(await DueAsync(_host.Client));
        _host.Clock.SetToday(new DateOnly(2026, 3, 31));
        Assert.Equal([(id, 2025, "2026-03-31", false), (other, 2025, "2026-03-31", false)], (await DueAsync(_host.Client)).OrderBy(d => d.Certificate == other));
        _host.Clock.SetToday(new DateOnly(2026, 4, 1));
        Assert.All(await DueAsync(_host.Client), d => Assert.True(d.Overdue));
        Assert.Equal(2, (await DueAsync(_host.Client, "?overdue=true")).Count);
        Assert.Empty(await DueAsync(_host.Client, "?overdue=false"));
        var page = await _host.Client.GetFromJsonAsync<JsonElement>("/api/products/certificates/reports-due?pageSize=1&page=2");
        Assert.Equal((2, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Contains("Quyết định 12/2026/QĐ-UBND", page.GetProperty("items")[0].GetProperty("legalBasis").GetString());

        var establishment = _host.ClientAs(TestUser.Establishment(TaxCode));
        Assert.Equal([id], (await DueAsync(establishment)).Select(d => d.Certificate));
        await _host.PostAsync($"/api/products/certificates/{id}/holder-reports", HolderReport(2025), HttpStatusCode.Created);
        Assert.Empty(await DueAsync(establishment));
        Assert.Equal([other], (await DueAsync(_host.Client)).Select(d => d.Certificate));
        await AssertProblemAsync(await _host.Client.GetAsync("/api/products/certificates/reports-due?pageSize=0"), HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task A_report_on_a_year_not_begun_is_refused_with_its_basis_and_nothing_is_written()
    {
        var id = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        var path = $"/api/products/certificates/{id}/holder-reports";
        var refused = await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, HolderReport(2026)), HttpStatusCode.UnprocessableEntity,
            "/errors/report-year-in-future");
        Assert.Equal("Thông tư 26/2014/TT-BCT, Điều 22 khoản 2", refused.GetProperty("legalBasis").GetString());
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, new { year = 2025, revenue = 1L, employees = 1 }), HttpStatusCode.BadRequest, "/errors/validation");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, new
        {
            year = 2025, revenue = 1L, employees = 1, supportResults = "x\u0000y", productionAndBusiness = "y",
        }), HttpStatusCode.BadRequest, "/errors/malformed-request");
        Assert.Equal(0, await CountAsync(db => db.Certificates.SelectMany(c => c.HolderReports)));
    }

    [Fact]
    public async Task Parallel_reports_for_one_year_store_one_and_refuse_the_others()
    {
        var id = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        _host.Clock.SetToday(new DateOnly(2027, 12, 20));
        var path = $"/api/products/certificates/{id}/holder-reports";
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            var responses = await Bursts.RunAsync(Bursts.Size, _ => _host.Client.PostAsJsonAsync(path, HolderReport(year)));
            await Bursts.AssertNoServerErrorsAsync(responses);
            var statuses = Bursts.Statuses(responses);
            Assert.Equal(1, statuses.GetValueOrDefault(HttpStatusCode.Created));
            Assert.Equal(Bursts.Size - 1, statuses.GetValueOrDefault(HttpStatusCode.Conflict));
        }
        Assert.Equal([2025, 2026, 2027], await _host.WithDbAsync(db => db.Certificates.Where(c => c.Id == id)
            .SelectMany(c => c.HolderReports).Select(r => r.Year).OrderBy(y => y).ToListAsync()));
    }

    [Fact]
    public async Task The_certificate_announces_a_report_per_year_of_its_validity_due_on_the_province_s_day_and_each_report_filed_once()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var id = certificate.GetProperty("id").GetGuid();
        var (issued, expires) = (DateOnly.Parse(certificate.GetProperty("issuedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(certificate.GetProperty("expiresOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var recognized = Assert.Single(await OutboxOfAsync<Contracts.Products.ProductRecognized>(), r => r.CertificateId == id);
        Assert.Equal(Enumerable.Range(issued.Year, expires.Year - issued.Year + 1).Select(year => (year, (DateOnly?)new DateOnly(year + 1, 3, 31))),
            recognized.HolderReports.Select(p => (p.Year, p.DueOn)));

        _host.Clock.SetToday(new DateOnly(issued.Year + 1, 2, 1));
        var responses = await Bursts.RunAsync(Bursts.Size, _ => _host.Client.PostAsJsonAsync($"/api/products/certificates/{id}/holder-reports", HolderReport(issued.Year)));
        await Bursts.AssertNoServerErrorsAsync(responses);
        var filed = Assert.Single(await OutboxOfAsync<Contracts.Products.HolderReportFiled>(), f => f.CertificateId == id);
        Assert.Equal((issued.Year, TaxCode), (filed.Year, filed.EstablishmentTaxCode));
    }

    private Task<List<T>> OutboxOfAsync<T>() => _host.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(T).FullName!)).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<T>(m.Payload, JsonSerializerOptions.Web)!).ToList());

    [Fact]
    public async Task The_same_report_sent_again_with_its_idempotency_key_is_replayed_not_stored_twice()
    {
        var id = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        _host.Clock.SetToday(new DateOnly(2026, 2, 1));
        var path = $"/api/products/certificates/{id}/holder-reports";
        HttpRequestMessage Send() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(HolderReport(2025)) }.WithKey("report-2025");
        var first = await _host.Client.SendAsync(Send());
        var again = await _host.Client.SendAsync(Send());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, HolderReport(2025)), HttpStatusCode.Conflict, "/errors/report-already-recorded");
        Assert.Equal(1, await CountAsync(db => db.Certificates.SelectMany(c => c.HolderReports)));
    }
}

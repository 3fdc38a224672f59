using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Products.Jobs;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>Certificates after a competition: higher-level entries, revocation, holders' reports, expiry and the catalogue.</summary>
[Collection(ServersCollection.Name)]
public sealed class CertificatesApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string OtherTaxCode = "5700200300";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        await _host.AddEstablishmentAsync(OtherTaxCode, "Công ty Gốm Đông Triều", "Đông Triều");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> EventsAsync<T>() =>
        _host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.StartsWith(typeof(T).FullName!)));

    private async Task<JsonElement> CatalogueAsync(string query = "") =>
        await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/catalogue{query}");

    [Fact]
    public async Task A_regional_entry_needs_the_establishments_valid_provincial_certificate()
    {
        var provincial = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("number").GetString()!;
        var theirs = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 6, 2), "Gốm men lam", 7, group: "Handicrafts", taxCode: OtherTaxCode))
            .GetProperty("number").GetString()!;
        _host.Clock.SetToday(new DateOnly(2026, 3, 2));
        var regional = (await _host.CreateCompetitionAsync("Regional", 2026, new(2026, 3, 1), new(2026, 3, 31), "Miền Bắc")).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(regional, 9);
        await _host.PostAsync($"/api/products/competitions/{regional}/open", null, HttpStatusCode.OK);
        var path = $"/api/products/competitions/{regional}/entries";

        foreach (var number in new string?[] { null, "SPTB-T-2025-999", theirs })
        {
            var refused = await _host.Client.PostAsJsonAsync(path, new
            {
                establishmentTaxCode = TaxCode, group = "ProcessedFoodAndAgriculture", productName = "Chè Đường Hoa", description = "Chè",
                lowerLevelCertificateNumber = number,
            });
            await AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "/errors/lower-level-certificate-required");
        }
        var accepted = await _host.RegisterEntryAsync(regional, "Chè Đường Hoa", certificate: provincial);
        var entry = await _host.Client.GetFromJsonAsync<JsonElement>($"{path}/{accepted}");
        Assert.Equal(provincial, entry.GetProperty("lowerLevelCertificateNumber").GetString());
    }

    [Fact]
    public async Task A_regional_entry_naming_another_establishments_certificate_gets_the_answer_for_no_such_certificate()
    {
        var theirs = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 6, 2), "Gốm men lam", 7, group: "Handicrafts", taxCode: OtherTaxCode))
            .GetProperty("number").GetString()!;
        _host.Clock.SetToday(new DateOnly(2026, 3, 2));
        var regional = (await _host.CreateCompetitionAsync("Regional", 2026, new(2026, 3, 1), new(2026, 3, 31), "Miền Bắc")).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(regional, 9);
        await _host.PostAsync($"/api/products/competitions/{regional}/open", null, HttpStatusCode.OK);
        var establishment = _host.ClientAs(TestUser.Establishment(TaxCode));
        var entriesBefore = await _host.WithDbAsync(db => db.Entries.CountAsync());

        async Task<JsonElement> RefusalAsync(string number)
        {
            var response = await establishment.PostAsJsonAsync($"/api/products/competitions/{regional}/entries", new
            {
                establishmentTaxCode = TaxCode, group = "Handicrafts", productName = "Gốm men lam", description = "Gốm",
                lowerLevelCertificateNumber = number,
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
            Assert.DoesNotContain(OtherTaxCode, body);
            Assert.DoesNotContain("Đông Triều", body);
            return JsonDocument.Parse(body).RootElement;
        }

        var someoneElses = await RefusalAsync(theirs);
        var none = await RefusalAsync("SPTB-T-2025-999");

        foreach (var field in new[] { "type", "title", "detail" })
        {
            Assert.Equal(none.GetProperty(field).GetString(), someoneElses.GetProperty(field).GetString());
        }
        Assert.Equal("/errors/lower-level-certificate-required", someoneElses.GetProperty("type").GetString());
        Assert.Equal(entriesBefore, await _host.WithDbAsync(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task A_revoked_certificate_leaves_the_catalogue_with_one_event_and_cannot_be_revoked_twice()
    {
        var certificate = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        Assert.Equal(1, (await CatalogueAsync()).GetProperty("total").GetInt32());

        var revoked = await _host.PostAsync($"/api/products/certificates/{certificate}/revoke",
            new { reason = "Vi phạm quy định an toàn thực phẩm" }, HttpStatusCode.OK);
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/certificates/{certificate}/revoke", new { reason = "Lần nữa" }),
            HttpStatusCode.Conflict, "/errors/illegal-transition");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync($"/api/products/certificates/{certificate}/revoke", new { reason = "" }),
            HttpStatusCode.BadRequest, "/errors/validation");

        Assert.Equal(0, (await CatalogueAsync()).GetProperty("total").GetInt32());
        Assert.Equal(1, await EventsAsync<CertificateRevoked>());
    }

    [Fact]
    public async Task Holders_report_yearly_and_a_second_report_for_a_year_is_refused()
    {
        var certificate = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        _host.Clock.SetToday(new DateOnly(2026, 1, 20));
        var path = $"/api/products/certificates/{certificate}/holder-reports";
        await _host.PostAsync(path, new
        {
            year = 2025, revenue = 1_500_000_000L, employees = 24, notes = "Xuất khẩu lô đầu",
            supportResults = "Được hỗ trợ tham gia hội chợ tỉnh", productionAndBusiness = "Sản lượng tăng 10 %",
        }, HttpStatusCode.Created);
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, new { year = 2025, revenue = 1L, employees = 1, supportResults = "x", productionAndBusiness = "y" }),
            HttpStatusCode.Conflict, "/errors/report-already-recorded");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, new { year = 2024, revenue = 1L, employees = 1, supportResults = "x", productionAndBusiness = "y" }),
            HttpStatusCode.UnprocessableEntity, "/errors/report-year-outside-validity");
        await AssertProblemAsync(await _host.Client.PostAsJsonAsync(path, new { year = 2026, revenue = -1L }),
            HttpStatusCode.BadRequest, "/errors/validation");

        var stored = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/certificates/{certificate}");
        var report = Assert.Single(stored.GetProperty("holderReports").EnumerateArray());
        Assert.Equal(1_500_000_000L, report.GetProperty("revenue").GetInt64());
    }

    [Fact]
    public async Task The_daily_job_expires_a_certificate_after_31_december_of_its_third_year_exactly_once()
    {
        var kept = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("id").GetGuid();
        var revoked = (await _host.RunToCertificateAsync("District", new DateOnly(2025, 6, 2), "Miến dong", 5)).GetProperty("id").GetGuid();
        await _host.PostAsync($"/api/products/certificates/{revoked}/revoke", new { reason = "Ngừng sản xuất" }, HttpStatusCode.OK);
        var job = _host.Factory.Services.GetRequiredService<CertificateExpiryJob>();

        _host.Clock.SetToday(new DateOnly(2027, 12, 31));
        Assert.Equal(0, await job.ExpireDueAsync(CancellationToken.None));
        Assert.Equal(1, (await CatalogueAsync()).GetProperty("total").GetInt32());

        _host.Clock.SetToday(new DateOnly(2028, 1, 1));
        Assert.Equal(0, (await CatalogueAsync()).GetProperty("total").GetInt32());
        Assert.Equal(1, await job.ExpireDueAsync(CancellationToken.None));
        Assert.Equal(0, await job.ExpireDueAsync(CancellationToken.None));

        var certificate = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/certificates/{kept}");
        Assert.Equal("Expired", certificate.GetProperty("status").GetString());
        var expired = await _host.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(CertificateExpired).FullName!)).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<CertificateExpired>(m.Payload, JsonSerializerOptions.Web)!).ToList());
        var fact = Assert.Single(expired);
        Assert.Equal(kept, fact.CertificateId);
        Assert.Equal(new DateOnly(2027, 12, 31), fact.ExpiredOn);
    }

    [Fact]
    public async Task Expiry_jobs_of_several_replicas_running_at_once_expire_each_certificate_once()
    {
        var certificates = new List<Guid>();
        foreach (var product in new[] { "Chè Đường Hoa", "Miến dong", "Ba kích tím" })
        {
            certificates.Add((await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), product, 7)).GetProperty("id").GetGuid());
        }
        var job = _host.Factory.Services.GetRequiredService<CertificateExpiryJob>();
        _host.Clock.SetToday(new DateOnly(2028, 1, 1));

        // Four passes at the same moment, as the jobs of four replicas would run; each pass has its own connection.
        var expired = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.ExpireDueAsync(CancellationToken.None))));

        Assert.Equal(3, expired.Sum());
        var announced = await _host.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(typeof(CertificateExpired).FullName!)).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<CertificateExpired>(m.Payload, JsonSerializerOptions.Web)!.CertificateId).ToList());
        Assert.Equal(certificates.Order(), announced.Order());
    }

    [Fact]
    public async Task The_catalogue_is_searched_by_group_level_district_and_text()
    {
        await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        await _host.RunToCertificateAsync("District", new DateOnly(2025, 4, 7), "Gốm men lam", 5, group: "Handicrafts", taxCode: OtherTaxCode);
        await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 6, 2), "Bình gốm vẽ tay", 9, group: "Handicrafts", taxCode: OtherTaxCode);

        static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productName").GetString()!);
        Assert.Equal(3, (await CatalogueAsync()).GetProperty("total").GetInt32());
        Assert.Equal(["Bình gốm vẽ tay", "Gốm men lam"], Names(await CatalogueAsync("?group=Handicrafts")).Order());
        Assert.Equal(["Gốm men lam"], Names(await CatalogueAsync("?group=Handicrafts&level=District")));
        Assert.Equal(["Chè Đường Hoa"], Names(await CatalogueAsync($"?district={Uri.EscapeDataString(District)}")));
        Assert.Equal(["Bình gốm vẽ tay", "Gốm men lam"], Names(await CatalogueAsync($"?q={Uri.EscapeDataString("gốm")}")).Order());
        Assert.Equal(["Chè Đường Hoa"], Names(await CatalogueAsync("?q=HTX")));
        Assert.Empty(Names(await CatalogueAsync("?q=%25")));
        var second = await CatalogueAsync("?pageSize=2&page=2");
        Assert.Single(second.GetProperty("items").EnumerateArray());
        await AssertProblemAsync(await _host.Client.GetAsync("/api/products/catalogue?pageSize=0"), HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task Certificates_are_found_by_the_start_of_their_number_or_tax_code_and_by_part_of_a_name_within_the_callers_scope()
    {
        var tea = (await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7)).GetProperty("number").GetString()!;
        await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 6, 2), "Gốm men lam", 7, group: "Handicrafts", taxCode: OtherTaxCode);

        async Task<IEnumerable<string>> FoundAsync(HttpClient client, string q) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/products/certificates?q={Uri.EscapeDataString(q)}")).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("productName").GetString()!);

        Assert.Equal(["Chè Đường Hoa"], await FoundAsync(_host.Client, tea.ToLowerInvariant()));
        Assert.Equal(["Gốm men lam"], await FoundAsync(_host.Client, OtherTaxCode[..6]));
        Assert.Empty(await FoundAsync(_host.Client, OtherTaxCode[3..]));
        Assert.Equal(["Gốm men lam"], await FoundAsync(_host.Client, "men la"));
        Assert.Equal(["Gốm men lam"], await FoundAsync(_host.Client, "ty gốm"));
        Assert.Empty(await FoundAsync(_host.Client, "%"));
        Assert.Empty(await FoundAsync(_host.ClientAs(TestUser.Establishment(TaxCode)), "men la"));
        await AssertProblemAsync(await _host.Client.GetAsync($"/api/products/certificates?q={new string('x', 201)}"), HttpStatusCode.BadRequest, "/errors/validation");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Products.Jobs;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// The acts that came to a competition's history last: the photos of an entry's dossier, the district rounds recorded
/// for the provincial competitions of their cycle, and a certificate's revocation, yearly reports and expiry. Each adds
/// one entry with its facts; a refused act adds none; a request repeated with its <c>Idempotency-Key</c> adds one.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CertificateAndRoundHistoryTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public Task InitializeAsync() => _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Officer => _host.ClientAs(Lan);

    private async Task<List<JsonElement>> HistoryAsync(Guid competition) =>
        (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/history")).EnumerateArray().ToList();

    private async Task<List<JsonElement>> EntriesOfAsync(Guid competition, string kind) =>
        (await HistoryAsync(competition)).Where(e => e.GetProperty("kind").GetString() == kind).ToList();

    private Task<HttpResponseMessage> PostAsync(string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return Officer.SendAsync(key is null ? request : request.WithKey(key));
    }

    private async Task<(Guid Competition, Guid Entry)> OpenCompetitionWithEntryAsync()
    {
        var competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 4, 30))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(competition, 7);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, HttpStatusCode.OK);
        return (competition, await _host.RegisterEntryAsync(competition, "Chè Đường Hoa"));
    }

    [Fact]
    public async Task A_revocation_adds_one_entry_to_the_competition_and_a_refused_or_repeated_one_adds_none()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var (id, number, competition) = (certificate.GetProperty("id").GetGuid(), certificate.GetProperty("number").GetString(),
            certificate.GetProperty("competitionId").GetGuid());
        _host.Clock.SetToday(new DateOnly(2025, 6, 2));
        var path = $"/api/products/certificates/{id}/revoke";
        var key = Guid.NewGuid().ToString();
        var body = new { reason = "Vi phạm quy định an toàn thực phẩm", revokedOn = "2025-05-20" };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, body, key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, body, key)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(path, new { reason = "Lần nữa" })).StatusCode);

        var revoked = Assert.Single(await EntriesOfAsync(competition, "competition-certificate-revoked"));
        Assert.Equal((number, "Chè Đường Hoa", "2025-05-20", "Vi phạm quy định an toàn thực phẩm", "Nguyễn Thị Lan"),
            (revoked.GetProperty("document").GetString(), revoked.GetProperty("subject").GetString(), revoked.GetProperty("occurredOn").GetString(),
             revoked.GetProperty("reason").GetString(), revoked.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task A_holder_report_adds_one_entry_with_its_year_and_a_second_report_for_the_year_adds_none()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var (id, number, competition) = (certificate.GetProperty("id").GetGuid(), certificate.GetProperty("number").GetString(),
            certificate.GetProperty("competitionId").GetGuid());
        _host.Clock.SetToday(new DateOnly(2026, 1, 20));
        var path = $"/api/products/certificates/{id}/holder-reports";
        var report = new
        {
            year = 2025, revenue = 1_500_000_000L, employees = 24, reportedOn = "2026-01-15",
            supportResults = "Được hỗ trợ tham gia hội chợ tỉnh", productionAndBusiness = "Sản lượng tăng 10 %",
        };

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(path, report)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(path, report)).StatusCode);

        var recorded = Assert.Single(await EntriesOfAsync(competition, "competition-holder-report-recorded"));
        Assert.Equal((2025L, number, "Chè Đường Hoa", "2026-01-15"),
            (recorded.GetProperty("amount").GetInt64(), recorded.GetProperty("document").GetString(), recorded.GetProperty("subject").GetString(),
             recorded.GetProperty("occurredOn").GetString()));
    }

    [Fact]
    public async Task The_expiry_job_adds_one_entry_by_the_platform_however_often_it_runs()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var competition = certificate.GetProperty("competitionId").GetGuid();
        var job = _host.Factory.Services.GetRequiredService<CertificateExpiryJob>();

        _host.Clock.SetToday(new DateOnly(2027, 12, 31));
        await job.ExpireDueAsync(CancellationToken.None);
        Assert.Empty(await EntriesOfAsync(competition, "competition-certificate-expired"));
        _host.Clock.SetToday(new DateOnly(2028, 1, 1));
        await job.ExpireDueAsync(CancellationToken.None);
        await job.ExpireDueAsync(CancellationToken.None);

        var expired = Assert.Single(await EntriesOfAsync(competition, "competition-certificate-expired"));
        Assert.Equal((certificate.GetProperty("number").GetString(), "Chè Đường Hoa", "2027-12-31", "certificate-expiry", "Tự động khi hết hạn"),
            (expired.GetProperty("document").GetString(), expired.GetProperty("subject").GetString(), expired.GetProperty("occurredOn").GetString(),
             expired.GetProperty("actedBy").GetString(), expired.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task A_recorded_district_round_is_noted_once_by_the_provincial_competitions_of_its_cycle_only()
    {
        _host.Clock.SetToday(new DateOnly(2026, 3, 2));
        async Task<Guid> CompetitionAsync(string level, int year, string? region = null) =>
            (await _host.CreateCompetitionAsync(level, year, new(year, 3, 1), new(year, 4, 30), region)).GetProperty("id").GetGuid();
        var sameYear = await CompetitionAsync("Provincial", 2025);
        var nextYear = await CompetitionAsync("Provincial", 2026);
        var earlier = await CompetitionAsync("Provincial", 2024);
        var district = await CompetitionAsync("District", 2025, ProductsHost.District);
        var round = new { district = "Tiên Yên", year = 2025, heldOn = "2025-02-10", reason = "Tổ chức trên giấy trước khi có hệ thống" };
        var key = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/products/district-rounds", round, key)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/products/district-rounds", round, key)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("/api/products/district-rounds", round)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await PostAsync("/api/products/district-rounds", round with { district = "Bình Liêu", heldOn = "2024-12-30" })).StatusCode);

        foreach (var bound in new[] { sameYear, nextYear })
        {
            var noted = Assert.Single(await EntriesOfAsync(bound, "competition-district-round-recorded"));
            Assert.Equal(("Tiên Yên", "2025-02-10", "Tổ chức trên giấy trước khi có hệ thống", "Nguyễn Thị Lan"),
                (noted.GetProperty("subject").GetString(), noted.GetProperty("occurredOn").GetString(), noted.GetProperty("reason").GetString(),
                 noted.GetProperty("actedByName").GetString()));
        }
        Assert.Empty(await EntriesOfAsync(earlier, "competition-district-round-recorded"));
        Assert.Empty(await EntriesOfAsync(district, "competition-district-round-recorded"));
    }
}

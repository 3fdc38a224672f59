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

    private static MultipartFormDataContent Photos(params string[] names)
    {
        // A fixed boundary makes the same photos the same request, as a client repeating its upload sends it.
        var form = new MultipartFormDataContent("photos-boundary");
        foreach (var name in names)
        {
            var part = new ByteArrayContent(TestImages.Jpeg(2048));
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", name);
        }
        return form;
    }

    private Task<HttpResponseMessage> UploadAsync(Guid competition, Guid entry, MultipartFormDataContent photos, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/products/competitions/{competition}/entries/{entry}/photos") { Content = photos };
        return Officer.SendAsync(key is null ? request : request.WithKey(key));
    }

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
    public async Task Uploading_photos_adds_one_entry_naming_the_product_and_the_count_and_a_refused_upload_adds_none()
    {
        var (competition, entry) = await OpenCompetitionWithEntryAsync();

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(competition, entry, Photos("front.jpg", "side.jpg"))).StatusCode);
        // A file that is not an image is refused.
        var text = new MultipartFormDataContent { { new ByteArrayContent("không phải ảnh"u8.ToArray()), "photos", "note.jpg" } };
        var refused = await UploadAsync(competition, entry, text);
        Assert.False(refused.IsSuccessStatusCode, await refused.Content.ReadAsStringAsync());

        var added = Assert.Single(await EntriesOfAsync(competition, "competition-photos-added"));
        Assert.Equal(("Chè Đường Hoa", 2L), (added.GetProperty("subject").GetString(), added.GetProperty("amount").GetInt64()));
        Assert.Equal(("officer-lan", "Nguyễn Thị Lan"), (added.GetProperty("actedBy").GetString(), added.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task An_upload_sent_twice_with_one_key_adds_one_entry()
    {
        var (competition, entry) = await OpenCompetitionWithEntryAsync();
        var key = Guid.NewGuid().ToString();

        var first = await UploadAsync(competition, entry, Photos("front.jpg"), key);
        var second = await UploadAsync(competition, entry, Photos("front.jpg"), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(await EntriesOfAsync(competition, "competition-photos-added"));
    }

    [Fact]
    public async Task Parallel_uploads_each_add_one_entry()
    {
        var (competition, entry) = await OpenCompetitionWithEntryAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => UploadAsync(competition, entry, Photos($"photo-{i}.jpg"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var added = await EntriesOfAsync(competition, "competition-photos-added");
        Assert.Equal(4, added.Count);
        Assert.All(added, e => Assert.Equal(1L, e.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task An_establishment_reads_that_photos_were_added_without_the_product()
    {
        var (competition, entry) = await OpenCompetitionWithEntryAsync();
        await UploadAsync(competition, entry, Photos("front.jpg"));

        var history = (await _host.ClientAs(TestUser.Establishment("5799999999"))
            .GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/history")).EnumerateArray();

        var added = Assert.Single(history, e => e.GetProperty("kind").GetString() == "competition-photos-added");
        Assert.Equal(JsonValueKind.Null, added.GetProperty("subject").ValueKind);
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

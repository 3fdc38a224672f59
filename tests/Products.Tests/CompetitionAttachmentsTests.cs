using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// The papers of a competition and of its entries: typed by content and served inertly; the council's minutes read by
/// the Centre only; an entry's files read by whoever sees the entry (another establishment's are 404) and added by the
/// entrant while its entry is a draft; within the limits even under concurrent uploads; on the competition's history.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CompetitionAttachmentsTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string OtherTaxCode = "5700100263";
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3),
        settings: AttachmentChecks.SmallLimits.ToDictionary(s => s.Key, s => s.Value));
    private Guid _competition;
    private Guid _entry;

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        await _host.AddEstablishmentAsync(OtherTaxCode, "HTX Nón lá Vân Đồn", "Vân Đồn");
        _competition = (await _host.CreateCompetitionAsync("Provincial", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(_competition, 7);
        await _host.PostAsync($"/api/products/competitions/{_competition}/open", null, HttpStatusCode.OK);
        _entry = await _host.RegisterEntryAsync(_competition, "Chè Đường Hoa");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Entrant => _host.ClientAs(TestUser.Establishment(TaxCode));

    private HttpClient Stranger => _host.ClientAs(TestUser.Establishment(OtherTaxCode));

    private string CompetitionFiles => $"/api/products/competitions/{_competition}/attachments";

    private string EntryFiles => $"/api/products/competitions/{_competition}/entries/{_entry}/attachments";

    private Task<int> StoredAsync() => AttachmentChecks.StoredAsync(_host.Services, _entry);

    public static TheoryData<string, string, string, string, string> CompetitionKinds => new()
    {
        { "CompetitionRules", "pdf", "thể lệ cuộc thi.pdf", "application/pdf", "inline" },
        { "CouncilMinutes", "docx", "biên bản hội đồng.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment" },
        { "Photo", "png", "lễ trao giải.png", "image/png", "inline" },
    };

    public static TheoryData<string, string, string, string, string> EntryKinds => new()
    {
        { "EntryDossier", "pdf", "hồ sơ dự thi.pdf", "application/pdf", "inline" },
        { "ProductPhoto", "png", "ảnh sản phẩm.png", "image/png", "inline" },
        { "Other", "xlsx", "bảng giá.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment" },
    };

    [Theory]
    [MemberData(nameof(CompetitionKinds))]
    public async Task Each_kind_of_competition_paper_comes_back_byte_for_byte_and_inert(string kind, string sample, string name, string contentType, string disposition)
    {
        await AttachmentChecks.RoundTripAsync(_host.ClientAs(Lan), CompetitionFiles, AttachmentChecks.Sample(sample), name, kind, contentType, disposition);

        var added = Assert.Single(await HistoryAsync(_host.Client), h => h.GetProperty("kind").GetString() == "competition-attachment-added");
        Assert.Equal((name, "Nguyễn Thị Lan"), (added.GetProperty("document").GetString(), added.GetProperty("actedByName").GetString()));
    }

    [Theory]
    [MemberData(nameof(EntryKinds))]
    public async Task Each_kind_of_entry_paper_the_entrant_adds_comes_back_byte_for_byte_and_inert(string kind, string sample, string name, string contentType, string disposition)
    {
        var created = await AttachmentChecks.RoundTripAsync(Entrant, EntryFiles, AttachmentChecks.Sample(sample), name, kind, contentType, disposition);

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"{EntryFiles}/{created.GetProperty("id").GetString()}")).StatusCode);
        var added = Assert.Single(await HistoryAsync(_host.Client), h => h.GetProperty("kind").GetString() == "competition-entry-attachment-added");
        Assert.Equal((name, "Chè Đường Hoa"), (added.GetProperty("document").GetString(), added.GetProperty("subject").GetString()));
        var seenByAnother = Assert.Single(await HistoryAsync(Stranger), h => h.GetProperty("kind").GetString() == "competition-entry-attachment-added");
        Assert.Equal(JsonValueKind.Null, seenByAnother.GetProperty("document").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByAnother.GetProperty("subject").ValueKind);
    }

    [Fact]
    public async Task Another_establishment_s_entry_and_its_files_answer_404()
    {
        var mine = await Answers.ExpectAsync(await Entrant.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Pdf(), "ho-so.pdf", "EntryDossier")), HttpStatusCode.Created);
        var file = $"{EntryFiles}/{mine.GetProperty("id").GetString()}";

        await Answers.AssertProblemAsync(await Stranger.GetAsync(EntryFiles), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await Stranger.GetAsync(file), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await Stranger.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Pdf(), "la.pdf", "EntryDossier")), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await Stranger.PostAsJsonAsync($"{file}/withdraw", new { reason = "Không phải của tôi" }), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await Entrant.GetAsync($"/api/products/competitions/{Guid.NewGuid()}/entries/{_entry}/attachments"),
            HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.OK, (await _host.ClientAs(TestUser.Leader).GetAsync(file)).StatusCode);
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task Another_establishment_s_product_photo_thumbnail_answers_404()
    {
        var photo = await Answers.ExpectAsync(await Entrant.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Picture(640, 480), "che.png", "ProductPhoto")),
            HttpStatusCode.Created);
        var thumbnail = $"{EntryFiles}/{photo.GetProperty("id").GetString()}/thumbnail";

        await Answers.AssertProblemAsync(await Stranger.GetAsync(thumbnail), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal((320, 240), AttachmentChecks.SizeOf(await Entrant.GetByteArrayAsync(thumbnail)));
        Assert.Equal((320, 240), AttachmentChecks.SizeOf(await _host.ClientAs(TestUser.Leader).GetByteArrayAsync(thumbnail)));
    }

    [Fact]
    public Task A_product_photo_s_thumbnail_is_small_keeps_the_aspect_and_is_inert() =>
        AttachmentChecks.ThumbnailIsSmallKeepsTheAspectAndIsInertAsync(Entrant, EntryFiles, "ProductPhoto", "EntryDossier");

    [Fact]
    public Task Undecodable_pictures_and_decompression_bombs_are_refused() =>
        AttachmentChecks.UndecodableAndBombPicturesAreRefusedAsync(Entrant, EntryFiles, "ProductPhoto", StoredAsync);

    [Fact]
    public Task Concurrent_photo_uploads_each_get_their_own_thumbnail() =>
        AttachmentChecks.ConcurrentPictureUploadsEachGetTheirThumbnailAsync(Entrant, EntryFiles, "ProductPhoto", StoredAsync);

    [Fact]
    public async Task Establishments_read_the_competition_s_rules_but_not_the_council_s_minutes_and_attach_nothing_to_it()
    {
        var rules = await Answers.ExpectAsync(await _host.Client.PostAsync(CompetitionFiles, SampleFiles.Upload(SampleFiles.Pdf(), "the-le.pdf", "CompetitionRules")), HttpStatusCode.Created);
        var minutes = await Answers.ExpectAsync(await _host.Client.PostAsync(CompetitionFiles, SampleFiles.Upload(SampleFiles.Docx(), "bien-ban.docx", "CouncilMinutes")), HttpStatusCode.Created);

        var listed = (await Stranger.GetFromJsonAsync<JsonElement>(CompetitionFiles)).EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["CompetitionRules"], listed);
        Assert.Equal(HttpStatusCode.OK, (await Stranger.GetAsync($"{CompetitionFiles}/{rules.GetProperty("id").GetString()}")).StatusCode);
        await Answers.AssertProblemAsync(await Stranger.GetAsync($"{CompetitionFiles}/{minutes.GetProperty("id").GetString()}"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await Entrant.PostAsync(CompetitionFiles, SampleFiles.Upload(SampleFiles.Pdf(), "x.pdf", "Other"))).StatusCode);
    }

    [Fact]
    public async Task Once_the_entry_is_submitted_only_the_centre_adds_to_its_dossier_and_the_entrant_no_longer_withdraws()
    {
        var mine = await Answers.ExpectAsync(await Entrant.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Pdf(), "ho-so.pdf", "EntryDossier")), HttpStatusCode.Created);
        await _host.AddThreePhotosAndSubmitAsync(_competition, _entry);

        var refused = await Answers.AssertProblemAsync(await Entrant.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Png(), "anh.png", "ProductPhoto")),
            HttpStatusCode.Conflict, "/errors/illegal-state");
        Assert.Contains("Chè Đường Hoa", refused.GetProperty("detail").GetString());
        await Answers.AssertProblemAsync(await Entrant.PostAsJsonAsync($"{EntryFiles}/{mine.GetProperty("id").GetString()}/withdraw", new { reason = "Nhầm" }),
            HttpStatusCode.Forbidden, "/errors/attachment-not-yours");
        await Answers.ExpectAsync(await _host.Client.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Pdf(), "bo-sung.pdf", "Other")), HttpStatusCode.Created);
        // The dossier, its three product photos and the Centre's addition.
        Assert.Equal(5, await StoredAsync());
    }

    [Fact]
    public async Task The_entrant_withdraws_its_own_file_while_drafting_and_the_withdrawal_is_on_the_history()
    {
        var mine = await Answers.ExpectAsync(await Entrant.PostAsync(EntryFiles, SampleFiles.Upload(SampleFiles.Png(), "anh-mo.png", "ProductPhoto")), HttpStatusCode.Created);
        var file = $"{EntryFiles}/{mine.GetProperty("id").GetString()}";

        await Answers.ExpectAsync(await Entrant.PostAsJsonAsync($"{file}/withdraw", new { reason = "Ảnh bị mờ" }), HttpStatusCode.OK);

        await Answers.AssertProblemAsync(await Entrant.GetAsync(file), HttpStatusCode.Gone, "/errors/attachment-withdrawn");
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(file)).StatusCode);
        var removal = Assert.Single(await HistoryAsync(_host.Client), h => h.GetProperty("kind").GetString() == "competition-entry-attachment-withdrawn");
        Assert.Equal(("anh-mo.png", "Ảnh bị mờ"), (removal.GetProperty("document").GetString(), removal.GetProperty("reason").GetString()));
    }

    [Fact]
    public Task Spoofed_and_hostile_files_are_refused_and_nothing_is_written() =>
        AttachmentChecks.SpoofedFilesAreRefusedAsync(Entrant, EntryFiles, "ProductPhoto", StoredAsync);

    [Fact]
    public Task A_document_sent_as_a_product_photo_is_refused_and_nothing_is_written() =>
        AttachmentChecks.DocumentsUnderAPictureKindAreRefusedAsync(Entrant, EntryFiles, "ProductPhoto", StoredAsync);

    [Fact]
    public Task A_file_over_the_size_limit_is_413() => AttachmentChecks.TooLargeIsRefusedAsync(Entrant, EntryFiles, "EntryDossier", StoredAsync);

    [Fact]
    public Task Concurrent_uploads_never_exceed_the_entry_s_limit_and_never_fail_with_500() =>
        AttachmentChecks.ConcurrentUploadsHoldTheLimitAsync(Entrant, EntryFiles, "EntryDossier", StoredAsync);

    [Fact]
    public Task A_repeated_upload_with_the_same_idempotency_key_stores_one_file() =>
        AttachmentChecks.RepeatedKeyStoresOneFileAsync(Entrant, EntryFiles, "EntryDossier", StoredAsync);

    private async Task<List<JsonElement>> HistoryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{_competition}/history")).EnumerateArray().ToList();
}

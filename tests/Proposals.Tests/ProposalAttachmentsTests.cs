using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using KhuyenCong.Platform.Documents;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Papers attached to a proposal: typed by content, served inertly under the proposal's scope, within the limits
/// (small here) even under concurrent uploads, added and withdrawn by whom the lifecycle allows, always on the history.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ProposalAttachmentsTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit, settings:
[
    ("Attachments:MaxFileBytes", "65536"),
    ("Attachments:MaxRecordBytes", "1048576"),
    ("Attachments:MaxFilesPerRecord", "5"),
])
{
    private const string Own = "5700100016";
    private const string Other = "5700100023";
    private static readonly TestUser NamedOfficer = new(PlatformRoles.Officer, Subject: "officer-lan", DisplayName: "Nguyễn Thị Lan");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(Own);
        await Journey.EnsureEstablishmentAsync(Other, "uong-bi");
    }

    public static TheoryData<string, string, string, string> Kinds => new()
    {
        { "pdf", "quyết định.pdf", "application/pdf", "inline" },
        { "png", "ảnh xưởng.png", "image/png", "inline" },
        { "docx", "thuyết minh.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment" },
        { "xlsx", "dự toán.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_comes_back_byte_for_byte_with_its_type_inert_headers_and_who_uploaded_it(
        string sample, string name, string contentType, string disposition)
    {
        var id = await DraftAsync(Own);
        var content = Sample(sample);
        var officer = ClientAs(NamedOfficer);

        var created = await Answers.ExpectAsync(await officer.PostAsync(Files(id), SampleFiles.Upload(content, name, "Other", "text/html")), HttpStatusCode.Created);

        Assert.Equal(contentType, created.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), created.GetProperty("sha256").GetString());
        Assert.Equal(("officer-lan", "Nguyễn Thị Lan", content.Length), (created.GetProperty("uploadedBy").GetString(),
            created.GetProperty("uploadedByName").GetString(), created.GetProperty("size").GetInt32()));
        var download = await officer.GetAsync($"{Files(id)}/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(disposition, download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl!.Private);
        var listed = Assert.Single((await officer.GetFromJsonAsync<JsonElement>(Files(id))).EnumerateArray());
        Assert.Equal((name, "Other", false), (listed.GetProperty("fileName").GetString(), listed.GetProperty("kind").GetString(), listed.GetProperty("withdrawn").GetBoolean()));
    }

    [Fact]
    public async Task Another_establishments_proposal_and_its_files_answer_404()
    {
        var id = await DraftAsync(Own);
        var mine = ClientAs(TestUser.Establishment(Own));
        var created = await Answers.ExpectAsync(await mine.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "thuyet-minh.pdf")), HttpStatusCode.Created);
        var file = $"{Files(id)}/{created.GetProperty("id").GetString()}";
        var stranger = ClientAs(TestUser.Establishment(Other));

        await Answers.AssertProblemAsync(await stranger.GetAsync(Files(id)), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await stranger.GetAsync(file), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await stranger.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "la.pdf")), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await stranger.PostAsJsonAsync($"{file}/withdraw", new { reason = "Không phải của tôi" }), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await ClientAs(TestUser.DistrictOfficer("uong-bi")).GetAsync(file), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.OK, (await ClientAs(TestUser.DistrictOfficer("dong-trieu")).GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientAs(TestUser.Leader).GetAsync(file)).StatusCode);
        Assert.Equal(1, await StoredAsync(id));
    }

    [Theory]
    [InlineData("html", "thuyet-minh.pdf", "application/pdf", 415, "/errors/unsupported-file-type")]
    [InlineData("html", "trang.html", "text/html", 415, "/errors/unsupported-file-type")]
    [InlineData("svg", "anh.png", "image/png", 415, "/errors/unsupported-file-type")]
    [InlineData("svg", "anh.svg", "image/svg+xml", 415, "/errors/unsupported-file-type")]
    [InlineData("polyglot", "anh.png", "image/png", 415, "/errors/unsupported-file-type")]
    [InlineData("pdf", "quyet-dinh.html", "text/html", 422, "/errors/attachment-name-mismatch")]
    [InlineData("png", "anh.pdf", "application/pdf", 422, "/errors/attachment-name-mismatch")]
    public async Task Spoofed_and_hostile_files_are_refused_in_vietnamese_and_nothing_is_written(
        string sample, string name, string claimedType, int status, string type)
    {
        var id = await DraftAsync(Own);
        var history = await HistoryCountAsync(id);

        var response = await Client.PostAsync(Files(id), SampleFiles.Upload(Sample(sample), name, "ProposalDescription", claimedType));

        var problem = await Answers.AssertProblemAsync(response, (HttpStatusCode)status, type);
        Assert.Contains("tệp", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await StoredAsync(id));
        Assert.Equal(history, await HistoryCountAsync(id));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_413_and_malformed_uploads_are_400_or_415()
    {
        var id = await DraftAsync(Own);
        byte[] large = [.. SampleFiles.Pdf(), .. new byte[70_000]];

        var tooLarge = await Answers.AssertProblemAsync(await Client.PostAsync(Files(id), SampleFiles.Upload(large, "lon.pdf")),
            HttpStatusCode.RequestEntityTooLarge, "/errors/attachment-too-large");
        Assert.Equal("Mỗi tệp tối đa 0.1 MB.", tooLarge.GetProperty("detail").GetString());
        var json = await Client.PostAsJsonAsync(Files(id), new { file = "JVBERi0=" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("Kiểu nội dung không được hỗ trợ.", (await Answers.ProblemOf(json)).GetProperty("title").GetString());
        await Answers.AssertProblemAsync(await Client.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "a.pdf", "Decision")),
            HttpStatusCode.BadRequest, "/errors/validation");
        await Answers.AssertProblemAsync(await Client.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "a.pdf", "4")),
            HttpStatusCode.BadRequest, "/errors/validation");
        var noFile = new MultipartFormDataContent { { new StringContent("Other"), "kind" } };
        await Answers.AssertProblemAsync(await Client.PostAsync(Files(id), noFile), HttpStatusCode.BadRequest, "/errors/validation");
        var broken = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        await Answers.AssertProblemAsync(await Client.PostAsync(Files(id), broken), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(0, await StoredAsync(id));
    }

    [Fact]
    public async Task A_document_sent_as_a_photo_is_refused_and_nothing_is_written()
    {
        var id = await DraftAsync(Own);
        await AttachmentChecks.DocumentsUnderAPictureKindAreRefusedAsync(Client, Files(id), "Photo", () => StoredAsync(id));
    }

    [Fact]
    public async Task Concurrent_uploads_never_exceed_the_records_limit_and_never_fail_with_500()
    {
        var id = await DraftAsync(Own);

        var responses = await Bursts.RunAsync(12, i => Client.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf($"Trang {i}"), $"tep-{i}.pdf")));

        await Bursts.AssertNoServerErrorsAsync(responses);
        var statuses = Bursts.Statuses(responses);
        Assert.Equal(5, statuses.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(7, statuses.GetValueOrDefault(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(5, await StoredAsync(id));
        Assert.Equal(5, (await HistoryAsync(id)).Count(h => h.GetProperty("kind").GetString() == "AttachmentAdded"));
    }

    [Fact]
    public async Task A_repeated_upload_with_the_same_idempotency_key_stores_one_file()
    {
        var id = await DraftAsync(Own);
        HttpRequestMessage Request()
        {
            var form = new MultipartFormDataContent("fixed-boundary");
            var file = new ByteArrayContent(SampleFiles.Pdf());
            form.Add(file, "file", "thuyet-minh.pdf");
            form.Add(new StringContent("ProposalDescription"), "kind");
            return new HttpRequestMessage(HttpMethod.Post, Files(id)) { Content = form }.WithKey("upload-1");
        }

        var first = await Answers.ExpectAsync(await Client.SendAsync(Request()), HttpStatusCode.Created);
        var again = await Client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(1, await StoredAsync(id));
    }

    [Fact]
    public async Task The_establishment_adds_its_dossier_while_drafting_and_its_reports_during_implementation_only()
    {
        var id = await DraftAsync(Own);
        var establishment = ClientAs(TestUser.Establishment(Own));

        await Answers.ExpectAsync(await establishment.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Docx(), "thuyet-minh.docx", "ProposalDescription")), HttpStatusCode.Created);
        var decision = await Answers.AssertProblemAsync(await establishment.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "qd.pdf", "ApprovalDecision")),
            HttpStatusCode.Forbidden, "/errors/attachment-not-allowed");
        Assert.Contains("Thuyết minh đề án", decision.GetProperty("detail").GetString());
        await Journey.SubmitAsync(id);
        await Answers.AssertProblemAsync(await establishment.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "bo-sung.pdf", "Other")),
            HttpStatusCode.Forbidden, "/errors/attachment-not-allowed");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await ClientAs(TestUser.Appraiser).PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "bb.pdf", "AppraisalMinutes"))).StatusCode);

        await Answers.ExpectAsync(await Client.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "bien-ban.pdf", "AppraisalMinutes")), HttpStatusCode.Created);
        Assert.Equal(2, await StoredAsync(id));
    }

    [Fact]
    public async Task A_withdrawal_is_recorded_and_the_file_stays_readable_by_officers_only()
    {
        var id = await DraftAsync(Own);
        var establishment = ClientAs(TestUser.Establishment(Own));
        var officer = ClientAs(NamedOfficer);
        var mine = await Answers.ExpectAsync(await establishment.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Pdf(), "du-toan-cu.pdf", "CostEstimate")), HttpStatusCode.Created);
        var officers = await Answers.ExpectAsync(await officer.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Png(), "anh.png", "Photo")), HttpStatusCode.Created);
        var file = $"{Files(id)}/{mine.GetProperty("id").GetString()}";

        await Answers.AssertProblemAsync(await establishment.PostAsJsonAsync($"{Files(id)}/{officers.GetProperty("id").GetString()}/withdraw", new { reason = "Ảnh sai" }),
            HttpStatusCode.Forbidden, "/errors/attachment-not-yours");
        await Answers.AssertProblemAsync(await officer.PostAsJsonAsync($"{file}/withdraw", new { reason = " " }), HttpStatusCode.BadRequest, "/errors/validation");
        var withdrawn = await Answers.ExpectAsync(await officer.PostAsJsonAsync($"{file}/withdraw", new { reason = "Thay bằng dự toán mới" }), HttpStatusCode.OK);

        Assert.Equal((true, "officer-lan", "Nguyễn Thị Lan", "Thay bằng dự toán mới"), (withdrawn.GetProperty("withdrawn").GetBoolean(),
            withdrawn.GetProperty("withdrawnBy").GetString(), withdrawn.GetProperty("withdrawnByName").GetString(), withdrawn.GetProperty("withdrawalReason").GetString()));
        await Answers.AssertProblemAsync(await officer.PostAsJsonAsync($"{file}/withdraw", new { reason = "Lần nữa" }), HttpStatusCode.Conflict, "/errors/attachment-withdrawn");
        var kept = await officer.GetAsync(file);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True(kept.Headers.Contains("X-Attachment-Withdrawn"));
        Assert.Equal(SampleFiles.Pdf(), await kept.Content.ReadAsByteArrayAsync());
        await Answers.AssertProblemAsync(await establishment.GetAsync(file), HttpStatusCode.Gone, "/errors/attachment-withdrawn");
        var listed = (await establishment.GetFromJsonAsync<JsonElement>(Files(id))).EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.True(listed.Single(a => a.GetProperty("fileName").GetString() == "du-toan-cu.pdf").GetProperty("withdrawn").GetBoolean());
        Assert.Equal(2, await StoredAsync(id));

        var history = await HistoryAsync(id);
        var added = history.Where(h => h.GetProperty("kind").GetString() == "AttachmentAdded").Select(h => h.GetProperty("document").GetString());
        Assert.Equal(["du-toan-cu.pdf", "anh.png"], added);
        var removal = Assert.Single(history, h => h.GetProperty("kind").GetString() == "AttachmentWithdrawn");
        Assert.Equal(("du-toan-cu.pdf", "Thay bằng dự toán mới", "Nguyễn Thị Lan"), (removal.GetProperty("document").GetString(),
            removal.GetProperty("reason").GetString(), removal.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task The_establishment_withdraws_its_own_file_while_drafting()
    {
        var id = await DraftAsync(Own);
        var establishment = ClientAs(TestUser.Establishment(Own));
        var mine = await Answers.ExpectAsync(await establishment.PostAsync(Files(id), SampleFiles.Upload(SampleFiles.Xlsx(), "du-toan.xlsx", "CostEstimate")), HttpStatusCode.Created);

        await Answers.ExpectAsync(await establishment.PostAsJsonAsync($"{Files(id)}/{mine.GetProperty("id").GetString()}/withdraw", new { reason = "Nhầm tệp" }), HttpStatusCode.OK);

        Assert.True((await establishment.GetFromJsonAsync<JsonElement>(Files(id)))[0].GetProperty("withdrawn").GetBoolean());
    }

    private static string Files(string id) => $"/api/proposals/{id}/attachments";

    private async Task<string> DraftAsync(string taxCode) =>
        (await Journey.CreateAsync(ProposalJourney.DraftBody(taxCode))).GetProperty("id").GetString()!;

    private async Task<List<JsonElement>> HistoryAsync(string id) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history")).EnumerateArray().ToList();

    private async Task<int> HistoryCountAsync(string id) => (await HistoryAsync(id)).Count;

    private async Task<int> StoredAsync(string id)
    {
        await using var scope = Services.CreateAsyncScope();
        var attachments = scope.ServiceProvider.GetRequiredService<AttachmentsDbContext>();
        var recordId = Guid.Parse(id);
        var stored = await attachments.Attachments.CountAsync(a => a.RecordId == recordId);
        Assert.Equal(stored, await attachments.Contents.CountAsync(c => attachments.Attachments.Any(a => a.Id == c.AttachmentId && a.RecordId == recordId)));
        return stored;
    }

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "html" => SampleFiles.Html(),
        "svg" => SampleFiles.Svg(),
        "polyglot" => SampleFiles.Polyglot(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}

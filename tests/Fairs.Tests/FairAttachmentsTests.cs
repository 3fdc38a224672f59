using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>
/// A fair's papers: typed by content and served inertly, the booth contract and the results report read by the Centre
/// only, attached and withdrawn by officers, within the limits even under concurrent uploads, and on the fair's history.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FairAttachmentsTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit, AttachmentChecks.SmallLimits)
{
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };
    private string _fair = "";

    public override async Task InitializeAsync() => _fair = (await CreateFairAsync()).GetProperty("id").GetString()!;

    private string Files => $"/api/fairs/{_fair}/attachments";

    private Task<int> StoredAsync() => AttachmentChecks.StoredAsync(Services, Guid.Parse(_fair));

    public static TheoryData<string, string, string, string, string> Kinds => new()
    {
        { "FairDossier", "pdf", "hồ sơ hội chợ.pdf", "application/pdf", "inline" },
        { "BoothContract", "docx", "hợp đồng gian hàng.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment" },
        { "FairResultReport", "xlsx", "báo cáo kết quả.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment" },
        { "Photo", "png", "gian hàng.png", "image/png", "inline" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_fair_paper_comes_back_byte_for_byte_and_inert(string kind, string sample, string name, string contentType, string disposition)
    {
        await AttachmentChecks.RoundTripAsync(ClientAs(Lan), Files, AttachmentChecks.Sample(sample), name, kind, contentType, disposition);

        var added = Assert.Single(await HistoryAsync(), h => h.GetProperty("kind").GetString() == "fair-attachment-added");
        Assert.Equal((name, "Nguyễn Thị Lan"), (added.GetProperty("document").GetString(), added.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task An_establishment_reads_the_fair_s_dossier_but_not_the_centre_s_contract_and_attaches_nothing()
    {
        var dossier = await Answers.ExpectAsync(await Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "ho-so.pdf", "FairDossier")), HttpStatusCode.Created);
        var contract = await Answers.ExpectAsync(await Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Docx(), "hop-dong.docx", "BoothContract")), HttpStatusCode.Created);
        var establishment = ClientAs(TestUser.Establishment("5700100016"));

        var listed = (await establishment.GetFromJsonAsync<JsonElement>(Files)).EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["FairDossier"], listed);
        Assert.Equal(HttpStatusCode.OK, (await establishment.GetAsync($"{Files}/{dossier.GetProperty("id").GetString()}")).StatusCode);
        await Answers.AssertProblemAsync(await establishment.GetAsync($"{Files}/{contract.GetProperty("id").GetString()}"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await establishment.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "them.pdf", "Other"))).StatusCode);
        await Answers.AssertProblemAsync(await establishment.GetAsync($"/api/fairs/{Guid.NewGuid()}/attachments"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public Task Spoofed_and_hostile_files_are_refused_and_nothing_is_written() =>
        AttachmentChecks.SpoofedFilesAreRefusedAsync(Client, Files, "FairDossier", StoredAsync);

    [Fact]
    public Task A_file_over_the_size_limit_is_413() => AttachmentChecks.TooLargeIsRefusedAsync(Client, Files, "FairDossier", StoredAsync);

    [Fact]
    public Task Concurrent_uploads_never_exceed_the_fair_s_limit_and_never_fail_with_500() =>
        AttachmentChecks.ConcurrentUploadsHoldTheLimitAsync(Client, Files, "FairDossier", StoredAsync);

    [Fact]
    public Task A_document_sent_as_a_booth_photo_is_refused_and_nothing_is_written() =>
        AttachmentChecks.DocumentsUnderAPictureKindAreRefusedAsync(Client, Files, "Photo", StoredAsync);

    [Fact]
    public Task A_repeated_upload_with_the_same_idempotency_key_stores_one_file() =>
        AttachmentChecks.RepeatedKeyStoresOneFileAsync(Client, Files, "FairDossier", StoredAsync);

    [Fact]
    public async Task A_withdrawal_is_recorded_on_the_history_and_the_file_stays_for_the_centre_only()
    {
        var dossier = await Answers.ExpectAsync(await Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "ho-so-cu.pdf", "FairDossier")), HttpStatusCode.Created);
        var file = $"{Files}/{dossier.GetProperty("id").GetString()}";

        await Answers.ExpectAsync(await ClientAs(Lan).PostAsJsonAsync($"{file}/withdraw", new { reason = "Ban tổ chức gửi bản mới" }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(file)).StatusCode);
        await Answers.AssertProblemAsync(await ClientAs(TestUser.Establishment("5700100016")).GetAsync(file), HttpStatusCode.Gone, "/errors/attachment-withdrawn");
        var removal = Assert.Single(await HistoryAsync(), h => h.GetProperty("kind").GetString() == "fair-attachment-withdrawn");
        Assert.Equal(("ho-so-cu.pdf", "Ban tổ chức gửi bản mới", "Nguyễn Thị Lan"),
            (removal.GetProperty("document").GetString(), removal.GetProperty("reason").GetString(), removal.GetProperty("actedByName").GetString()));
    }

    private async Task<List<JsonElement>> HistoryAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{_fair}/history")).EnumerateArray().ToList();
}

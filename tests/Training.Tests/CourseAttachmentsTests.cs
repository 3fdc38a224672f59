using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>
/// A course's papers: typed by content and served inertly, the trainee list read by officers only, attached and withdrawn
/// by officers only, within the limits even under concurrent uploads, and on the course's history.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CourseAttachmentsTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };
    private TrainingApp _app = null!;
    private string _course = "";

    public async Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit, AttachmentChecks.SmallLimits);
        _course = await _app.PlanAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Files => $"/api/training/courses/{_course}/attachments";

    private Task<int> StoredAsync() => AttachmentChecks.StoredAsync(_app.Services, Guid.Parse(_course));

    public static TheoryData<string, string, string, string, string> Kinds => new()
    {
        { "CoursePlan", "pdf", "kế hoạch lớp.pdf", "application/pdf", "inline" },
        { "TraineeList", "xlsx", "danh sách học viên.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment" },
        { "CourseClosingMinutes", "docx", "biên bản kết thúc.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment" },
        { "Photo", "png", "ảnh lớp học.png", "image/png", "inline" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_course_paper_comes_back_byte_for_byte_and_inert(string kind, string sample, string name, string contentType, string disposition)
    {
        var created = await AttachmentChecks.RoundTripAsync(_app.ClientAs(Lan), Files, AttachmentChecks.Sample(sample), name, kind, contentType, disposition);

        Assert.Equal(("officer-lan", "Nguyễn Thị Lan"), (created.GetProperty("uploadedBy").GetString(), created.GetProperty("uploadedByName").GetString()));
        var added = Assert.Single(await HistoryAsync(), h => h.GetProperty("kind").GetString() == "course-attachment-added");
        Assert.Equal((name, "Nguyễn Thị Lan"), (added.GetProperty("document").GetString(), added.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task An_establishment_reads_the_course_s_public_papers_but_not_its_trainee_list_and_attaches_nothing()
    {
        var plan = await Answers.ExpectAsync(await _app.Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "ke-hoach.pdf", "CoursePlan")), HttpStatusCode.Created);
        var list = await Answers.ExpectAsync(await _app.Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Xlsx(), "hoc-vien.xlsx", "TraineeList")), HttpStatusCode.Created);
        var establishment = _app.ClientAs(TestUser.Establishment("5700100016"));

        var listed = (await establishment.GetFromJsonAsync<JsonElement>(Files)).EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["CoursePlan"], listed);
        Assert.Equal(HttpStatusCode.OK, (await establishment.GetAsync($"{Files}/{plan.GetProperty("id").GetString()}")).StatusCode);
        await Answers.AssertProblemAsync(await establishment.GetAsync($"{Files}/{list.GetProperty("id").GetString()}"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await establishment.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "them.pdf", "Other"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await establishment.PostAsJsonAsync($"{Files}/{plan.GetProperty("id").GetString()}/withdraw", new { reason = "Sai" })).StatusCode);
        await Answers.AssertProblemAsync(await establishment.GetAsync($"/api/training/courses/{Guid.NewGuid()}/attachments"), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public async Task A_paper_of_another_record_is_refused_for_a_course()
    {
        var errors = await Answers.ErrorsOf(await _app.Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "qd.pdf", "ApprovalDecision")));

        Assert.Contains("Kế hoạch lớp học", errors.GetProperty("kind")[0].GetString());
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public Task Spoofed_and_hostile_files_are_refused_and_nothing_is_written() =>
        AttachmentChecks.SpoofedFilesAreRefusedAsync(_app.Client, Files, "CoursePlan", StoredAsync);

    [Fact]
    public Task A_file_over_the_size_limit_is_413() => AttachmentChecks.TooLargeIsRefusedAsync(_app.Client, Files, "CoursePlan", StoredAsync);

    [Fact]
    public Task Concurrent_uploads_never_exceed_the_course_s_limit_and_never_fail_with_500() =>
        AttachmentChecks.ConcurrentUploadsHoldTheLimitAsync(_app.Client, Files, "CoursePlan", StoredAsync);

    [Fact]
    public Task A_document_sent_as_a_class_photo_is_refused_and_nothing_is_written() =>
        AttachmentChecks.DocumentsUnderAPictureKindAreRefusedAsync(_app.Client, Files, "Photo", StoredAsync);

    [Fact]
    public Task A_repeated_upload_with_the_same_idempotency_key_stores_one_file() =>
        AttachmentChecks.RepeatedKeyStoresOneFileAsync(_app.Client, Files, "CoursePlan", StoredAsync);

    [Fact]
    public async Task A_withdrawal_is_recorded_on_the_history_and_the_file_stays_for_officers_only()
    {
        var plan = await Answers.ExpectAsync(await _app.Client.PostAsync(Files, SampleFiles.Upload(SampleFiles.Pdf(), "ke-hoach-cu.pdf", "CoursePlan")), HttpStatusCode.Created);
        var file = $"{Files}/{plan.GetProperty("id").GetString()}";

        var withdrawn = await Answers.ExpectAsync(await _app.ClientAs(Lan).PostAsJsonAsync($"{file}/withdraw", new { reason = "Thay bằng kế hoạch mới" }), HttpStatusCode.OK);

        Assert.Equal((true, "Thay bằng kế hoạch mới"), (withdrawn.GetProperty("withdrawn").GetBoolean(), withdrawn.GetProperty("withdrawalReason").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync(file)).StatusCode);
        await Answers.AssertProblemAsync(await _app.ClientAs(TestUser.Establishment("5700100016")).GetAsync(file), HttpStatusCode.Gone, "/errors/attachment-withdrawn");
        var removal = Assert.Single(await HistoryAsync(), h => h.GetProperty("kind").GetString() == "course-attachment-withdrawn");
        Assert.Equal(("ke-hoach-cu.pdf", "Thay bằng kế hoạch mới", "Nguyễn Thị Lan"),
            (removal.GetProperty("document").GetString(), removal.GetProperty("reason").GetString(), removal.GetProperty("actedByName").GetString()));
        Assert.Equal(1, await StoredAsync());
    }

    private async Task<List<JsonElement>> HistoryAsync() =>
        (await _app.Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{_course}/history")).EnumerateArray().ToList();
}

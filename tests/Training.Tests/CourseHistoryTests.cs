using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>
/// A course's history: every command adds its entry in its own transaction, naming the officer by the name the
/// token carries, with the facts of the act; a refused command adds none; parallel commands lose none.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CourseHistoryTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TestUser Lan = TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" };
    private TrainingApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Officer => _app.ClientAs(Lan);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await Officer.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Post, path, body, expected);

    private async Task<List<JsonElement>> HistoryAsync(string courseId, HttpClient? client = null) =>
        (await (client ?? Officer).GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}/history")).EnumerateArray().ToList();

    private static List<string> KindsOf(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("kind").GetString()!).ToList();

    [Fact]
    public async Task Every_command_from_planning_to_employment_adds_its_entry_by_the_officer_s_name()
    {
        var courseId = (await PostAsync("/api/training/courses", CourseSteps.Plan(capacity: 1), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetString()!;
        var revised = CourseSteps.Plan(capacity: 2);
        await SendAsync(HttpMethod.Put, $"/api/training/courses/{courseId}", revised);
        await PostAsync($"/api/training/courses/{courseId}/open");
        var trainees = await _app.TraineesAsync(3);
        var first = (await PostAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId = trainees[0] }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var second = (await PostAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId = trainees[1] }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await PostAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId = trainees[2], joinWaitingList = true }, HttpStatusCode.Created);
        await PostAsync($"/api/training/courses/{courseId}/enrolments/{second}/withdraw");
        await PostAsync($"/api/training/courses/{courseId}/start");
        await PostAsync($"/api/training/courses/{courseId}/sessions", new { heldOn = "2024-05-07", topic = "Kỹ thuật đan", presentEnrolmentIds = new[] { first } }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, $"/api/training/courses/{courseId}/sessions/1/attendance", new { presentEnrolmentIds = new[] { first } });
        await PostAsync($"/api/training/courses/{courseId}/complete");
        await PostAsync($"/api/training/courses/{courseId}/certificates");
        await PostAsync($"/api/training/courses/{courseId}/employment", new { outcomes = new[] { new { enrolmentId = first, employed = true } } });

        var history = await HistoryAsync(courseId);

        Assert.Equal(
            ["course-created", "course-revised", "course-opened", "trainee-enrolled", "trainee-enrolled", "trainee-waitlisted", "trainee-withdrawn",
             "course-started", "session-recorded", "attendance-corrected", "course-completed", "certificates-issued", "employment-recorded"],
            KindsOf(history));
        Assert.All(history, e =>
        {
            Assert.Equal("Nguyễn Thị Lan", e.GetProperty("actedByName").GetString());
            Assert.Equal("officer-lan", e.GetProperty("actedBy").GetString());
        });
        var change = Assert.Single(history[1].GetProperty("changes").EnumerateArray());
        Assert.Equal(("capacity", "1", "2"), (change.GetProperty("field").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.StartsWith("Học viên ", history[3].GetProperty("subject").GetString());
        Assert.Equal(history[4].GetProperty("subject").GetString(), history[6].GetProperty("subject").GetString());
        Assert.Equal("2024-05-07", history[8].GetProperty("occurredOn").GetString());
        Assert.Equal("Kỹ thuật đan", history[8].GetProperty("subject").GetString());
        Assert.Equal(1, history[10].GetProperty("amount").GetInt64());
        Assert.Equal(1, history[11].GetProperty("amount").GetInt64());
        Assert.StartsWith("KC-ĐT-", history[11].GetProperty("document").GetString());
    }

    [Fact]
    public async Task A_cancellation_records_its_reason_and_an_edit_that_changes_nothing_records_nothing()
    {
        var courseId = (await PostAsync("/api/training/courses", CourseSteps.Plan(), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetString()!;
        await SendAsync(HttpMethod.Put, $"/api/training/courses/{courseId}", CourseSteps.Plan());
        await PostAsync($"/api/training/courses/{courseId}/cancel", new { reason = "Không đủ học viên đăng ký" });

        var history = await HistoryAsync(courseId);

        Assert.Equal(["course-created", "course-cancelled"], KindsOf(history));
        Assert.Equal("Không đủ học viên đăng ký", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_refused_command_adds_no_entry()
    {
        var courseId = await _app.OpenAsync();
        var before = await HistoryAsync(courseId);

        await PostAsync($"/api/training/courses/{courseId}/start", expected: HttpStatusCode.UnprocessableEntity);
        await PostAsync($"/api/training/courses/{courseId}/open", expected: HttpStatusCode.Conflict);

        Assert.Equal(KindsOf(before), KindsOf(await HistoryAsync(courseId)));
    }

    [Fact]
    public async Task Parallel_enrolments_each_add_one_entry_and_none_is_lost()
    {
        const int applicants = 12;
        var courseId = await _app.OpenAsync(capacity: 5);
        var trainees = await _app.TraineesAsync(applicants);

        var answers = await Bursts.RunAsync(applicants, i =>
            _app.Client.PostAsJsonAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId = trainees[i], joinWaitingList = true }));
        await CourseSteps.AssertStatusesAsync(answers, (HttpStatusCode.Created, applicants));

        var history = await HistoryAsync(courseId);
        Assert.Equal(5, KindsOf(history).Count(k => k == "trainee-enrolled"));
        Assert.Equal(applicants - 5, KindsOf(history).Count(k => k == "trainee-waitlisted"));
        Assert.Equal(applicants, history.Select(e => e.GetProperty("subject").GetString()).Distinct().Count(s => s is not null));
    }

    [Fact]
    public async Task A_reader_outside_the_Centre_reads_the_history_without_the_trainees_names()
    {
        var courseId = await _app.OpenAsync();
        await _app.EnrolAsync(courseId, (await _app.TraineesAsync(1))[0]);

        var history = await HistoryAsync(courseId, _app.ClientAs(TestUser.Leader));

        var enrolled = Assert.Single(history, e => e.GetProperty("kind").GetString() == "trainee-enrolled");
        Assert.Equal(JsonValueKind.Null, enrolled.GetProperty("subject").ValueKind);
        Assert.Contains("course-opened", KindsOf(history));
    }

    [Fact]
    public async Task The_history_of_an_unknown_course_is_not_found()
    {
        var response = await Officer.GetAsync($"/api/training/courses/{Guid.NewGuid()}/history");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Training;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>
/// Who may call what: courses are read by every signed-in role; everything that changes something,
/// and everything that names a trainee (roster, its spreadsheet, trainees), is for officers only.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string Name = "Hoàng Thị Lan";
    private const string Phone = "0912345678";
    private const int BirthYear = 1987;

    private TrainingApp _app = null!;
    private string _courseId = null!;
    private string _traineeId = null!;
    private string _enrolmentId = null!;

    /// <summary>The roles that are not officers of the Centre.</summary>
    public static TheoryData<string> NonOfficers => new() { "Leader", "Appraiser", "Establishment", "DistrictOfficer" };

    public static TheoryData<string> Officers => new() { "Admin", "Officer" };

    public async Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        _courseId = (await _app.PostAsync("/api/training/courses", new
        {
            type = "VocationalTraining", title = "Đào tạo nghề mây tre đan", trade = "Mây tre đan", administrativeUnitCode = "dong-trieu",
            location = "Đông Triều", district = "Đông Triều", startDate = "2024-05-06", endDate = "2024-05-17", capacity = 5,
            budget = 150_000_000, instructors = new[] { "Nghệ nhân Nguyễn Văn A" },
        }, HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetString()!;
        await _app.PostAsync($"/api/training/courses/{_courseId}/open", null);
        _traineeId = (await _app.PostAsync("/api/training/trainees",
            new { fullName = Name, birthYear = BirthYear, gender = "Female", ethnicGroup = "Tày", phone = Phone }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        _enrolmentId = (await _app.PostAsync($"/api/training/courses/{_courseId}/enrolments", new { traineeId = _traineeId }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static TestUser User(string role) => role switch
    {
        "Admin" => TestUser.Admin,
        "Officer" => TestUser.Officer,
        "Leader" => TestUser.Leader,
        "Appraiser" => TestUser.Appraiser,
        "Establishment" => TestUser.Establishment("5700100256"),
        "DistrictOfficer" => TestUser.DistrictOfficer("dong-trieu", "Đông Triều"),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The answers that name trainees: officers only.</summary>
    private IEnumerable<string> PersonalReads =>
    [
        $"/api/training/courses/{_courseId}/enrolments",
        $"/api/training/courses/{_courseId}/roster.xlsx",
        "/api/training/trainees",
        $"/api/training/trainees?q={Uri.EscapeDataString("Lan")}",
        $"/api/training/trainees/{_traineeId}",
    ];

    /// <summary>Every change the API offers, each with a body it would accept from an officer.</summary>
    private IEnumerable<(HttpMethod Method, string Path, object? Body)> Writes =>
    [
        (HttpMethod.Post, "/api/training/courses", new
        {
            type = "StudyTour", title = "Tham quan", administrativeUnitCode = "uong-bi", location = "Uông Bí", district = "Uông Bí",
            planYear = 2025, budget = 1_000_000,
        }),
        (HttpMethod.Put, $"/api/training/courses/{_courseId}", new
        {
            type = "VocationalTraining", title = "Đổi tên", trade = "Mây tre đan", administrativeUnitCode = "dong-trieu", location = "Đông Triều",
            district = "Đông Triều", startDate = "2024-05-06", endDate = "2024-05-17", capacity = 5, budget = 1,
        }),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/open", null),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/start", null),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/complete", null),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/cancel", new { reason = "Không đủ học viên" }),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/enrolments", new { traineeId = _traineeId }),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/enrolments/{_enrolmentId}/withdraw", null),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = new[] { _enrolmentId } }),
        (HttpMethod.Put, $"/api/training/courses/{_courseId}/sessions/1/attendance", new { presentEnrolmentIds = new[] { _enrolmentId } }),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/certificates", null),
        (HttpMethod.Post, $"/api/training/courses/{_courseId}/employment", new { outcomes = new[] { new { enrolmentId = _enrolmentId, employed = true } } }),
        (HttpMethod.Post, "/api/training/trainees", new { fullName = "Nguyễn Văn Minh", birthYear = 1990, gender = "Male", ethnicGroup = "Kinh" }),
    ];

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy() =>
        EndpointPolicies.AssertEveryEndpointDeclaresAPolicy(_app.Services);

    [Fact]
    public void Course_reads_need_a_signed_in_user_and_everything_else_an_officer()
    {
        var policies = EndpointPolicies.PolicyByEndpoint(_app.Services)
            .Where(p => p.Key.Contains("/api/training", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value.Split('+'));
        string[] courseReads =
        [
            "GET /api/training/courses/", "GET /api/training/courses/{id:guid}", "GET /api/training/courses/{id:guid}/history",
            "GET /api/training/courses/{id:guid}/attachments/", "GET /api/training/courses/{id:guid}/attachments/{attachmentId:guid}",
            "GET /api/training/courses/{id:guid}/attachments/{attachmentId:guid}/thumbnail",
        ];

        Assert.Equal(27, policies.Count);
        foreach (var (endpoint, required) in policies)
        {
            Assert.True(required.Contains(Policies.Read), $"{endpoint} does not require a signed-in user");
            Assert.True(courseReads.Contains(endpoint) != (required.Contains(Policies.Manage) || required.Contains(Policies.Admin)),
                $"{endpoint} requires {string.Join("+", required)}");
        }
    }

    [Fact]
    public async Task Without_a_token_every_training_endpoint_answers_401_and_health_and_the_openapi_document_200()
    {
        var anonymous = _app.AnonymousClient();

        foreach (var path in new[] { "/api/training/courses", $"/api/training/courses/{_courseId}", $"/api/training/courses/{_courseId}/history" }.Concat(PersonalReads))
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path}: {response.StatusCode}");
            await ProblemOf(response);
        }
        foreach (var (method, path, body) in Writes)
        {
            var response = await anonymous.SendAsync(Request(method, path, body));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Courses.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_401()
    {
        var forged = _app.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer",
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6Ik9mZmljZXIiLCJhdWQiOiJrYy1hcGkifQ.");

        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/training/courses/{_courseId}/enrolments")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    [MemberData(nameof(Officers))]
    public async Task Every_signed_in_role_reads_the_courses(string role)
    {
        var client = _app.ClientAs(User(role));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/training/courses");
        var course = await client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{_courseId}");

        Assert.Equal(_courseId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, course.GetProperty("course").GetProperty("seats").GetProperty("enrolled").GetInt32());
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    public async Task Roles_other_than_officers_get_403_on_the_roster_its_spreadsheet_and_the_trainees(string role)
    {
        var client = _app.ClientAs(User(role));

        foreach (var path in PersonalReads)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} GET {path}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Name, body);
            Assert.DoesNotContain(Phone, body);
        }
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    public async Task Roles_other_than_officers_get_403_on_every_change_and_nothing_changes(string role)
    {
        var client = _app.ClientAs(User(role));
        var eventsBefore = (await _app.EventsAsync()).Count;

        foreach (var (method, path, body) in Writes)
        {
            var response = await client.SendAsync(Request(method, path, body));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {method} {path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var course = await _app.WithDbAsync(db => db.CoursesWithDetails.AsNoTracking().SingleAsync());
        Assert.Equal("Đào tạo nghề mây tre đan", course.Title);
        Assert.Equal(Domain.CourseStatus.OpenForEnrolment, course.Status);
        Assert.Equal(Domain.EnrolmentStatus.Enrolled, Assert.Single(course.Enrolments).Status);
        Assert.Empty(course.Sessions);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
        Assert.Equal(eventsBefore, (await _app.EventsAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task Officers_read_the_roster_its_spreadsheet_and_the_trainees(string role)
    {
        var client = _app.ClientAs(User(role));

        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{_courseId}/enrolments");
        var trainee = Assert.Single(roster.EnumerateArray()).GetProperty("trainee");
        Assert.Equal((Name, Phone, BirthYear),
            (trainee.GetProperty("fullName").GetString(), trainee.GetProperty("phone").GetString(), trainee.GetProperty("birthYear").GetInt32()));

        var spreadsheet = await client.GetAsync($"/api/training/courses/{_courseId}/roster.xlsx");
        Assert.Equal(HttpStatusCode.OK, spreadsheet.StatusCode);
        await using var stream = new MemoryStream(await spreadsheet.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal(Name, row["Họ và tên"]);

        var trainees = await client.GetFromJsonAsync<JsonElement>("/api/training/trainees");
        Assert.Equal(Name, Assert.Single(trainees.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/training/trainees/{_traineeId}");
        Assert.Equal(Phone, one.GetProperty("phone").GetString());
    }

    [Theory]
    [MemberData(nameof(NonOfficers))]
    public async Task What_other_roles_read_of_a_course_names_no_trainee(string role)
    {
        // A course with a session, completion, a certificate and employment recorded: every figure the
        // course answers derives from its trainees, none of whom it may name.
        await _app.PostAsync($"/api/training/courses/{_courseId}/start", null);
        await _app.PostAsync($"/api/training/courses/{_courseId}/sessions",
            new { heldOn = "2024-05-06", topic = "Buổi 1", presentEnrolmentIds = new[] { _enrolmentId } }, HttpStatusCode.Created);
        await _app.PostAsync($"/api/training/courses/{_courseId}/complete", null);
        await _app.PostAsync($"/api/training/courses/{_courseId}/certificates", null);
        await _app.PostAsync($"/api/training/courses/{_courseId}/employment", new { outcomes = new[] { new { enrolmentId = _enrolmentId, employed = true } } });
        var client = _app.ClientAs(User(role));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{_courseId}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/training/courses");
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(Name)}");

        Assert.Equal("Đào tạo nghề mây tre đan", detail.GetProperty("course").GetProperty("title").GetString());
        Assert.Equal(_courseId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        foreach (var answer in new[] { detail, list })
        {
            var (names, values) = Flatten(answer);
            string[] personalFields = ["trainee", "traineeId", "fullName", "birthYear", "gender", "ethnicGroup", "phone", "enrolmentId", "certificateNumber"];
            Assert.Empty(names.Intersect(personalFields, StringComparer.OrdinalIgnoreCase));
            Assert.DoesNotContain(values, v => v.Contains("Lan", StringComparison.Ordinal) || v.Contains(Phone, StringComparison.Ordinal)
                || v == BirthYear.ToString() || v == "Tày" || v == _traineeId || v == _enrolmentId || v.StartsWith("KC-", StringComparison.Ordinal));
        }
        var outcome = detail.GetProperty("course").GetProperty("outcome");
        Assert.Equal((1, 1, 1), (outcome.GetProperty("completed").GetInt32(), outcome.GetProperty("certified").GetInt32(), outcome.GetProperty("employedAfter").GetInt32()));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    /// <summary>Every property name and every scalar value (as text) anywhere in a JSON answer.</summary>
    private static (List<string> Names, List<string> Values) Flatten(JsonElement element)
    {
        var names = new List<string>();
        var values = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        names.Add(property.Name);
                        Walk(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }
                    break;
                case JsonValueKind.String:
                    values.Add(e.GetString()!);
                    break;
                default:
                    values.Add(e.GetRawText());
                    break;
            }
        }
        Walk(element);
        return (names, values);
    }

    [Fact]
    public async Task Course_events_name_the_officer_who_acted_and_no_trainee()
    {
        var admin = _app.ClientAs(TestUser.Admin);
        var cancelled = await admin.PostAsJsonAsync($"/api/training/courses/{_courseId}/cancel", new { reason = "Không đủ học viên" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var events = await _app.EventsAsync();

        Assert.Equal(["CourseScheduled", "CourseCancelled"], events.Select(e => e.Type));
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal(TestUser.Officer.Name, JsonSerializer.Deserialize<CourseScheduled>(events[0].Payload, web)!.ActedBy);
        Assert.Equal(TestUser.Admin.Name, JsonSerializer.Deserialize<CourseCancelled>(events[1].Payload, web)!.ActedBy);
        Assert.All(events, e => Assert.DoesNotContain("Lan", e.Payload));
    }

    [Fact]
    public async Task Hostile_text_in_a_course_title_and_a_trainee_name_is_stored_and_returned_literally()
    {
        const string injection = "'; DROP TABLE trainees; --";
        const string script = "<script>alert(1)</script>";
        var title = $"{injection} {script}";
        var created = await _app.PostAsync("/api/training/courses", new
        {
            type = "Workshop", title, trade = script, administrativeUnitCode = "ha-long", location = injection, district = "Hạ Long",
            planYear = 2025, budget = 1_000_000, instructors = new[] { script },
        }, HttpStatusCode.Created);
        var courseId = created.GetProperty("course").GetProperty("id").GetString()!;
        var traineeId = (await _app.PostAsync("/api/training/trainees",
            new { fullName = title, birthYear = 1990, gender = "Male", ethnicGroup = script, phone = "0900000000" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var leader = _app.ClientAs(TestUser.Leader);

        var course = (await leader.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}")).GetProperty("course");
        var found = await leader.GetFromJsonAsync<JsonElement>($"/api/training/courses?q={Uri.EscapeDataString(injection)}");
        var trainee = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/training/trainees/{traineeId}");
        var trainees = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/training/trainees?q={Uri.EscapeDataString(injection)}");

        Assert.Equal(title, course.GetProperty("title").GetString());
        Assert.Equal(script, course.GetProperty("trade").GetString());
        Assert.Equal(injection, course.GetProperty("location").GetString());
        Assert.Equal(script, Assert.Single(course.GetProperty("instructors").EnumerateArray()).GetString());
        Assert.Equal(courseId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(title, trainee.GetProperty("fullName").GetString());
        Assert.Equal(script, trainee.GetProperty("ethnicGroup").GetString());
        Assert.Equal(traineeId, Assert.Single(trainees.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Courses.CountAsync()));
    }
}

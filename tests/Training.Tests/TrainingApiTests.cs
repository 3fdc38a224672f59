using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit;

namespace KhuyenCong.Training.Tests;

[Collection(ServersCollection.Name)]
public sealed class TrainingApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private TrainingApp _app = null!;
    private HttpClient Client => _app.Client;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Plan(int capacity = 2, string type = "VocationalTraining", string startDate = "2024-05-06", string endDate = "2024-05-17") => new
    {
        type,
        title = "Đào tạo nghề mây tre đan",
        trade = "Mây tre đan",
        administrativeUnitCode = "dong-trieu",
        location = "Đông Triều",
        district = "Đông Triều",
        startDate,
        endDate,
        capacity,
        budget = 150_000_000,
        instructors = new[] { "Nghệ nhân Nguyễn Văn A" },
    };

    private async Task<string> PlanAsync(object? plan = null) =>
        (await _app.PostAsync("/api/training/courses", plan ?? Plan(), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetString()!;

    private async Task<string> OpenCourseAsync(int capacity = 2)
    {
        var id = await PlanAsync(Plan(capacity));
        await _app.PostAsync($"/api/training/courses/{id}/open", null);
        return id;
    }

    private async Task<string> RegisterAsync(string name, string gender = "Female", string ethnicGroup = "Kinh", string? phone = null) =>
        (await _app.PostAsync("/api/training/trainees",
            new { fullName = name, birthYear = 1990, gender, ethnicGroup, phone }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private async Task<HttpResponseMessage> EnrolAsync(string courseId, string traineeId, bool joinWaitingList = false) =>
        await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId, joinWaitingList });

    private async Task<string> EnrolledAsync(string courseId, string traineeId)
    {
        var response = await EnrolAsync(courseId, traineeId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task An_officer_plans_a_course_enrols_up_to_capacity_records_attendance_completes_it_and_issues_certificates()
    {
        var courseId = await OpenCourseAsync(capacity: 2);
        var lan = await RegisterAsync("Hoàng Thị Lan", "Female", "Tày", "0912345678");
        var minh = await RegisterAsync("Nguyễn Văn Minh", "Male", "Kinh");
        var hoa = await RegisterAsync("Triệu Thị Hoa", "Female", "Dao");
        var lanSeat = await EnrolledAsync(courseId, lan);
        var minhSeat = await EnrolledAsync(courseId, minh);

        var full = await EnrolAsync(courseId, hoa);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("/errors/course-full", (await ProblemOf(full)).GetProperty("type").GetString());

        await _app.PostAsync($"/api/training/courses/{courseId}/start", null);
        for (var day = 0; day < 5; day++)
        {
            var present = day < 4 ? new[] { lanSeat, minhSeat } : new[] { lanSeat };
            await _app.PostAsync($"/api/training/courses/{courseId}/sessions",
                new { heldOn = $"2024-05-{6 + day:D2}", topic = $"Buổi {day + 1}", presentEnrolmentIds = present }, HttpStatusCode.Created);
        }
        // Minh attended 4 of 5 sessions (80 %) and completes; correcting session 4 drops him to 3 of 5.
        var correction = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}/sessions/4/attendance", new { presentEnrolmentIds = new[] { lanSeat } });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var completed = await _app.PostAsync($"/api/training/courses/{courseId}/complete", null);
        Assert.Equal("Completed", completed.GetProperty("course").GetProperty("status").GetString());
        Assert.Equal(1, completed.GetProperty("course").GetProperty("outcome").GetProperty("completed").GetInt32());

        var certificates = await _app.PostAsync($"/api/training/courses/{courseId}/certificates", null);
        var certificate = Assert.Single(certificates.EnumerateArray());
        Assert.Equal("Hoàng Thị Lan", certificate.GetProperty("fullName").GetString());
        var year = DateTime.UtcNow.AddHours(7).Year;
        Assert.Equal($"KC-ĐT-{year}-00001", certificate.GetProperty("number").GetString());

        await _app.PostAsync($"/api/training/courses/{courseId}/employment",
            new { outcomes = new object[] { new { enrolmentId = lanSeat, employed = true }, new { enrolmentId = minhSeat, employed = true } } });

        var events = (await _app.EventsAsync()).Select(e => e.Type);
        Assert.Equal(["CourseScheduled", "CourseCompleted", "CourseCompleted", "CourseCompleted"], events);
        var figures = (await _app.CompletionsAsync()).OrderBy(c => c.Revision).ToList();
        Assert.True(figures[0].Revision < figures[1].Revision && figures[1].Revision < figures[2].Revision);
        var last = figures[^1];
        Assert.Equal(Guid.Parse(courseId), last.CourseId);
        Assert.Equal((2, 1, 1), (last.Enrolled.Total, last.Enrolled.Female, last.Enrolled.EthnicMinority));
        Assert.Equal((1, 1, 1), (last.Completed.Total, last.Completed.Female, last.Completed.EthnicMinority));
        Assert.Equal((1, 1, 1), (last.Certified.Total, last.Certified.Female, last.Certified.EthnicMinority));
        Assert.Equal((2, 1, 1), (last.EmployedAfter.Total, last.EmployedAfter.Female, last.EmployedAfter.EthnicMinority));
        Assert.Equal(0, figures[0].Certified.Total);
        Assert.Equal(0.8m, last.MinimumAttendance);
        Assert.Equal("Đông Triều", last.Course.District);
        Assert.Equal(ContentGroup.VocationalTraining, last.Course.ContentGroup);
        Assert.Equal(150_000_000, last.Course.Budget);
        Assert.Equal(new DateOnly(2024, 5, 6), last.Course.StartDate);
    }

    [Fact]
    public async Task Certificate_numbers_continue_across_courses_of_the_same_year()
    {
        var numbers = new List<string>();
        foreach (var name in new[] { "Phạm Văn An", "Vũ Thị Bình" })
        {
            var courseId = await OpenCourseAsync(capacity: 1);
            var seat = await EnrolledAsync(courseId, await RegisterAsync(name));
            await _app.PostAsync($"/api/training/courses/{courseId}/start", null);
            await _app.PostAsync($"/api/training/courses/{courseId}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = new[] { seat } }, HttpStatusCode.Created);
            await _app.PostAsync($"/api/training/courses/{courseId}/complete", null);
            var issued = await _app.PostAsync($"/api/training/courses/{courseId}/certificates", null);
            numbers.Add(issued[0].GetProperty("number").GetString()!);

            var again = await Client.PostAsync($"/api/training/courses/{courseId}/certificates", null);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            Assert.Equal("/errors/no-certificates-due", (await ProblemOf(again)).GetProperty("type").GetString());
        }
        Assert.Equal([1, 2], numbers.Select(n => int.Parse(n[^5..])));
    }

    [Fact]
    public async Task A_trainee_asking_for_the_waiting_list_is_promoted_when_a_seat_frees()
    {
        var courseId = await OpenCourseAsync(capacity: 1);
        var first = await EnrolledAsync(courseId, await RegisterAsync("Đỗ Văn Cường", "Male"));
        var waiting = await EnrolAsync(courseId, await RegisterAsync("Lý Thị Dung"), joinWaitingList: true);
        Assert.Equal(HttpStatusCode.Created, waiting.StatusCode);
        var place = await waiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Waiting", place.GetProperty("status").GetString());
        Assert.Equal(1, place.GetProperty("waitingPosition").GetInt32());

        var withdrawal = await _app.PostAsync($"/api/training/courses/{courseId}/enrolments/{first}/withdraw", null);

        Assert.Equal("Withdrawn", withdrawal.GetProperty("withdrawn").GetProperty("status").GetString());
        var promoted = Assert.Single(withdrawal.GetProperty("promoted").EnumerateArray());
        Assert.Equal(place.GetProperty("id").GetString(), promoted.GetProperty("id").GetString());
        var course = await Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}");
        var seats = course.GetProperty("course").GetProperty("seats");
        Assert.Equal((1, 0, 0), (seats.GetProperty("enrolled").GetInt32(), seats.GetProperty("waiting").GetInt32(), seats.GetProperty("free").GetInt32()));
    }

    [Fact]
    public async Task The_same_person_enrolling_twice_gets_a_409_and_one_enrolment()
    {
        var courseId = await OpenCourseAsync();
        var trainee = await RegisterAsync("Bùi Thị Em");
        await EnrolledAsync(courseId, trainee);

        var again = await EnrolAsync(courseId, trainee, joinWaitingList: true);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("/errors/already-enrolled", (await ProblemOf(again)).GetProperty("type").GetString());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Set<Domain.Enrolment>().CountAsync()));
    }

    [Fact]
    public async Task The_roster_downloads_as_a_spreadsheet_with_one_row_per_enrolled_trainee()
    {
        var courseId = await OpenCourseAsync(capacity: 2);
        await EnrolledAsync(courseId, await RegisterAsync("Hoàng Thị Lan", "Female", "Tày", "0912345678"));
        await EnrolledAsync(courseId, await RegisterAsync("Nguyễn Văn Minh", "Male"));
        await EnrolAsync(courseId, await RegisterAsync("Lý Thị Dung"), joinWaitingList: true);

        var response = await Client.GetAsync($"/api/training/courses/{courseId}/roster.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("danh-sach-hoc-vien-dao-tao-nghe-may-tre-dan-2024-05-06.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Hoàng Thị Lan", rows[0]["Họ và tên"]);
        Assert.Equal("Nữ", rows[0]["Giới tính"]);
        Assert.Equal("Tày", rows[0]["Dân tộc"]);
        Assert.Equal("Nguyễn Văn Minh", rows[1]["Họ và tên"]);
    }

    [Fact]
    public async Task Course_answers_carry_no_personal_data_the_roster_does()
    {
        var courseId = await OpenCourseAsync();
        await EnrolledAsync(courseId, await RegisterAsync("Hoàng Thị Lan", phone: "0912345678"));

        var course = await Client.GetStringAsync($"/api/training/courses/{courseId}");
        var list = await Client.GetStringAsync("/api/training/courses");
        var roster = await Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}/enrolments");

        Assert.DoesNotContain("Lan", course);
        Assert.DoesNotContain("0912345678", course);
        Assert.DoesNotContain("Lan", list);
        Assert.Equal("0912345678", roster[0].GetProperty("trainee").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_course_is_planned_at_a_known_establishment_whose_unit_and_district_it_takes()
    {
        await _app.WithDbAsync(async db =>
        {
            db.Establishments.Add(KnownEstablishment.From(new EstablishmentRegistered
            {
                EstablishmentId = Guid.NewGuid(), Revision = 1, TaxCode = "5700100256", Name = "HTX Mây tre Bình Liêu",
                Type = EstablishmentType.Cooperative, Sector = Sector.Other, AdministrativeUnitCode = "binh-lieu",
                AdministrativeUnitName = "Bình Liêu", District = "Bình Liêu", IsPriorityArea = true, Address = "Bình Liêu",
                Representative = "Ông A", Employees = 12, OccurredAt = DateTimeOffset.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });

        var created = await _app.PostAsync("/api/training/courses", new
        {
            type = "CraftTeaching", title = "Truyền nghề đan mây", planYear = 2025, budget = 50_000_000, hostEstablishmentTaxCode = "5700100256",
        }, HttpStatusCode.Created);
        var unknown = await Client.PostAsJsonAsync("/api/training/courses", new
        {
            type = "CraftTeaching", title = "Truyền nghề", planYear = 2025, budget = 1, hostEstablishmentTaxCode = "0100000000",
        });

        var course = created.GetProperty("course");
        Assert.Equal("binh-lieu", course.GetProperty("administrativeUnitCode").GetString());
        Assert.Equal("Bình Liêu", course.GetProperty("district").GetString());
        Assert.Equal("Planned", course.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("/errors/unknown-establishment", (await ProblemOf(unknown)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Courses_are_searched_and_paged()
    {
        await PlanAsync();
        await PlanAsync(new
        {
            type = "StudyTour", title = "Tham quan làng nghề gốm", administrativeUnitCode = "uong-bi", location = "Uông Bí",
            district = "Uông Bí", planYear = 2025, budget = 10_000_000,
        });
        await PlanAsync();

        var page = await Client.GetFromJsonAsync<JsonElement>("/api/training/courses?year=2024&pageSize=1&page=2");
        var found = await Client.GetFromJsonAsync<JsonElement>("/api/training/courses?q=g%E1%BB%91m");
        var badPage = await Client.GetAsync("/api/training/courses?pageSize=0");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Tham quan làng nghề gốm", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task A_plan_with_missing_fields_gets_a_400_naming_each_and_writes_nothing()
    {
        var response = await Client.PostAsJsonAsync("/api/training/courses", new { title = "", capacity = 0, budget = -5, startDate = "2024-05-10", endDate = "2024-05-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal("/errors/validation", problem.GetProperty("type").GetString());
        foreach (var field in new[] { "type", "title", "capacity", "budget", "endDate", "administrativeUnitCode", "location", "district" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Equal(0, await _app.WithDbAsync(db => db.Courses.CountAsync()));
    }

    [Theory]
    [InlineData("/api/training/courses", "{\"type\": \"Cooking\"}")]
    [InlineData("/api/training/courses", "{\"title\": ")]
    [InlineData("/api/training/trainees", "{\"birthYear\": \"old\"}")]
    public async Task A_malformed_body_gets_a_400_problem(string path, string body)
    {
        var response = await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/errors/malformed-request", (await ProblemOf(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_trainee_with_bad_fields_gets_a_400_and_the_same_person_twice_a_409()
    {
        var bad = await Client.PostAsJsonAsync("/api/training/trainees", new { fullName = " ", birthYear = 2030, ethnicGroup = "", phone = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ProblemOf(bad)).GetProperty("errors");
        foreach (var field in new[] { "fullName", "birthYear", "gender", "ethnicGroup", "phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        await RegisterAsync("Hoàng Thị Lan", phone: "0912345678");
        var twice = await Client.PostAsJsonAsync("/api/training/trainees",
            new { fullName = "hoàng thị lan", birthYear = 1990, gender = "Female", ethnicGroup = "Kinh", phone = "0912345678" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("/errors/trainee-already-registered", (await ProblemOf(twice)).GetProperty("type").GetString());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
    }

    [Fact]
    public async Task Unknown_courses_enrolments_and_trainees_are_answered_404_or_422()
    {
        var missingCourse = await Client.PostAsync($"/api/training/courses/{Guid.NewGuid()}/open", null);
        Assert.Equal(HttpStatusCode.NotFound, missingCourse.StatusCode);
        Assert.Equal("/errors/not-found", (await ProblemOf(missingCourse)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/training/courses/{Guid.NewGuid()}/roster.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/training/trainees/{Guid.NewGuid()}")).StatusCode);

        var courseId = await OpenCourseAsync();
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.PostAsync($"/api/training/courses/{courseId}/enrolments/{Guid.NewGuid()}/withdraw", null)).StatusCode);
        var stranger = await EnrolAsync(courseId, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.Equal("/errors/unknown-trainee", (await ProblemOf(stranger)).GetProperty("type").GetString());
        var noTrainee = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/enrolments", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noTrainee.StatusCode);
    }

    [Fact]
    public async Task Illegal_moves_are_409_and_broken_rules_422_and_change_nothing()
    {
        var courseId = await PlanAsync(new
        {
            type = "VocationalTraining", title = "Chưa đủ kế hoạch", administrativeUnitCode = "co-to", location = "Cô Tô",
            district = "Cô Tô", planYear = 2025, budget = 1_000_000,
        });

        var incomplete = await Client.PostAsync($"/api/training/courses/{courseId}/open", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal("/errors/plan-incomplete", (await ProblemOf(incomplete)).GetProperty("type").GetString());

        var complete = await Client.PostAsync($"/api/training/courses/{courseId}/complete", null);
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        var problem = await ProblemOf(complete);
        Assert.Equal("/errors/illegal-transition", problem.GetProperty("type").GetString());
        // The state by its Vietnamese name (the course's title says "kế hoạch" in lower case).
        Assert.Contains("Kế hoạch", problem.GetProperty("detail").GetString());

        var enrol = await EnrolAsync(courseId, await RegisterAsync("Ngô Văn Giang", "Male"));
        Assert.Equal(HttpStatusCode.Conflict, enrol.StatusCode);
        Assert.Equal("/errors/enrolment-closed", (await ProblemOf(enrol)).GetProperty("type").GetString());

        var course = await Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}");
        Assert.Equal("Planned", course.GetProperty("course").GetProperty("status").GetString());
        Assert.Empty(await _app.EventsAsync());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_publishes_the_cancellation()
    {
        var courseId = await OpenCourseAsync();
        var noReason = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/cancel", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var cancelled = await _app.PostAsync($"/api/training/courses/{courseId}/cancel", new { reason = "Không đủ học viên" });

        Assert.Equal("Cancelled", cancelled.GetProperty("course").GetProperty("status").GetString());
        var events = await _app.EventsAsync();
        Assert.Equal(["CourseScheduled", "CourseCancelled"], events.Select(e => e.Type));
        var payload = JsonDocument.Parse(events[1].Payload).RootElement;
        Assert.Equal("OpenForEnrolment", payload.GetProperty("previousStatus").GetString());
        Assert.Equal("Không đủ học viên", payload.GetProperty("reason").GetString());
        var again = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/cancel", new { reason = "lần hai" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Recording_employment_names_bad_outcomes_and_refuses_strangers()
    {
        var courseId = await OpenCourseAsync(capacity: 1);
        var seat = await EnrolledAsync(courseId, await RegisterAsync("Mai Thị Hạnh"));
        await _app.PostAsync($"/api/training/courses/{courseId}/start", null);
        var early = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/employment", new { outcomes = new[] { new { enrolmentId = seat, employed = true } } });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await _app.PostAsync($"/api/training/courses/{courseId}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = new[] { seat } }, HttpStatusCode.Created);
        var outside = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/sessions", new { heldOn = "2024-06-30", presentEnrolmentIds = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Equal("/errors/session-outside-course-dates", (await ProblemOf(outside)).GetProperty("type").GetString());
        await _app.PostAsync($"/api/training/courses/{courseId}/complete", null);

        var empty = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/employment", new { outcomes = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var stranger = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/employment",
            new { outcomes = new[] { new { enrolmentId = Guid.NewGuid().ToString(), employed = true } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.Equal("/errors/not-enrolled", (await ProblemOf(stranger)).GetProperty("type").GetString());
        Assert.Single(await _app.CompletionsAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_answer_of_enrolment()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var enrol = document.GetProperty("paths").GetProperty("/api/training/courses/{id}/enrolments").GetProperty("post").GetProperty("responses");
        Assert.Equal(["201", "400", "404", "409", "422"], enrol.EnumerateObject().Select(r => r.Name).Order());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/training/courses/{id}/roster.xlsx", out _));
    }

    [Fact]
    public async Task Revising_an_open_course_publishes_its_schedule_again_and_seats_the_waiting_list()
    {
        var courseId = await OpenCourseAsync(capacity: 1);
        await EnrolledAsync(courseId, await RegisterAsync("Đặng Văn Hùng", "Male"));
        await EnrolAsync(courseId, await RegisterAsync("Tô Thị Huệ"), joinWaitingList: true);

        var revised = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}", Plan(capacity: 2, endDate: "2024-05-24"));
        var shrunk = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}", Plan(capacity: 1));

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var seats = (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("course").GetProperty("seats");
        Assert.Equal((2, 0), (seats.GetProperty("enrolled").GetInt32(), seats.GetProperty("waiting").GetInt32()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shrunk.StatusCode);
        Assert.Equal("/errors/capacity-below-enrolment", (await ProblemOf(shrunk)).GetProperty("type").GetString());
        var schedules = (await _app.EventsAsync()).Where(e => e.Type == "CourseScheduled")
            .Select(e => JsonDocument.Parse(e.Payload).RootElement).ToList();
        Assert.Equal(2, schedules.Count);
        Assert.True(schedules[1].GetProperty("revision").GetInt32() > schedules[0].GetProperty("revision").GetInt32());
        Assert.Equal("2024-05-24", schedules[1].GetProperty("course").GetProperty("endDate").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>Input no officer means to send: every one is a 400 or 422 that writes nothing, never a 500.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private TrainingApp _app = null!;
    private HttpClient Client => _app.Client;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object?> PlanWith(string field, object? value)
    {
        var plan = JsonSerializer.SerializeToElement(CourseSteps.Plan(), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        plan[field] = value;
        return plan;
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_nul_character_in_a_body_or_a_query_is_a_400_and_writes_nothing()
    {
        var inBody = await Client.PostAsJsonAsync("/api/training/courses", PlanWith("title", "Mây\u0000tre"));
        var inTrainee = await Client.PostAsJsonAsync("/api/training/trainees",
            new { fullName = "Lan\u0000", birthYear = 1990, gender = "Female", ethnicGroup = "Kinh" });
        var inQuery = await Client.GetAsync("/api/training/courses?q=m%00y");
        var courseId = await _app.PlanAsync();
        var onCommand = await Client.PostAsync($"/api/training/courses/{courseId}/open?note=%00", null);

        Assert.Equal(HttpStatusCode.BadRequest, inBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inTrainee.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, onCommand.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Courses.CountAsync()));
        Assert.Equal(Domain.CourseStatus.Planned, await _app.WithDbAsync(db => db.Courses.Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
        Assert.Empty(await _app.EventsAsync());
    }

    [Fact]
    public async Task An_undefined_course_type_is_a_400_that_lists_the_types()
    {
        var inBody = await Client.PostAsJsonAsync("/api/training/courses", PlanWith("type", 999));
        var inQuery = await Client.GetAsync("/api/training/courses?type=999");

        Assert.Equal(HttpStatusCode.BadRequest, inBody.StatusCode);
        // Vietnamese by default: the types by their Vietnamese names, never the code's identifiers.
        var bodyRefusal = await inBody.Content.ReadAsStringAsync();
        Assert.Contains(KhuyenCong.Contracts.CodeNames.Of("CourseType", "VocationalTraining")!.Vietnamese, bodyRefusal);
        Assert.DoesNotContain("VocationalTraining", bodyRefusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.Contains(KhuyenCong.Contracts.CodeNames.Of("CourseType", "VocationalTraining")!.Vietnamese, await inQuery.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Courses.CountAsync()));
    }

    [Theory]
    [InlineData("/api/training/courses?page=2147483647")]
    [InlineData("/api/training/courses?page=0")]
    [InlineData("/api/training/courses?pageSize=201")]
    [InlineData("/api/training/courses?pageSize=-1")]
    [InlineData("/api/training/trainees?page=2147483647")]
    [InlineData("/api/training/trainees?pageSize=100000")]
    [InlineData("/api/training/courses?colour=red")]
    [InlineData("/api/training/trainees?sort=name")]
    [InlineData("/api/training/courses?status=Sleeping")]
    public async Task Out_of_bounds_paging_unknown_parameters_and_values_are_a_400(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("startDate", "0001-01-01")]
    [InlineData("startDate", "9999-12-31")]
    [InlineData("startDate", "1950-01-01")]
    [InlineData("endDate", "2101-01-01")]
    [InlineData("endDate", "1989-12-31")]
    [InlineData("endDate", "2024-05-01")]
    public async Task Absurd_course_dates_are_a_400_and_plan_nothing(string field, string date)
    {
        var response = await Client.PostAsJsonAsync("/api/training/courses", PlanWith(field, date));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Courses.CountAsync()));
    }

    [Fact]
    public async Task Revising_a_course_to_absurd_dates_is_a_400_and_changes_nothing()
    {
        var courseId = await _app.PlanAsync();

        var response = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}", PlanWith("endDate", "1066-10-14"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new DateOnly(2024, 5, 17), await _app.WithDbAsync(db => db.Courses.Select(c => c.EndDate).SingleAsync()));
    }

    [Theory]
    [InlineData("1900-01-01", HttpStatusCode.BadRequest)]
    [InlineData("2200-01-01", HttpStatusCode.BadRequest)]
    [InlineData("2024-04-30", HttpStatusCode.UnprocessableEntity)]
    [InlineData("2024-05-18", HttpStatusCode.UnprocessableEntity)]
    public async Task A_session_outside_the_bounds_or_the_course_dates_is_refused_and_recorded_nowhere(string heldOn, HttpStatusCode expected)
    {
        var courseId = await _app.StartedWithSessionAsync();

        var response = await Client.PostAsJsonAsync($"/api/training/courses/{courseId}/sessions",
            new { heldOn, presentEnrolmentIds = Array.Empty<Guid>() });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Set<Domain.Session>().CountAsync()));
    }

    [Theory]
    [InlineData("{\"capacity\": 2147483647}")]
    [InlineData("{\"capacity\": 2147483648}")]
    [InlineData("{\"capacity\": -1}")]
    [InlineData("{\"capacity\": -2147483648}")]
    [InlineData("{\"budget\": 1000000000000001}")]
    [InlineData("{\"budget\": 9223372036854775807}")]
    [InlineData("{\"budget\": 9223372036854775808}")]
    [InlineData("{\"budget\": -1}")]
    [InlineData("{\"planYear\": 2147483647}")]
    public async Task Overflowing_capacity_budget_or_year_is_a_400_never_a_500(string overrides)
    {
        var plan = PlanWith("title", "Tràn số");
        foreach (var field in JsonDocument.Parse(overrides).RootElement.EnumerateObject())
        {
            plan[field.Name] = field.Value;
        }

        var response = await Client.PostAsJsonAsync("/api/training/courses", plan);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Courses.CountAsync()));
    }

    [Fact]
    public async Task A_revision_below_the_seated_trainees_or_over_the_capacity_bound_is_refused()
    {
        var courseId = await _app.OpenAsync(capacity: 2);
        foreach (var trainee in await _app.TraineesAsync(2))
        {
            await _app.EnrolAsync(courseId, trainee);
        }

        var huge = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}", PlanWith("capacity", int.MaxValue));
        var shrunk = await Client.PutAsJsonAsync($"/api/training/courses/{courseId}", PlanWith("capacity", 1));

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shrunk.StatusCode);
        Assert.Equal("/errors/capacity-below-enrolment", await CourseSteps.TypeOf(shrunk));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Courses.Select(c => c.Capacity).SingleAsync()));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(-1)]
    [InlineData(2147483647)]
    [InlineData(3000)]
    public async Task A_birth_year_before_1900_or_in_the_future_is_a_400(int birthYear)
    {
        var response = await Client.PostAsJsonAsync("/api/training/trainees",
            new { fullName = "Hoàng Thị Lan", birthYear, gender = "Female", ethnicGroup = "Kinh" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
    }

    [Fact]
    public async Task A_trainee_born_before_1990_is_registered()
    {
        var response = await Client.PostAsJsonAsync("/api/training/trainees",
            new { fullName = "Nguyễn Văn Cả", birthYear = 1955, gender = "Male", ethnicGroup = "Kinh" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_enrolment_body_with_a_nul_or_a_bad_id_is_a_400_and_seats_nobody()
    {
        var courseId = await _app.OpenAsync();
        var path = $"/api/training/courses/{courseId}/enrolments";

        var nul = await PostRawAsync(path, "{\"traineeId\": \"\\u0000\"}");
        var notAnId = await PostRawAsync(path, "{\"traineeId\": 42}");
        var unknownCourse = await Client.PostAsJsonAsync($"/api/training/courses/{Guid.NewGuid()}/enrolments", new { traineeId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCourse.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<Domain.Enrolment>().CountAsync()));
    }
}

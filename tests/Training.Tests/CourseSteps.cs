using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Training.Domain;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>The steps that bring a course to the state a test starts from.</summary>
internal static class CourseSteps
{
    public static object Plan(int capacity = 10, string title = "Đào tạo nghề mây tre đan") => new
    {
        type = "VocationalTraining",
        title,
        trade = "Mây tre đan",
        administrativeUnitCode = "dong-trieu",
        location = "Đông Triều",
        district = "Đông Triều",
        startDate = "2024-05-06",
        endDate = "2024-05-17",
        capacity,
        budget = 150_000_000,
        instructors = new[] { "Nghệ nhân Nguyễn Văn A" },
    };

    public static async Task<string> PlanAsync(this TrainingApp app, int capacity = 10) =>
        (await app.PostAsync("/api/training/courses", Plan(capacity), HttpStatusCode.Created)).GetProperty("course").GetProperty("id").GetString()!;

    public static async Task<string> OpenAsync(this TrainingApp app, int capacity = 10)
    {
        var id = await app.PlanAsync(capacity);
        await app.PostAsync($"/api/training/courses/{id}/open", null);
        return id;
    }

    /// <summary>Registers trainees straight in the database: the tests are about what follows.</summary>
    public static Task<List<Guid>> TraineesAsync(this TrainingApp app, int count) => app.WithDbAsync(async db =>
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var trainees = Enumerable.Range(1, count)
            .Select(i => Trainee.Register($"Học viên {batch} {i}", 1990, i % 2 == 0 ? Gender.Male : Gender.Female, "Kinh", null, null, DateTimeOffset.UtcNow))
            .ToList();
        db.Trainees.AddRange(trainees);
        await db.SaveChangesAsync();
        return trainees.Select(t => t.Id).ToList();
    });

    public static async Task<string> EnrolAsync(this TrainingApp app, string courseId, Guid traineeId) =>
        (await app.PostAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>An in-progress course with <paramref name="trainees"/> seated and one session all of them attended.</summary>
    public static async Task<string> StartedWithSessionAsync(this TrainingApp app, int trainees = 1)
    {
        var id = await app.OpenAsync(capacity: trainees);
        var seats = new List<string>();
        foreach (var trainee in await app.TraineesAsync(trainees))
        {
            seats.Add(await app.EnrolAsync(id, trainee));
        }
        await app.PostAsync($"/api/training/courses/{id}/start", null);
        await app.PostAsync($"/api/training/courses/{id}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = seats }, HttpStatusCode.Created);
        return id;
    }

    public static async Task<string> TypeOf(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";
    }

    public static HttpRequestMessage Post(string path, object? body) =>
        new(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };

    /// <summary>Asserts how many answers of a burst have each status, naming the problem types of the answers when they do not.</summary>
    public static async Task AssertStatusesAsync(IReadOnlyList<HttpResponseMessage> burst, params (HttpStatusCode Status, int Count)[] expected)
    {
        var statuses = KhuyenCong.TestSupport.Bursts.Statuses(burst);
        if (expected.ToDictionary(e => e.Status, e => e.Count).OrderBy(e => e.Key).SequenceEqual(statuses.OrderBy(e => e.Key)))
        {
            return;
        }
        var problems = new List<string>();
        foreach (var response in burst.Where(r => (int)r.StatusCode >= 400))
        {
            problems.Add($"{(int)response.StatusCode} {await TypeOf(response)}");
        }
        Assert.Fail($"expected {string.Join(", ", expected.Select(e => $"{e.Count} × {(int)e.Status}"))}, " +
                    $"got {string.Join(", ", statuses.Select(s => $"{s.Value} × {(int)s.Key}"))}: {string.Join("; ", problems.Distinct())}");
    }
}

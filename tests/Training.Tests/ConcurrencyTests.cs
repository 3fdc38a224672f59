using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.Training.Tests;

/// <summary>Parallel commands on one course: the command path runs them one after another, so the course's rules hold.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConcurrencyTests(PostgresServer postgres, RabbitMqServer rabbit, ITestOutputHelper output) : IAsyncLifetime
{
    private TrainingApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Thirty_parallel_enrolments_into_ten_seats_seat_ten_and_wait_list_twenty_every_time()
    {
        const int seats = 10, applicants = 30;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var courseId = await _app.OpenAsync(capacity: seats);
            var trainees = await _app.TraineesAsync(applicants);

            var answers = await Bursts.RunAsync(applicants, i =>
                _app.Client.PostAsJsonAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId = trainees[i], joinWaitingList = true }));

            await Bursts.AssertNoServerErrorsAsync(answers);
            await CourseSteps.AssertStatusesAsync(answers, (HttpStatusCode.Created, applicants));
            var id = Guid.Parse(courseId);
            var stored = await _app.WithDbAsync(db => db.Set<Enrolment>().Where(e => e.CourseId == id)
                .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
            Assert.Equal(seats, stored.GetValueOrDefault(EnrolmentStatus.Enrolled));
            Assert.Equal(applicants - seats, stored.GetValueOrDefault(EnrolmentStatus.Waiting));
            var numbers = await _app.WithDbAsync(db => db.Set<Enrolment>().Where(e => e.CourseId == id).Select(e => e.Number).OrderBy(n => n).ToListAsync());
            Assert.Equal(Enumerable.Range(1, applicants), numbers);
        }
        output.WriteLine($"{Bursts.Repetitions} bursts of {applicants} enrolments into {seats} seats: every one 10 seated, 20 waiting, no 5xx");
    }

    [Fact]
    public async Task Of_twenty_parallel_opens_starts_or_completions_of_a_course_exactly_one_succeeds()
    {
        const int size = Bursts.Size;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var courseId = await _app.PlanAsync(capacity: 1);
            await MoveInParallelAsync(courseId, "open");
            await _app.EnrolAsync(courseId, (await _app.TraineesAsync(1))[0]);
            await MoveInParallelAsync(courseId, "start");
            await _app.PostAsync($"/api/training/courses/{courseId}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = Array.Empty<Guid>() }, HttpStatusCode.Created);
            await MoveInParallelAsync(courseId, "complete");
        }
        var events = (await _app.EventsAsync()).GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Bursts.Repetitions, events["CourseScheduled"]);
        Assert.Equal(Bursts.Repetitions, events["CourseCompleted"]);
        output.WriteLine($"{Bursts.Repetitions} × 3 bursts of {size} moves: each exactly 1 × 200, {size - 1} × 409, no 5xx");

        async Task MoveInParallelAsync(string id, string move)
        {
            var answers = await Bursts.RunAsync(size, _ => _app.Client.PostAsync($"/api/training/courses/{id}/{move}", null));
            await Bursts.AssertNoServerErrorsAsync(answers);
            await CourseSteps.AssertStatusesAsync(answers, (HttpStatusCode.OK, 1), (HttpStatusCode.Conflict, size - 1));
            foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.Equal("/errors/illegal-transition", await CourseSteps.TypeOf(refused));
            }
        }
    }

    [Fact]
    public async Task Certificates_issued_in_parallel_across_courses_get_unique_consecutive_numbers()
    {
        const int courses = 10;
        var ids = new List<string>();
        for (var i = 0; i < courses; i++)
        {
            var id = await _app.StartedWithSessionAsync(trainees: 2);
            await _app.PostAsync($"/api/training/courses/{id}/complete", null);
            ids.Add(id);
        }

        // Two requests per course: one issues its two certificates, the other finds none due.
        var answers = await Bursts.RunAsync(2 * courses, i => _app.Client.PostAsync($"/api/training/courses/{ids[i % courses]}/certificates", null));

        await Bursts.AssertNoServerErrorsAsync(answers);
        await CourseSteps.AssertStatusesAsync(answers, (HttpStatusCode.OK, courses), (HttpStatusCode.UnprocessableEntity, courses));
        var numbers = await _app.WithDbAsync(db => db.Set<Enrolment>().Where(e => e.CertificateNumber != null).Select(e => e.CertificateNumber!).ToListAsync());
        Assert.Equal(2 * courses, numbers.Count);
        Assert.Equal(Enumerable.Range(1, 2 * courses), numbers.Select(n => int.Parse(n[^5..])).Order());
        var sequence = await _app.WithDbAsync(db => db.CertificateSequences.SingleAsync());
        Assert.Equal(2 * courses, sequence.LastValue);
    }

    [Fact]
    public async Task The_same_person_registered_twenty_times_at_once_is_one_trainee()
    {
        var answers = await Bursts.RunAsync(Bursts.Size, _ => _app.Client.PostAsJsonAsync("/api/training/trainees",
            new { fullName = "Hoàng Thị Lan", birthYear = 1990, gender = "Female", ethnicGroup = "Tày", phone = "0912345678" }));

        await Bursts.AssertNoServerErrorsAsync(answers);
        await CourseSteps.AssertStatusesAsync(answers, (HttpStatusCode.Created, 1), (HttpStatusCode.Conflict, Bursts.Size - 1));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Trainees.CountAsync()));
    }

    [Fact]
    public async Task A_course_planned_twice_with_one_idempotency_key_is_planned_once_and_answered_alike()
    {
        var key = Guid.NewGuid().ToString();
        var first = await _app.Client.SendAsync(CourseSteps.Post("/api/training/courses", CourseSteps.Plan()).WithKey(key));
        var again = await _app.Client.SendAsync(CourseSteps.Post("/api/training/courses", CourseSteps.Plan()).WithKey(key));
        var other = await _app.Client.SendAsync(CourseSteps.Post("/api/training/courses", CourseSteps.Plan(capacity: 11)).WithKey(key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertReplayOfAsync(first, again);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("/errors/idempotency-key-reused", await CourseSteps.TypeOf(other));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Courses.CountAsync()));

        var parallelKey = Guid.NewGuid().ToString();
        var burst = await Bursts.RunAsync(Bursts.Size, _ =>
            _app.Client.SendAsync(CourseSteps.Post("/api/training/courses", CourseSteps.Plan(title: "Một lần")).WithKey(parallelKey)));

        await Bursts.AssertNoServerErrorsAsync(burst);
        await CourseSteps.AssertStatusesAsync(burst, (HttpStatusCode.Created, Bursts.Size));
        var original = Assert.Single(burst, r => !r.Headers.Contains("Idempotent-Replayed"));
        foreach (var replay in burst.Where(r => r != original))
        {
            await AssertReplayOfAsync(original, replay);
        }
        Assert.Equal(1, await _app.WithDbAsync(db => db.Courses.CountAsync(c => c.Title == "Một lần")));
    }

    [Fact]
    public async Task An_enrolment_sent_twice_with_one_idempotency_key_seats_the_trainee_once()
    {
        var courseId = await _app.OpenAsync(capacity: 5);
        var trainees = await _app.TraineesAsync(2);
        var path = $"/api/training/courses/{courseId}/enrolments";
        var key = Guid.NewGuid().ToString();

        var first = await _app.Client.SendAsync(CourseSteps.Post(path, new { traineeId = trainees[0] }).WithKey(key));
        var again = await _app.Client.SendAsync(CourseSteps.Post(path, new { traineeId = trainees[0] }).WithKey(key));
        var other = await _app.Client.SendAsync(CourseSteps.Post(path, new { traineeId = trainees[1] }).WithKey(key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertReplayOfAsync(first, again);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("/errors/idempotency-key-reused", await CourseSteps.TypeOf(other));

        var parallelKey = Guid.NewGuid().ToString();
        var burst = await Bursts.RunAsync(Bursts.Size, _ => _app.Client.SendAsync(CourseSteps.Post(path, new { traineeId = trainees[1] }).WithKey(parallelKey)));

        await Bursts.AssertNoServerErrorsAsync(burst);
        await CourseSteps.AssertStatusesAsync(burst, (HttpStatusCode.Created, Bursts.Size));
        var original = Assert.Single(burst, r => !r.Headers.Contains("Idempotent-Replayed"));
        foreach (var replay in burst.Where(r => r != original))
        {
            await AssertReplayOfAsync(original, replay);
        }
        var id = Guid.Parse(courseId);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Set<Enrolment>().CountAsync(e => e.CourseId == id)));
    }

    private static async Task AssertReplayOfAsync(HttpResponseMessage original, HttpResponseMessage replay)
    {
        Assert.Equal(original.StatusCode, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.NotNull(original.Headers.Location);
        Assert.Equal(original.Headers.Location, replay.Headers.Location);
        Assert.Equal(await original.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }
}

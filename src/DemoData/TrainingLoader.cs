using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>
/// The courses of <see cref="TrainingPlan"/>. A course funded by a proposal is the one its approval
/// created (found by the proposal's id); a hand-planned course is found by its year and title; each is
/// then taken on from the state it is in. Trainees are found by their phone numbers.
/// </summary>
public sealed class TrainingLoader(GatewayClient gateway, ILogger logger)
{
    private static readonly TimeSpan CourseCreationPatience = TimeSpan.FromMinutes(2);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var course in TrainingPlan.Courses)
        {
            await TakeAsync(course, cancellationToken);
            if (++done % 10 == 0)
            {
                logger.LogInformation("Training: {Done} of {Count} courses loaded", done, TrainingPlan.Courses.Count);
            }
        }
        logger.LogInformation("Training: {Count} courses loaded with {Trainees} trainees", TrainingPlan.Courses.Count, TrainingPlan.Courses.Sum(c => c.Trainees.Count));
    }

    private async Task TakeAsync(DemoCourse plan, CancellationToken cancellationToken)
    {
        var course = plan.FundedByProposal ? await FundedCourseAsync(plan, cancellationToken) : await FindAsync(plan, cancellationToken) ?? await PlanAsync(plan, cancellationToken);
        var id = course.GetProperty("id").GetString()!;
        while (true)
        {
            switch (course.GetProperty("status").GetString())
            {
                case "Planned":
                    await gateway.PutAsync($"/api/training/courses/{id}", PlanBody(plan, course.GetProperty("budget").GetInt64()), cancellationToken);
                    course = Summary(await gateway.PostAsync($"/api/training/courses/{id}/open", null, cancellationToken));
                    break;
                case "OpenForEnrolment":
                    await EnrolAsync(id, plan, cancellationToken);
                    course = Summary(await gateway.PostAsync($"/api/training/courses/{id}/start", null, cancellationToken));
                    break;
                case "InProgress":
                    await RecordSessionsAsync(id, plan, cancellationToken);
                    course = Summary(await gateway.PostAsync($"/api/training/courses/{id}/complete", null, cancellationToken));
                    break;
                case "Completed":
                    await ConcludeAsync(id, plan, course, cancellationToken);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>The Planned course the proposal's approval created in Training; it arrives by message, so it may take a moment.</summary>
    private async Task<JsonElement> FundedCourseAsync(DemoCourse plan, CancellationToken cancellationToken)
    {
        var proposal = await ProposalsLoader.FindAsync(gateway, plan.Title, cancellationToken)
            ?? throw new InvalidOperationException($"The proposal '{plan.Title}' that funds a course is not loaded.");
        var proposalId = proposal.GetProperty("id").GetString()!;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var page = await gateway.GetAsync($"/api/training/courses?proposalId={proposalId}", cancellationToken);
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } course)
            {
                return course;
            }
            if (waited >= CourseCreationPatience)
            {
                throw new InvalidOperationException($"No course appeared in Training for the approved proposal '{plan.Title}' ({proposalId}).");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            waited += TimeSpan.FromMilliseconds(500);
        }
    }

    private async Task<JsonElement?> FindAsync(DemoCourse plan, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"/api/training/courses?year={plan.PlanYear}&q={Uri.EscapeDataString(plan.Title)}", cancellationToken);
        return page.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("title").GetString() == plan.Title).Cast<JsonElement?>().FirstOrDefault();
    }

    private async Task<JsonElement> PlanAsync(DemoCourse plan, CancellationToken cancellationToken) =>
        Summary(await gateway.PostAsync("/api/training/courses", PlanBody(plan, plan.Budget!.Value), cancellationToken, HttpStatusCode.Created));

    private static object PlanBody(DemoCourse plan, long budget) => new
    {
        type = plan.Type, title = plan.Title, trade = plan.Trade,
        administrativeUnitCode = plan.Venue?.UnitCode, location = plan.Venue?.Location, district = plan.Venue?.District,
        hostEstablishmentTaxCode = plan.HostTaxCode, planYear = plan.PlanYear, startDate = plan.StartDate, endDate = plan.EndDate,
        capacity = plan.Capacity, budget, instructors = plan.Instructors,
    };

    /// <summary>Registers the trainees not registered yet and seats everyone not seated yet, in seat order.</summary>
    private async Task EnrolAsync(string courseId, DemoCourse plan, CancellationToken cancellationToken)
    {
        var seated = (await gateway.GetAsync($"/api/training/courses/{courseId}/enrolments", cancellationToken)).EnumerateArray()
            .Select(e => e.GetProperty("trainee").GetProperty("id").GetString()!).ToHashSet();
        var known = await TraineesByPhoneAsync(plan, cancellationToken);
        foreach (var trainee in plan.Trainees)
        {
            if (!known.TryGetValue(trainee.Phone, out var traineeId))
            {
                traineeId = (await gateway.PostAsync("/api/training/trainees", new
                {
                    fullName = trainee.FullName, birthYear = trainee.BirthYear, gender = trainee.Gender, ethnicGroup = trainee.EthnicGroup,
                    phone = trainee.Phone, establishmentTaxCode = trainee.EstablishmentTaxCode,
                }, cancellationToken, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            }
            if (!seated.Contains(traineeId))
            {
                await gateway.PostAsync($"/api/training/courses/{courseId}/enrolments", new { traineeId }, cancellationToken, HttpStatusCode.Created);
            }
        }
    }

    /// <summary>The course's trainees already registered, by phone: all of a course's phones share its prefix.</summary>
    private async Task<Dictionary<string, string>> TraineesByPhoneAsync(DemoCourse plan, CancellationToken cancellationToken)
    {
        var prefix = plan.Trainees[0].Phone[..6];
        var phones = plan.Trainees.Select(t => t.Phone).ToHashSet();
        var page = await gateway.GetAsync($"/api/training/trainees?q={prefix}&pageSize=200", cancellationToken);
        return page.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("phone").GetString() is { } phone && phones.Contains(phone))
            .ToDictionary(t => t.GetProperty("phone").GetString()!, t => t.GetProperty("id").GetString()!);
    }

    /// <summary>Records the sessions not recorded yet, with who was present by the plan's seats.</summary>
    private async Task RecordSessionsAsync(string courseId, DemoCourse plan, CancellationToken cancellationToken)
    {
        var details = await gateway.GetAsync($"/api/training/courses/{courseId}", cancellationToken);
        var recorded = details.GetProperty("sessions").GetArrayLength();
        var enrolments = await EnrolmentsBySeatAsync(courseId, plan, cancellationToken);
        foreach (var session in plan.Sessions.Skip(recorded))
        {
            await gateway.PostAsync($"/api/training/courses/{courseId}/sessions", new
            {
                heldOn = session.HeldOn, topic = session.Topic, presentEnrolmentIds = session.Present.Select(seat => enrolments[seat]).ToList(),
            }, cancellationToken, HttpStatusCode.Created);
        }
    }

    /// <summary>Issues the certificates due and records who has a job after the course, each once.</summary>
    private async Task ConcludeAsync(string courseId, DemoCourse plan, JsonElement course, CancellationToken cancellationToken)
    {
        var outcome = course.GetProperty("outcome");
        if (plan.GrantsCertificates && outcome.GetProperty("certified").GetInt32() < outcome.GetProperty("completed").GetInt32())
        {
            await gateway.PostAsync($"/api/training/courses/{courseId}/certificates", null, cancellationToken);
        }
        if (outcome.GetProperty("employedAfter").GetInt32() == 0 && plan.EmployedAfter.Contains(true))
        {
            var enrolments = await EnrolmentsBySeatAsync(courseId, plan, cancellationToken);
            await gateway.PostAsync($"/api/training/courses/{courseId}/employment", new
            {
                outcomes = plan.EmployedAfter.Select((employed, seat) => new { enrolmentId = enrolments[seat], employed }).ToList(),
            }, cancellationToken);
        }
    }

    /// <summary>The enrolment ids of the course's seated trainees, by the plan's seat (matched on the trainee's phone).</summary>
    private async Task<List<string>> EnrolmentsBySeatAsync(string courseId, DemoCourse plan, CancellationToken cancellationToken)
    {
        var roster = (await gateway.GetAsync($"/api/training/courses/{courseId}/enrolments", cancellationToken)).EnumerateArray()
            .Where(e => e.GetProperty("status").GetString() == "Enrolled")
            .ToDictionary(e => e.GetProperty("trainee").GetProperty("phone").GetString()!, e => e.GetProperty("enrolmentId").GetString()!);
        return plan.Trainees.Select(t => roster[t.Phone]).ToList();
    }

    /// <summary>The course summary inside a course's details.</summary>
    private static JsonElement Summary(JsonElement courseOrDetails) =>
        courseOrDetails.TryGetProperty("course", out var summary) ? summary : courseOrDetails;
}

using KhuyenCong.Training.Domain;

namespace KhuyenCong.Training.Api;

/// <summary>
/// Plans a course or revises its plan. The location is an administrative unit code with its display
/// name and district, or the unit of a known host establishment (given by tax code); explicit fields win.
/// </summary>
public sealed record CoursePlanRequest(
    CourseType? Type,
    string? Title,
    string? Trade,
    string? AdministrativeUnitCode,
    string? Location,
    string? District,
    string? HostEstablishmentTaxCode,
    int? PlanYear,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? Capacity,
    long? Budget,
    IReadOnlyList<string>? Instructors);

public sealed record CancelCourseRequest(string? Reason);

public sealed record SeatsResponse(int Capacity, int Enrolled, int Waiting, int Free);

/// <summary>Outcome counts of a course; no personal data.</summary>
public sealed record OutcomeResponse(int Completed, int Certified, int EmployedAfter);

public sealed record SessionResponse(int Number, DateOnly HeldOn, string Topic, int Present)
{
    public static SessionResponse From(Session s) => new(s.Number, s.HeldOn, s.Topic, s.Present.Count);
}

public sealed record CourseSummary(
    Guid Id,
    CourseType Type,
    int ContentGroup,
    string Title,
    string Trade,
    string AdministrativeUnitCode,
    string Location,
    string District,
    int PlanYear,
    DateOnly? StartDate,
    DateOnly? EndDate,
    long Budget,
    IReadOnlyList<string> Instructors,
    Guid? FundingProposalId,
    string? FundingProposalCode,
    CourseStatus Status,
    SeatsResponse Seats,
    OutcomeResponse Outcome)
{
    public static CourseSummary From(Course c) => new(
        c.Id, c.Type, c.ContentGroup, c.Title, c.Trade, c.Location.AdministrativeUnitCode, c.Location.Name, c.Location.District,
        c.PlanYear, c.StartDate, c.EndDate, c.Budget, c.Instructors, c.FundingProposalId, c.FundingProposalCode, c.Status,
        new SeatsResponse(c.Capacity, c.Seated.Count(), c.WaitingList.Count(), c.FreeSeats),
        new OutcomeResponse(
            c.Seated.Count(e => e.Completed == true),
            c.Seated.Count(e => e.CertificateNumber is not null),
            c.Seated.Count(e => e.EmployedAfter == true)));
}

public sealed record CourseDetails(
    CourseSummary Course,
    IReadOnlyList<SessionResponse> Sessions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    decimal? MinimumAttendance,
    DateTimeOffset? CancelledAt,
    string? CancellationReason)
{
    public static CourseDetails From(Course c) => new(
        CourseSummary.From(c), c.Sessions.OrderBy(s => s.Number).Select(SessionResponse.From).ToList(),
        c.CreatedAt, c.OpenedAt, c.StartedAt, c.CompletedAt, c.MinimumAttendance, c.CancelledAt, c.CancellationReason);
}


namespace KhuyenCong.Web.Api;

// The shapes of the Training service.

public enum CourseStatus { Planned = 1, OpenForEnrolment = 2, InProgress = 3, Completed = 4, Cancelled = 5 }

public enum EnrolmentStatus { Enrolled = 1, Waiting = 2, Withdrawn = 3 }

public enum Gender { Female = 1, Male = 2 }

public sealed class CoursePlanRequest
{
    public CourseType? Type { get; set; }
    public string? Title { get; set; }
    public string? Trade { get; set; }
    public string? AdministrativeUnitCode { get; set; }
    public string? Location { get; set; }
    public string? District { get; set; }
    public string? HostEstablishmentTaxCode { get; set; }
    public int? PlanYear { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? Capacity { get; set; }
    public long? Budget { get; set; }
    public List<string> Instructors { get; set; } = [];
}

public sealed record Seats(int Capacity, int Enrolled, int Waiting, int Free);
public sealed record CourseOutcome(int Completed, int Certified, int EmployedAfter);
public sealed record CourseSession(int Number, DateOnly HeldOn, string Topic, int Present);

public sealed record CourseSummary(
    Guid Id, CourseType Type, int ContentGroup, string Title, string Trade, string AdministrativeUnitCode, string Location,
    string District, int PlanYear, DateOnly? StartDate, DateOnly? EndDate, long Budget, IReadOnlyList<string> Instructors,
    Guid? FundingProposalId, string? FundingProposalCode, CourseStatus Status, Seats Seats, CourseOutcome Outcome);

public sealed record CourseDetails(
    CourseSummary Course, IReadOnlyList<CourseSession> Sessions, DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, decimal? MinimumAttendance, DateTimeOffset? CancelledAt, string? CancellationReason);

public sealed record TraineeEstablishment(Guid Id, string TaxCode, string Name, string District);

public sealed record Trainee(
    Guid Id, string FullName, int BirthYear, Gender Gender, string EthnicGroup, bool IsEthnicMinority, string? Phone, TraineeEstablishment? Establishment);

public sealed class RegisterTraineeRequest
{
    public string? FullName { get; set; }
    public int? BirthYear { get; set; }
    public Gender? Gender { get; set; }
    public string? EthnicGroup { get; set; }
    public string? Phone { get; set; }
    public string? EstablishmentTaxCode { get; set; }
}

public sealed class EnrolRequest
{
    public Guid? TraineeId { get; set; }
    public bool JoinWaitingList { get; set; }
}
public sealed record Enrolment(Guid Id, Guid TraineeId, int Number, EnrolmentStatus Status, int? WaitingPosition);
public sealed record Withdrawal(Enrolment Withdrawn, IReadOnlyList<Enrolment> Promoted);
public sealed class SessionRequest
{
    public DateOnly? HeldOn { get; set; }
    public string? Topic { get; set; }
    public List<Guid> PresentEnrolmentIds { get; set; } = [];
}
public sealed class CancelRequest
{
    public string? Reason { get; set; }
}
public sealed record EmploymentOutcome(Guid EnrolmentId, bool Employed);
public sealed class EmploymentRequest
{
    public List<EmploymentOutcome> Outcomes { get; set; } = [];
}

public sealed record RosterEntry(
    Guid EnrolmentId, int Number, EnrolmentStatus Status, int? WaitingPosition, Trainee Trainee, int SessionsAttended,
    decimal Attendance, bool? Completed, string? CertificateNumber, DateOnly? CertificateIssuedOn, bool? EmployedAfter);

public sealed record TrainingCertificate(Guid EnrolmentId, Guid TraineeId, string FullName, string Number, DateOnly IssuedOn);

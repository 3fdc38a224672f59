using KhuyenCong.Training.Domain;

namespace KhuyenCong.Training.Api;

public sealed record EnrolRequest(Guid? TraineeId, bool JoinWaitingList = false);

public sealed record SessionRequest(DateOnly? HeldOn, string? Topic, IReadOnlyList<Guid>? PresentEnrolmentIds);

public sealed record AttendanceRequest(IReadOnlyList<Guid>? PresentEnrolmentIds);

public sealed record EmploymentOutcome(Guid? EnrolmentId, bool? Employed);

public sealed record EmploymentRequest(IReadOnlyList<EmploymentOutcome>? Outcomes);

/// <summary>A seat or waiting place, without personal data.</summary>
public sealed record EnrolmentResponse(Guid Id, Guid TraineeId, int Number, EnrolmentStatus Status, int? WaitingPosition)
{
    public static EnrolmentResponse From(Course course, Enrolment e) => new(e.Id, e.TraineeId, e.Number, e.Status, WaitingPositionOf(course, e));

    internal static int? WaitingPositionOf(Course course, Enrolment e) =>
        e.Status == EnrolmentStatus.Waiting ? course.WaitingList.TakeWhile(w => w.Id != e.Id).Count() + 1 : null;
}

/// <summary>The withdrawn enrolment and the waiting trainees who took the freed seats.</summary>
public sealed record WithdrawalResponse(EnrolmentResponse Withdrawn, IReadOnlyList<EnrolmentResponse> Promoted);

/// <summary>A line of a course's roster, with the trainee's personal data: for officers only.</summary>
public sealed record RosterEntry(
    Guid EnrolmentId,
    int Number,
    EnrolmentStatus Status,
    int? WaitingPosition,
    TraineeDetails Trainee,
    int SessionsAttended,
    decimal Attendance,
    bool? Completed,
    string? CertificateNumber,
    DateOnly? CertificateIssuedOn,
    bool? EmployedAfter);

public sealed record CertificateResponse(Guid EnrolmentId, Guid TraineeId, string FullName, string Number, DateOnly IssuedOn);

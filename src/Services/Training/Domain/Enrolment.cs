namespace KhuyenCong.Training.Domain;

public enum EnrolmentStatus
{
    Enrolled = 1,
    Waiting = 2,
    Withdrawn = 3,
}

/// <summary>A trainee's place in a course: a seat, a place on the waiting list, or a withdrawal.</summary>
public sealed class Enrolment
{
    private Enrolment() { }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid TraineeId { get; private set; }
    /// <summary>Order of the request within the course; the waiting list is served in this order.</summary>
    public int Number { get; private set; }
    public EnrolmentStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    /// <summary>When the trainee got a seat (at once, or on promotion from the waiting list).</summary>
    public DateTimeOffset? EnrolledAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Set when the course is completed: whether the trainee reached the minimum attendance.</summary>
    public bool? Completed { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertificateIssuedOn { get; private set; }
    /// <summary>Recorded after the course: whether the trainee has or kept a job.</summary>
    public bool? EmployedAfter { get; private set; }

    internal static Enrolment Create(Guid courseId, Guid traineeId, int number, bool seated, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CourseId = courseId,
        TraineeId = traineeId,
        Number = number,
        Status = seated ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waiting,
        RequestedAt = now,
        EnrolledAt = seated ? now : null,
    };

    internal void Seat(DateTimeOffset now)
    {
        Status = EnrolmentStatus.Enrolled;
        EnrolledAt = now;
    }

    internal void Withdraw(DateTimeOffset now)
    {
        Status = EnrolmentStatus.Withdrawn;
        WithdrawnAt = now;
    }

    internal void Conclude(bool completed) => Completed = completed;

    internal void Certify(string number, DateOnly issuedOn)
    {
        CertificateNumber = number;
        CertificateIssuedOn = issuedOn;
    }

    internal void RecordEmployment(bool employed) => EmployedAfter = employed;
}

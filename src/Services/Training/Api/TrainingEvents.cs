using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Training;
using KhuyenCong.Training.Domain;

namespace KhuyenCong.Training.Api;

/// <summary>Maps the domain to the integration events other services rely on.</summary>
internal static class TrainingEvents
{
    private static CourseProfile Profile(Course c) => new()
    {
        Title = c.Title,
        Type = (Contracts.Training.CourseType)c.Type,
        ContentGroup = (ContentGroup)c.ContentGroup,
        Trade = c.Trade,
        AdministrativeUnitCode = c.Location.AdministrativeUnitCode,
        Location = c.Location.Name,
        District = c.Location.District,
        PlanYear = c.PlanYear,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        Capacity = c.Capacity,
        Budget = c.Budget,
        FundingProposalId = c.FundingProposalId,
        FundingProposalCode = c.FundingProposalCode,
    };

    private static TraineeCount Count(TraineeTally tally) => new()
    {
        Total = tally.Total,
        Female = tally.Female,
        EthnicMinority = tally.EthnicMinority,
    };

    public static CourseScheduled Scheduled(Course c, string actedBy) => new()
    {
        CourseId = c.Id,
        Revision = c.Revision,
        Course = Profile(c),
        ScheduledAt = c.OpenedAt ?? throw new InvalidOperationException("A scheduled course has an opening time."),
        ActedBy = actedBy,
    };

    /// <summary>The completion figures as they stand; <see cref="Course.Revision"/> orders successive snapshots.</summary>
    public static CourseCompleted Completed(Course c, IReadOnlyDictionary<Guid, Trainee> trainees, string actedBy)
    {
        var figures = CourseFigures.Of(c, trainees);
        return new CourseCompleted
        {
            CourseId = c.Id,
            Revision = c.Revision,
            Course = Profile(c),
            Enrolled = Count(figures.Enrolled),
            Completed = Count(figures.Completed),
            Certified = Count(figures.Certified),
            EmployedAfter = Count(figures.EmployedAfter),
            MinimumAttendance = c.MinimumAttendance ?? throw new InvalidOperationException("A completed course records its minimum attendance."),
            CompletedAt = c.CompletedAt ?? throw new InvalidOperationException("A completed course has a completion time."),
            ActedBy = actedBy,
        };
    }

    public static CourseCancelled Cancelled(Course c, CourseStatus previousStatus, string actedBy) => new()
    {
        CourseId = c.Id,
        Course = Profile(c),
        PreviousStatus = previousStatus.ToString(),
        Reason = c.CancellationReason ?? "",
        CancelledAt = c.CancelledAt ?? throw new InvalidOperationException("A cancelled course has a cancellation time."),
        ActedBy = actedBy,
    };
}

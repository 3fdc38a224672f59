namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// The reporting copy of one course. Schedules and completion figures are republished with a higher
/// revision when they change: the highest revision of each replaces the figures (never adds to them).
/// A completion outranks a cancellation, which outranks a schedule, whatever order they arrive in.
/// </summary>
public sealed class CourseFact
{
    private CourseFact() { }

    public Guid CourseId { get; private set; }
    public CourseStage Stage { get; private set; }
    public int ScheduledRevision { get; private set; }
    public int CompletedRevision { get; private set; }
    public string Title { get; private set; } = "";
    public int CourseType { get; private set; }
    public int ContentGroup { get; private set; }
    public string District { get; private set; } = "";
    public int PlanYear { get; private set; }
    public int Capacity { get; private set; }
    public long Budget { get; private set; }
    public Guid? FundingProposalId { get; private set; }
    public int EnrolledTotal { get; private set; }
    public int EnrolledFemale { get; private set; }
    public int EnrolledEthnicMinority { get; private set; }
    public int CompletedTotal { get; private set; }
    public int CompletedFemale { get; private set; }
    public int CompletedEthnicMinority { get; private set; }
    public int CertifiedTotal { get; private set; }
    public int CertifiedFemale { get; private set; }
    public int CertifiedEthnicMinority { get; private set; }
    public int EmployedAfter { get; private set; }

    public static CourseFact For(Guid courseId) => new() { CourseId = courseId };

    public void Scheduled(int revision, CourseDetails details)
    {
        if (revision <= ScheduledRevision)
        {
            return;
        }
        ScheduledRevision = revision;
        if (Stage <= CourseStage.Scheduled)
        {
            Stage = CourseStage.Scheduled;
            Apply(details);
        }
    }

    public void Cancelled(CourseDetails details)
    {
        if (Stage < CourseStage.Cancelled)
        {
            Stage = CourseStage.Cancelled;
            Apply(details);
        }
    }

    public void Finished(int revision, CourseDetails details, TraineeFigures enrolled, TraineeFigures completed, TraineeFigures certified, int employedAfter)
    {
        if (revision <= CompletedRevision)
        {
            return;
        }
        CompletedRevision = revision;
        Stage = CourseStage.Completed;
        Apply(details);
        (EnrolledTotal, EnrolledFemale, EnrolledEthnicMinority) = enrolled;
        (CompletedTotal, CompletedFemale, CompletedEthnicMinority) = completed;
        (CertifiedTotal, CertifiedFemale, CertifiedEthnicMinority) = certified;
        EmployedAfter = employedAfter;
    }

    private void Apply(CourseDetails d)
    {
        Title = d.Title;
        CourseType = d.CourseType;
        ContentGroup = d.ContentGroup;
        District = d.District;
        PlanYear = d.PlanYear;
        Capacity = d.Capacity;
        Budget = d.Budget;
        FundingProposalId = d.FundingProposalId;
    }
}

public enum CourseStage
{
    Scheduled = 1,
    Cancelled = 2,
    Completed = 3,
}

public sealed record CourseDetails(
    string Title, int CourseType, int ContentGroup, string District, int PlanYear, int Capacity, long Budget, Guid? FundingProposalId);

/// <summary>How many trainees, and how many of them women and of an ethnic minority.</summary>
public sealed record TraineeFigures(int Total, int Female, int EthnicMinority);

namespace KhuyenCong.Contracts.Training;

/// <summary>The kinds of course the programme runs (content groups 1 and 2, and staff training of group 9).</summary>
public enum CourseType
{
    /// <summary>Vocational training (đào tạo nghề).</summary>
    VocationalTraining = 1,
    /// <summary>Craft teaching (truyền nghề).</summary>
    CraftTeaching = 2,
    /// <summary>Skill upgrading (nâng cao tay nghề).</summary>
    SkillUpgrading = 3,
    /// <summary>Management or marketing course for establishment leaders.</summary>
    ManagementCourse = 4,
    /// <summary>Training of khuyến công staff and collaborators.</summary>
    StaffTraining = 5,
    /// <summary>Workshop (hội thảo).</summary>
    Workshop = 6,
    /// <summary>Study tour (tham quan, khảo sát học tập).</summary>
    StudyTour = 7,
}

/// <summary>
/// What a course is, repeated in every course event so that a consumer needs no earlier event and never
/// calls back. Amounts are whole VND (đồng).
/// </summary>
public sealed record CourseProfile
{
    public required string Title { get; init; }
    public required CourseType Type { get; init; }
    public required ContentGroup ContentGroup { get; init; }
    /// <summary>The trade or occupation taught (nghề); empty while a course from a proposal is not yet planned in detail.</summary>
    public required string Trade { get; init; }
    public required string AdministrativeUnitCode { get; init; }
    /// <summary>Display name of the place where the course is held.</summary>
    public required string Location { get; init; }
    /// <summary>The district-level unit for reports (for a post-2025 commune, the district it was formed from).</summary>
    public required string District { get; init; }
    public required int PlanYear { get; init; }
    /// <summary>Set once the course is scheduled (always set in <see cref="CourseScheduled"/> and <see cref="CourseCompleted"/>).</summary>
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>Seats; 0 while a course from a proposal is not yet planned in detail.</summary>
    public required int Capacity { get; init; }
    public required long Budget { get; init; }
    /// <summary>The approved proposal that funds the course, if any.</summary>
    public Guid? FundingProposalId { get; init; }
    public string? FundingProposalCode { get; init; }
}

/// <summary>How many trainees a figure counts, and how many of them are women and of an ethnic minority (not Kinh).</summary>
public sealed record TraineeCount
{
    public required int Total { get; init; }
    public required int Female { get; init; }
    public required int EthnicMinority { get; init; }
}

/// <summary>
/// A course was opened for enrolment with its dates and capacity. Published again, with a higher
/// <see cref="Revision"/>, when the plan of the open course is revised: a consumer keeps the highest revision.
/// </summary>
public sealed record CourseScheduled
{
    public required Guid CourseId { get; init; }
    public required int Revision { get; init; }
    public required CourseProfile Course { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>
/// The figures of a completed course. Published at completion and again, with a higher
/// <see cref="Revision"/>, when the figures change afterwards (certificates issued, employment after
/// the course recorded): a consumer keeps the highest revision of a course.
/// </summary>
public sealed record CourseCompleted
{
    public required Guid CourseId { get; init; }
    public required int Revision { get; init; }
    public required CourseProfile Course { get; init; }
    /// <summary>Trainees who held a seat (waiting list and withdrawals excluded).</summary>
    public required TraineeCount Enrolled { get; init; }
    /// <summary>Enrolled trainees who reached the minimum attendance.</summary>
    public required TraineeCount Completed { get; init; }
    public required TraineeCount Certified { get; init; }
    /// <summary>Trainees recorded as having or keeping a job after the course.</summary>
    public required TraineeCount EmployedAfter { get; init; }
    /// <summary>The minimum share of sessions attended that completion required (0.8 = 80 %).</summary>
    public required decimal MinimumAttendance { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A course was cancelled before it was completed.</summary>
public sealed record CourseCancelled
{
    public required Guid CourseId { get; init; }
    public required CourseProfile Course { get; init; }
    public required string PreviousStatus { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
    public string? ActedBy { get; init; }
}

namespace KhuyenCong.Proposals.Domain;

public enum FollowUpStatus
{
    Scheduled = 1,
    Overdue = 2,
    Done = 3,
}

/// <summary>What a post-support evaluation found.</summary>
public sealed record Evaluation(
    DateOnly EvaluatedOn, long Revenue, int Jobs, long AverageWage, bool EquipmentInUse, int Rating, string Notes);

/// <summary>
/// A post-support evaluation (đánh giá sau hỗ trợ) scheduled at acceptance: due a number of months
/// after it. Overdue once its due date has passed without an evaluation.
/// </summary>
public sealed class FollowUp
{
    private FollowUp() { }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public int MonthsAfterAcceptance { get; private set; }
    public DateOnly DueOn { get; private set; }
    public FollowUpStatus Status { get; private set; }
    public Evaluation? Evaluation { get; private set; }
    public DateTimeOffset? MarkedOverdueAt { get; private set; }

    internal static FollowUp Schedule(Guid proposalId, DateOnly acceptedOn, int months) => new()
    {
        Id = Guid.CreateVersion7(),
        ProposalId = proposalId,
        MonthsAfterAcceptance = months,
        DueOn = acceptedOn.AddMonths(months),
        Status = FollowUpStatus.Scheduled,
    };

    /// <summary>
    /// What the evaluation is on <paramref name="today"/>: a scheduled one past its due date is overdue even
    /// before the monitor has marked it (and published its event), so every list and count is right at once.
    /// </summary>
    public FollowUpStatus StatusOn(DateOnly today) =>
        Status == FollowUpStatus.Scheduled && DueOn < today ? FollowUpStatus.Overdue : Status;

    /// <summary>Marks the evaluation overdue when its due date is before <paramref name="today"/>; true when it changed.</summary>
    public bool MarkOverdueIfLate(DateOnly today, DateTimeOffset now)
    {
        if (Status != FollowUpStatus.Scheduled || DueOn >= today)
        {
            return false;
        }
        Status = FollowUpStatus.Overdue;
        MarkedOverdueAt = now;
        return true;
    }

    internal bool Record(Evaluation evaluation)
    {
        if (Status == FollowUpStatus.Done)
        {
            throw new ProposalRuleException("follow-up-done", RuleKind.Conflict, $"The {MonthsAfterAcceptance}-month evaluation is already recorded.")
            {
                Vietnamese = $"Đánh giá sau {MonthsAfterAcceptance} tháng đã được ghi nhận.",
            };
        }
        if (evaluation.Rating is < 1 or > 5)
        {
            throw new ProposalRuleException("invalid-rating", RuleKind.Unprocessable, "A rating is 1 (poor) to 5 (very good).")
            {
                Vietnamese = "Mức đánh giá từ 1 (kém) đến 5 (rất tốt).",
            };
        }
        var wasOverdue = Status == FollowUpStatus.Overdue || evaluation.EvaluatedOn > DueOn;
        Evaluation = evaluation;
        Status = FollowUpStatus.Done;
        return wasOverdue;
    }
}

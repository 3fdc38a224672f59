namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// A post-support evaluation of an accepted proposal: scheduled at acceptance, recorded later, or
/// reported overdue. Any of the three events may arrive first; a recorded evaluation stays recorded.
/// </summary>
public sealed class FollowUpFact
{
    private FollowUpFact() { }

    public Guid FollowUpId { get; private set; }
    public Guid ProposalId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public int? MonthsAfterAcceptance { get; private set; }
    public DateOnly? EvaluatedOn { get; private set; }
    public bool WasOverdue { get; private set; }
    public bool ReportedOverdue { get; private set; }

    public static FollowUpFact For(Guid followUpId, Guid proposalId, DateOnly dueOn) =>
        new() { FollowUpId = followUpId, ProposalId = proposalId, DueOn = dueOn };

    public void Scheduled(int monthsAfterAcceptance, DateOnly dueOn)
    {
        MonthsAfterAcceptance = monthsAfterAcceptance;
        DueOn = dueOn;
    }

    public void Recorded(DateOnly evaluatedOn, bool wasOverdue)
    {
        EvaluatedOn = evaluatedOn;
        WasOverdue = wasOverdue;
    }

    public void Overdue() => ReportedOverdue = true;
}

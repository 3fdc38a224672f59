namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// One proposal of the province's list of national proposals of a plan year: the national support asked and the
/// dispatch that sent it to the Ministry (<c>NationalSubmissionSent</c>), and the Ministry's decision on it, approved
/// with an amount or not selected (<c>NationalDecisionRecorded</c>). A list is sent once and a decision recorded once,
/// so each event only fills in its own part: redelivered, it writes the same values again, and a decision arriving
/// before the list it belongs to leaves the list's part for the list's event to fill.
/// </summary>
public sealed class NationalProposalFact
{
    private NationalProposalFact() { }

    public Guid ProposalId { get; private set; }
    public Guid SubmissionId { get; private set; }
    public int PlanYear { get; private set; }
    public string Code { get; private set; } = "";
    /// <summary>0 until the list's event arrives.</summary>
    public int ContentGroup { get; private set; }
    public string District { get; private set; } = "";
    /// <summary>The national support asked; null until the list's event arrives.</summary>
    public long? RequestedSupport { get; private set; }
    public string? DispatchNumber { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public bool SentLate { get; private set; }
    /// <summary>Approved or NotSelected; null while the Ministry's decision is awaited.</summary>
    public string? Outcome { get; private set; }
    /// <summary>The amount the Ministry approved; null unless approved.</summary>
    public long? ApprovedSupport { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }

    public static NationalProposalFact For(Guid proposalId, Guid submissionId, int planYear, string code) => new()
    {
        ProposalId = proposalId, SubmissionId = submissionId, PlanYear = planYear, Code = code,
    };

    public void Sent(int contentGroup, string district, long requestedSupport, string dispatchNumber, DateOnly sentOn, bool late)
    {
        ContentGroup = contentGroup;
        District = district;
        RequestedSupport = requestedSupport;
        DispatchNumber = dispatchNumber;
        SentOn = sentOn;
        SentLate = late;
    }

    public void Decided(string outcome, long? approvedSupport, string decisionNumber, DateOnly decisionDate)
    {
        Outcome = outcome;
        ApprovedSupport = outcome == "Approved" ? approvedSupport : null;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
    }
}

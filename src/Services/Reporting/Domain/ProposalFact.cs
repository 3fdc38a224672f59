namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// The reporting copy of one proposal, built from its events. Events may arrive out of order (an
/// approval before the submission it follows), so each event carries the full figures and a later
/// stage is never overwritten by an earlier one.
/// </summary>
public sealed class ProposalFact
{
    private ProposalFact() { }

    public Guid ProposalId { get; private set; }
    public string Code { get; private set; } = "";
    public int PlanYear { get; private set; }
    public string District { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public string FundingSource { get; private set; } = "";
    public ProposalStage Stage { get; private set; }
    public long TotalBudget { get; private set; }
    public long RequestedSupport { get; private set; }
    public long OwnCapital { get; private set; }
    public long OtherSources { get; private set; }
    public long? ApprovedSupport { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public static ProposalFact For(Guid proposalId) => new() { ProposalId = proposalId };

    public void Submitted(ProposalFigures figures, DateTimeOffset submittedAt)
    {
        SubmittedAt = submittedAt;
        if (Stage < ProposalStage.Submitted)
        {
            Stage = ProposalStage.Submitted;
            Apply(figures);
        }
    }

    public void Approved(ProposalFigures figures, long approvedSupport, DateTimeOffset approvedAt)
    {
        Stage = ProposalStage.Approved;
        Apply(figures);
        ApprovedSupport = approvedSupport;
        ApprovedAt = approvedAt;
    }

    private void Apply(ProposalFigures f)
    {
        Code = f.Code;
        PlanYear = f.PlanYear;
        District = f.District;
        ContentGroup = f.ContentGroup;
        FundingSource = f.FundingSource;
        TotalBudget = f.TotalBudget;
        RequestedSupport = f.RequestedSupport;
        OwnCapital = f.OwnCapital;
        OtherSources = f.OtherSources;
    }
}

public enum ProposalStage
{
    Submitted = 1,
    Approved = 2,
}

public sealed record ProposalFigures(
    string Code, int PlanYear, string District, int ContentGroup, string FundingSource,
    long TotalBudget, long RequestedSupport, long OwnCapital, long OtherSources);

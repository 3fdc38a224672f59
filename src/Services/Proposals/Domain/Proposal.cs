namespace KhuyenCong.Proposals.Domain;

/// <summary>A khuyến công proposal (đề án) from draft through approval.</summary>
public sealed class Proposal
{
    private Proposal() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public FundingSource FundingSource { get; private set; }
    public int PlanYear { get; private set; }
    public int ContentGroup { get; private set; }
    public string EstablishmentTaxCode { get; private set; } = "";
    public string District { get; private set; } = "";
    public Budget Budget { get; private set; } = new(0, 0, 0);
    public ProposalStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Approval? Approval { get; private set; }
    /// <summary>Concurrency token: two officers acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public static Proposal CreateDraft(
        string code, string title, FundingSource fundingSource, int planYear, int contentGroup,
        string establishmentTaxCode, string district, Budget budget, DateTimeOffset now)
    {
        if (contentGroup is < 1 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(contentGroup), contentGroup, "Content groups are 1 to 9 (Decree 45, Art. 4).");
        }
        return new Proposal
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Title = title,
            FundingSource = fundingSource,
            PlanYear = planYear,
            ContentGroup = contentGroup,
            EstablishmentTaxCode = establishmentTaxCode,
            District = district,
            Budget = budget,
            Status = ProposalStatus.Draft,
            CreatedAt = now,
        };
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.Draft, "submit");
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
    }

    /// <summary>Approves the state support by a decision; the support cannot exceed what the proposal asked for.</summary>
    public void Approve(long approvedSupport, string decisionNumber, DateOnly decisionDate, DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.Submitted, "approve");
        if (approvedSupport <= 0)
        {
            throw new ProposalRuleException("invalid-support", RuleKind.Unprocessable, "The approved support must be greater than zero.");
        }
        if (approvedSupport > Budget.StateSupport)
        {
            throw new ProposalRuleException("support-exceeds-request", RuleKind.Unprocessable,
                $"The approved support of {approvedSupport:N0} VND exceeds the {Budget.StateSupport:N0} VND of state support the proposal requested.");
        }
        Status = ProposalStatus.Approved;
        Approval = new Approval(approvedSupport, decisionNumber, decisionDate, now);
    }

    private void EnsureStatus(ProposalStatus required, string action)
    {
        if (Status != required)
        {
            throw new ProposalRuleException("illegal-transition", RuleKind.Conflict,
                $"Cannot {action} proposal {Code}: it is {Status}, and only a {required} proposal can be {action}{(action.EndsWith('e') ? "d" : "ed")}.");
        }
    }
}

using KhuyenCong.Contracts.Proposals;
namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// The reporting copy of one proposal, built from its events. Events may arrive out of order and
/// twice, so every change is order-tolerant: the status is the move with the highest sequence, the
/// profile comes from the furthest lifecycle event seen (and among those from the highest amendment
/// revision), the approved support from the latest amendment seen, advances and refunds only grow, and
/// each milestone (approval, acceptance, settlement, cancellation) is kept once it is known.
/// </summary>
public sealed class ProposalFact
{
    private ProposalFact() { }

    public Guid ProposalId { get; private set; }
    public string Code { get; private set; } = "";
    /// <summary>The furthest lifecycle event seen (0 = none yet: only status moves are known).</summary>
    public ProposalStage Stage { get; private set; }
    public string Status { get; private set; } = "";
    /// <summary>Sequence of the status move <see cref="Status"/> comes from (0 = implied by <see cref="Stage"/>).</summary>
    public int StatusSequence { get; private set; }

    public int PlanYear { get; private set; }
    public string District { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public string FundingSource { get; private set; } = "";
    public int Sector { get; private set; }
    public string[] EstablishmentTaxCodes { get; private set; } = [];
    public long TotalBudget { get; private set; }
    public long RequestedSupport { get; private set; }
    public long OwnCapital { get; private set; }
    public long OtherSources { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public long? ApprovedSupport { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? RejectedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public long AdvancesPaid { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public long ActualSupportUsed { get; private set; }
    public int JobsCreated { get; private set; }
    public long AverageWage { get; private set; }
    public DateOnly? SettledOn { get; private set; }
    public long? SettledSupport { get; private set; }
    /// <summary>The amendment the profile's figures come from (0 = as approved).</summary>
    public int ProfileRevision { get; private set; }
    /// <summary>The amendment <see cref="ApprovedSupport"/> comes from (0 = the approval decision).</summary>
    public int SupportRevision { get; private set; }
    /// <summary>Every refund of unused support recorded so far.</summary>
    public long Refunded { get; private set; }
    public string Title { get; private set; } = "";
    public string ImplementingUnit { get; private set; } = "";
    /// <summary>The years of a multi-year pilot proposal (đề án điểm); null for a one-year proposal.</summary>
    public int? PilotStartYear { get; private set; }
    public int? PilotEndYear { get; private set; }
    /// <summary>A pilot's state support split by year from its start year; null for one published before the split existed.</summary>
    public long[]? PilotShares { get; private set; }
    /// <summary>The approval decision's number and date: the date places the approval in a reporting period.</summary>
    public string? ApprovalDecisionNumber { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    /// <summary>
    /// The decision under which the approval, or else an amendment raising the support, went beyond what remained of the
    /// budget envelope; once set it stays, whichever of the approval and the amendment arrives first.
    /// </summary>
    public string? PlanExceedanceDecisionNumber { get; private set; }

    public static ProposalFact For(Guid proposalId) => new() { ProposalId = proposalId };

    public bool IsApproved => ApprovedSupport is not null && CancelledAt is null;
    public bool IsAccepted => AcceptedOn is not null && CancelledAt is null;

    public void StatusChanged(string code, int sequence, string to)
    {
        Code = code;
        if (sequence > StatusSequence)
        {
            StatusSequence = sequence;
            Status = to;
        }
    }

    public void Submitted(ProposalFigures figures, DateTimeOffset submittedAt)
    {
        SubmittedAt = submittedAt;
        Reached(ProposalStage.Submitted, figures);
    }

    public void Approved(ProposalFigures figures, long approvedSupport, DateTimeOffset approvedAt)
    {
        if (SupportRevision == 0)
        {
            ApprovedSupport = approvedSupport;
        }
        ApprovedAt = approvedAt;
        Reached(ProposalStage.Approved, figures);
    }

    /// <summary>The approval decision (number, date) and, for an approval beyond the envelope, the decision that allowed it.</summary>
    public void ApprovalDecided(string decisionNumber, DateOnly decisionDate, string? planExceedanceDecisionNumber)
    {
        ApprovalDecisionNumber = decisionNumber;
        ApprovedOn = decisionDate;
        // An amendment beyond the envelope may have flagged the proposal before its approval arrived.
        PlanExceedanceDecisionNumber = planExceedanceDecisionNumber ?? PlanExceedanceDecisionNumber;
    }

    /// <summary>
    /// An amendment: the approved support of the latest amendment seen, and its profile; a raise beyond the envelope
    /// flags the proposal as over plan (the approval's own decision, when it has one, is kept).
    /// </summary>
    public void Amended(ProposalFigures figures, int revision, long approvedSupport, long advancesPaid, string? planExceedanceDecisionNumber = null)
    {
        PlanExceedanceDecisionNumber ??= planExceedanceDecisionNumber;
        if (revision > SupportRevision)
        {
            SupportRevision = revision;
            ApprovedSupport = approvedSupport;
        }
        Advanced(advancesPaid);
        Reached(ProposalStage.Approved, figures);
    }

    /// <summary>A refund, with every refund of the proposal so far.</summary>
    public void RefundRecorded(string code, long totalRefunded)
    {
        Code = code;
        Refunded = Math.Max(Refunded, totalRefunded);
    }

    public void Rejected(ProposalFigures figures, DateTimeOffset rejectedAt)
    {
        RejectedAt = rejectedAt;
        Reached(ProposalStage.Rejected, figures);
    }

    public void Cancelled(ProposalFigures figures, long advancesPaid, DateTimeOffset cancelledAt)
    {
        CancelledAt = cancelledAt;
        Advanced(advancesPaid);
        Reached(ProposalStage.Cancelled, figures);
    }

    public void AdvancePaid(string code, long totalAdvanced, long approvedSupport)
    {
        Code = code;
        ApprovedSupport ??= approvedSupport;
        Advanced(totalAdvanced);
    }

    public void Accepted(ProposalFigures figures, long approvedSupport, long actualSupportUsed, int jobsCreated, long averageWage, long advancesPaid, DateOnly acceptedOn)
    {
        ApprovedSupport ??= approvedSupport;
        AcceptedOn = acceptedOn;
        ActualSupportUsed = actualSupportUsed;
        JobsCreated = jobsCreated;
        AverageWage = averageWage;
        Advanced(advancesPaid);
        Reached(ProposalStage.Accepted, figures);
    }

    public void Settled(ProposalFigures figures, long approvedSupport, long settledSupport, long advancesPaid, DateOnly settledOn)
    {
        ApprovedSupport ??= approvedSupport;
        SettledOn = settledOn;
        SettledSupport = settledSupport;
        Advanced(advancesPaid);
        Reached(ProposalStage.Settled, figures);
    }

    /// <summary>What this proposal adds to the pre-aggregated figures (see <see cref="ProposalCell"/>).</summary>
    public ProposalCell Cell() => new(
        PlanYear, District, ContentGroup, FundingSource, Sector, Status,
        Proposals: 1,
        Approved: IsApproved ? 1 : 0,
        Accepted: IsAccepted ? 1 : 0,
        TotalBudget: IsApproved ? TotalBudget : 0,
        StateSupport: IsApproved ? ApprovedSupport!.Value : 0,
        OwnCapital: IsApproved ? OwnCapital : 0,
        OtherSources: IsApproved ? OtherSources : 0,
        SupportUsed: IsAccepted ? SettledSupport ?? ActualSupportUsed : 0,
        AdvancesOutstanding: SettledOn is null ? Math.Max(0, AdvancesPaid - Refunded) : 0,
        JobsCreated: IsAccepted ? JobsCreated : 0,
        WageBill: IsAccepted ? (long)JobsCreated * AverageWage : 0);

    private void Advanced(long total) => AdvancesPaid = Math.Max(AdvancesPaid, total);

    private void Reached(ProposalStage stage, ProposalFigures figures)
    {
        if (stage < Stage)
        {
            return;
        }
        Stage = stage;
        if (StatusSequence == 0)
        {
            Status = stage.ToString();
        }
        if (figures.Revision < ProfileRevision)
        {
            return;
        }
        ProfileRevision = figures.Revision;
        Code = figures.Code;
        PlanYear = figures.PlanYear;
        District = figures.District;
        ContentGroup = figures.ContentGroup;
        FundingSource = figures.FundingSource;
        Sector = figures.Sector;
        EstablishmentTaxCodes = [.. figures.EstablishmentTaxCodes];
        TotalBudget = figures.TotalBudget;
        RequestedSupport = figures.RequestedSupport;
        OwnCapital = figures.OwnCapital;
        OtherSources = figures.OtherSources;
        Title = figures.Title;
        ImplementingUnit = figures.ImplementingUnit;
        PilotStartYear = figures.PilotStartYear;
        PilotEndYear = figures.PilotEndYear;
        PilotShares = figures.PilotShares is null ? null : [.. figures.PilotShares];
    }

    /// <summary>
    /// The part of <paramref name="total"/> (a figure of the whole proposal) that falls in <paramref name="year"/>: all of it in
    /// the plan year of a proposal that is no pilot; a pilot's share of the year by its split (an even split of the support it
    /// asked when its events carried none, as Proposals split it).
    /// </summary>
    public long ShareOf(int year, long total)
    {
        if (PilotStartYear is not { } start || PilotEndYear is not { } end || end < start)
        {
            return year == PlanYear ? total : 0;
        }
        return PilotSplit.ShareOf(start, PilotShares ?? PilotSplit.Even(RequestedSupport, end - start + 1), year, total);
    }
}

/// <summary>The lifecycle events that carry a profile, in the order they happen; a cancellation ends any of them.</summary>
public enum ProposalStage
{
    Submitted = 1,
    Rejected = 2,
    Approved = 3,
    Accepted = 4,
    Settled = 5,
    Cancelled = 6,
}

public sealed record ProposalFigures(
    string Code, int PlanYear, string District, int ContentGroup, string FundingSource, int Sector,
    IReadOnlyList<string> EstablishmentTaxCodes,
    long TotalBudget, long RequestedSupport, long OwnCapital, long OtherSources, int Revision = 0,
    string Title = "", string ImplementingUnit = "", int? PilotStartYear = null, int? PilotEndYear = null, IReadOnlyList<long>? PilotShares = null);

/// <summary>
/// One proposal's contribution to the pre-aggregated proposal figures, keyed by its dimensions.
/// Figures of money are counted over approved (not cancelled) proposals; outcomes over accepted ones.
/// A proposal known only from status moves (a draft) has the empty dimensions (year 0, district "").
/// </summary>
public sealed record ProposalCell(
    int PlanYear, string District, int ContentGroup, string FundingSource, int Sector, string Status,
    int Proposals, int Approved, int Accepted,
    long TotalBudget, long StateSupport, long OwnCapital, long OtherSources,
    long SupportUsed, long AdvancesOutstanding, long JobsCreated, long WageBill);

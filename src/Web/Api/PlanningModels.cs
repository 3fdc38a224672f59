namespace KhuyenCong.Web.Api;

/// <summary>A decision on a budget envelope: the allocation that opens it, then additions and cuts.</summary>
public enum EnvelopeEntryKind
{
    Allocation = 1,
    Addition = 2,
    Cut = 3,
}

/// <summary>The allocation decision that opens the envelope of a plan year and funding source.</summary>
public sealed class AllocateBudgetRequest
{
    public int? PlanYear { get; set; }
    public FundingSource? FundingSource { get; set; }
    public long? Amount { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? Note { get; set; }
}

/// <summary>A later decision adding to or cutting an envelope.</summary>
public sealed class BudgetEntryRequest
{
    public EnvelopeEntryKind? Kind { get; set; }
    public long? Amount { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? Note { get; set; }
}

public sealed record EnvelopeEntry(
    Guid Id, EnvelopeEntryKind Kind, long Amount, string DecisionNumber, DateOnly DecisionDate, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The part of an envelope's figures of one content group (its number) or one district (its name).</summary>
public sealed record EnvelopeShare(string Key, int Proposals, long Committed, long Advanced, long Paid, long Settled, long Refunded);

/// <summary>
/// A budget envelope (dự toán được giao) and where it stands, as the Proposals service figures it: without an
/// envelope (<see cref="HasEnvelope"/> false) the figures of the approved proposals alone.
/// </summary>
public sealed record BudgetEnvelope(
    Guid? Id, int PlanYear, FundingSource FundingSource, bool HasEnvelope, long? Allocated, long Committed, long? Remaining,
    long Advanced, long Paid, long Settled, long Refunded, int Proposals, int ProposalsOverPlan,
    IReadOnlyList<EnvelopeEntry> Entries, IReadOnlyList<EnvelopeShare> ByContentGroup, IReadOnlyList<EnvelopeShare> ByDistrict);

/// <summary>A call for registration to open; without a deadline the service takes 20 May of the year before the plan year.</summary>
public sealed class OpenCallRequest
{
    public int? PlanYear { get; set; }
    public FundingSource? FundingSource { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? Deadline { get; set; }
    public List<int> ContentGroups { get; set; } = [];
}

/// <summary>A call for registration (đợt đăng ký) with how many proposals were filed against it and how many late.</summary>
public sealed record RegistrationCall(
    Guid Id, int PlanYear, FundingSource FundingSource, string Title, string Description, DateOnly Deadline, IReadOnlyList<int> ContentGroups,
    bool IsOpen, DateTimeOffset CreatedAt, string CreatedBy, int Proposals, int LateProposals)
{
    /// <summary>Whether a proposal of this year, source and content group may be filed against the call.</summary>
    public bool Accepts(int? planYear, FundingSource? fundingSource, int? contentGroup) =>
        IsOpen && planYear == PlanYear && fundingSource == FundingSource && (contentGroup is null || ContentGroups.Contains(contentGroup.Value));
}

/// <summary>
/// One proposal of a version of the plan: its rank in the Centre's ranking and the amount the plan gives it, with its
/// unit's priority and opinion as sent (null when it did not go through the unit's consolidation).
/// </summary>
public sealed record PlanItem(
    int Rank, Guid ProposalId, string Code, string Title, int ContentGroup, string District, decimal? AppraisalScore, long Amount, bool Approved,
    int? PilotStartYear = null, int? PilotEndYear = null, int? UnitPriority = null, UnitOpinion? UnitOpinion = null);

/// <summary>A version of the plan: the first the plan, later ones revisions; approved by a decision, then never changed.</summary>
public sealed record PlanVersion(
    int Number, bool IsRevision, bool IsApproved, string? Reason, DateTimeOffset CompiledAt, string CompiledBy, string? DecisionNumber,
    DateOnly? DecisionDate, DateTimeOffset? ApprovedAt, string? ApprovedBy, long Total, IReadOnlyList<PlanItem> Items);

/// <summary>The annual plan of a year and source with every version; the current one is the last approved.</summary>
public sealed record AnnualPlan(
    Guid Id, int PlanYear, FundingSource FundingSource, int? CurrentVersion, long? CurrentTotal, int? DraftVersion, IReadOnlyList<PlanVersion> Versions);

public sealed class CompilePlanRequest
{
    public int? PlanYear { get; set; }
    public FundingSource? FundingSource { get; set; }
    public string? Reason { get; set; }
}

public sealed class ApprovePlanRequest
{
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
}

/// <summary>Where the province's list of national proposals of a year stands.</summary>
public enum NationalSubmissionStatus
{
    Preparing = 1,
    Submitted = 2,
    Decided = 3,
}

/// <summary>What the Ministry decided on one proposal of the list.</summary>
public enum MinistryOutcome
{
    Approved = 1,
    NotSelected = 2,
}

/// <summary>One proposal of the list: what it asks, its dossier check, and the Ministry's decision.</summary>
public sealed record NationalSubmissionItem(
    Guid ProposalId, string ProposalCode, string Title, int ContentGroup, string District, long RequestedSupport, bool? DossierComplete,
    string? DossierNote, MinistryOutcome? Outcome, long? ApprovedSupport, string? DecisionNumber, DateOnly? DecisionDate);

/// <summary>The province's list of national proposals of a plan year sent to the Ministry (Circular 36/2013/TT-BCT).</summary>
public sealed record NationalSubmission(
    Guid Id, int PlanYear, NationalSubmissionStatus Status, DateOnly Deadline, bool IsLate, string? DispatchNumber, DateOnly? SentOn,
    long RequestedTotal, long ApprovedTotal, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    IReadOnlyList<NationalSubmissionItem> Items);

public sealed class DossierCheckRequest
{
    public bool? Complete { get; set; }
    public string? Note { get; set; }
}

public sealed class SubmitNationalListRequest
{
    public string? DispatchNumber { get; set; }
    public DateOnly? SentOn { get; set; }
}

public sealed class MinistryDecisionRequest
{
    public MinistryOutcome? Outcome { get; set; } = MinistryOutcome.Approved;
    public long? ApprovedSupport { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
}

/// <summary>Where a unit's consolidation of a call's registrations stands.</summary>
public enum UnitConsolidationStatus
{
    Preparing = 1,
    Sent = 2,
}

/// <summary>What the unit says of one proposal of its consolidation.</summary>
public enum UnitOpinion
{
    Recommend = 1,
    NotRecommend = 2,
}

/// <summary>One proposal of a unit's consolidation with the unit's priority, opinion and note.</summary>
public sealed record UnitConsolidationItem(
    Guid ProposalId, string ProposalCode, string Title, int ContentGroup, long RequestedSupport, int Priority, UnitOpinion? Opinion, string? Note);

/// <summary>A unit's consolidation of a call, its proposals in the unit's order of priority.</summary>
public sealed record UnitConsolidation(
    Guid Id, Guid CallId, string UnitCode, string UnitName, UnitConsolidationStatus Status, string? DispatchNumber, DateOnly? DispatchDate,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SentAt, string? SentBy, IReadOnlyList<UnitConsolidationItem> Items);

/// <summary>Where a unit stands with a call: its filed proposals and its consolidation's state (null while it has none).</summary>
public sealed record UnitConsolidationSummary(
    string UnitCode, string UnitName, int FiledProposals, UnitConsolidationStatus? Status, int Items, string? DispatchNumber, DateOnly? DispatchDate,
    DateTimeOffset? SentAt);

public sealed class AssessConsolidationItemRequest
{
    public int? Priority { get; set; }
    public UnitOpinion? Opinion { get; set; }
    public string? Note { get; set; }
}

public sealed class SendConsolidationRequest
{
    public string? DispatchNumber { get; set; }
    public DateOnly? DispatchDate { get; set; }
}

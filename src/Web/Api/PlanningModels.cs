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

namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// One decision on a budget envelope (dự toán được giao) of a plan year and funding source: the allocation,
/// an addition or a cut. Decisions are never changed, so the row is written once whatever the order or number
/// of deliveries; an envelope's allocated amount at a date is the signed sum of its decisions up to that date.
/// </summary>
public sealed class EnvelopeEntryFact
{
    private EnvelopeEntryFact() { }

    public Guid EntryId { get; private set; }
    public Guid EnvelopeId { get; private set; }
    public int PlanYear { get; private set; }
    public string FundingSource { get; private set; } = "";
    /// <summary>Allocation, Addition or Cut.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>What the decision adds to the allocated amount: a cut is negative.</summary>
    public long SignedAmount { get; private set; }
    public string DecisionNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }

    public static EnvelopeEntryFact Of(Guid entryId, Guid envelopeId, int planYear, string fundingSource, string kind, long amount, string decisionNumber, DateOnly decisionDate) => new()
    {
        EntryId = entryId,
        EnvelopeId = envelopeId,
        PlanYear = planYear,
        FundingSource = fundingSource,
        Kind = kind,
        SignedAmount = kind == "Cut" ? -amount : amount,
        DecisionNumber = decisionNumber,
        DecisionDate = decisionDate,
    };
}

/// <summary>
/// One approved version of an annual plan (kế hoạch khuyến công năm) of a plan year and funding source: the plan
/// itself (version 1) or a revision. Approved versions are never changed, so the row is written once, by plan and
/// version, whatever the order or number of deliveries; the plan in force is its highest version (decided by a
/// date, for figures cut at a date), so an older version arriving after a newer one never replaces it.
/// </summary>
public sealed class PlanVersionFact
{
    private PlanVersionFact() { }

    public Guid PlanId { get; private set; }
    public int VersionNumber { get; private set; }
    public int PlanYear { get; private set; }
    public string FundingSource { get; private set; } = "";
    public string DecisionNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }
    /// <summary>The support planned over the version's items.</summary>
    public long PlannedSupport { get; private set; }
    public int Items { get; private set; }

    public static PlanVersionFact Of(
        Guid planId, int versionNumber, int planYear, string fundingSource, string decisionNumber, DateOnly decisionDate, DateTimeOffset approvedAt,
        long plannedSupport, int items) => new()
        {
            PlanId = planId,
            VersionNumber = versionNumber,
            PlanYear = planYear,
            FundingSource = fundingSource,
            DecisionNumber = decisionNumber,
            DecisionDate = decisionDate,
            ApprovedAt = approvedAt,
            PlannedSupport = plannedSupport,
            Items = items,
        };
}

/// <summary>
/// One proposal in an approved version of a plan, with the dimensions the plan figures are cut by and the support
/// the version plans for it; written with its version (<see cref="PlanVersionFact"/>) and never changed.
/// </summary>
public sealed class PlanItemFact
{
    private PlanItemFact() { }

    public Guid PlanId { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid ProposalId { get; private set; }
    public int PlanYear { get; private set; }
    public string FundingSource { get; private set; } = "";
    public string Code { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public string District { get; private set; } = "";
    public long PlannedSupport { get; private set; }

    public static PlanItemFact Of(
        Guid planId, int versionNumber, Guid proposalId, int planYear, string fundingSource, string code, int contentGroup, string district,
        long plannedSupport) => new()
        {
            PlanId = planId,
            VersionNumber = versionNumber,
            ProposalId = proposalId,
            PlanYear = planYear,
            FundingSource = fundingSource,
            Code = code,
            ContentGroup = contentGroup,
            District = district,
            PlannedSupport = plannedSupport,
        };
}

public enum MoneyMovementKind
{
    /// <summary>An advance paid to the implementing unit (tạm ứng).</summary>
    Advance = 1,
    /// <summary>The balance paid after acceptance.</summary>
    Balance = 2,
    /// <summary>Unused support returned by the implementing unit (hoàn trả).</summary>
    Refund = 3,
}

/// <summary>
/// One payment or refund of a proposal, dated, so that plan-versus-actual figures can be cut at a period's
/// end. Keyed by the payment's or refund's own id: a redelivery changes nothing.
/// </summary>
public sealed class MoneyMovementFact
{
    private MoneyMovementFact() { }

    public Guid MovementId { get; private set; }
    public Guid ProposalId { get; private set; }
    public MoneyMovementKind Kind { get; private set; }
    public long Amount { get; private set; }
    public DateOnly On { get; private set; }

    public static MoneyMovementFact Of(Guid movementId, Guid proposalId, MoneyMovementKind kind, long amount, DateOnly on) =>
        new() { MovementId = movementId, ProposalId = proposalId, Kind = kind, Amount = amount, On = on };
}

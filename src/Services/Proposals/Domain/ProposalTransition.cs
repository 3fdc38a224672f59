namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// One entry in a proposal's history: who acted, when, and why. A status move (<see cref="Kind"/> =
/// <see cref="HistoryEntryKind.StatusChange"/>) goes from <see cref="From"/> to <see cref="To"/>; the other
/// kinds record what happened without a move (<see cref="From"/> = <see cref="To"/>). The business facts
/// travel with the entry, so the history reads without the rest of the proposal: the day the act bears
/// (decision, contract, payment...), the amount, the document number, the score and the fields an edit changed.
/// </summary>
public sealed record ProposalTransition(int Sequence, ProposalStatus? From, ProposalStatus To, DateTimeOffset At, string ActedBy, string? Reason)
{
    public HistoryEntryKind Kind { get; init; } = HistoryEntryKind.StatusChange;

    /// <summary>The actor's display name when they acted (null for entries recorded before names were kept).</summary>
    public string? ActedByName { get; init; }

    /// <summary>The day the act bears: the dossier's receipt, the decision, the contract, the payment, the acceptance...</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>The amount in đồng: the approved or settled support, a payment.</summary>
    public long? Amount { get; init; }

    /// <summary>The document the act rests on: a decision or contract number; for a payment its kind.</summary>
    public string? Document { get; init; }

    /// <summary>A score: a member's sheet total, the council's average.</summary>
    public decimal? Score { get; init; }

    /// <summary>For an edit, the fields it changed with their old and new values.</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}

/// <summary>What a history entry records.</summary>
public enum HistoryEntryKind
{
    StatusChange,
    PriorityOverride,
    Revision,
    Payment,
    AppraisalScored,
    AppraisalConflictDeclared,
    AppraisalCompleted,
    AttachmentAdded,
    AttachmentWithdrawn,
}

/// <summary>
/// One field an edit changed: its name as the API spells it and its old and new values in an invariant form
/// (numbers as digits, codes as their names), which a screen formats in its own language.
/// </summary>
public sealed record FieldChange(string Field, string? Old, string? New);

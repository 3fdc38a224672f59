namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The approval decision (quyết định phê duyệt): its number and date, the approved support in VND, and
/// what the norm in force that day allowed (the norm, its limit, the units covered and whether the
/// priority-area multiplier applied), kept so that a later norm change never rewrites history.
/// </summary>
public sealed record Approval(
    long ApprovedSupport, string DecisionNumber, DateOnly DecisionDate, DateTimeOffset ApprovedAt,
    Guid NormId, long SupportLimit, decimal AppraisalScore, int Units, bool PriorityArea);

/// <summary>The implementation contract signed after approval.</summary>
public sealed record ImplementationContract(string ContractNumber, DateOnly SignedOn);

/// <summary>Acceptance minutes (biên bản nghiệm thu): the actual figures.</summary>
public sealed record Acceptance(
    DateOnly AcceptedOn, long ActualTotalSpend, long ActualSupportUsed, long ActualOwnCapital, long ActualOtherSources,
    int JobsCreated, long AverageWage, string Outputs);

/// <summary>Settlement (quyết toán): the support the proposal finally receives.</summary>
public sealed record Settlement(DateOnly SettledOn, long SettledSupport, long RefundDue, long BalanceDue, bool IsLate);

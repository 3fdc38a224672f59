namespace KhuyenCong.Proposals.Domain;

/// <summary>The approval decision (quyết định phê duyệt): its number and date and the approved support in VND.</summary>
public sealed record Approval(long ApprovedSupport, string DecisionNumber, DateOnly DecisionDate, DateTimeOffset ApprovedAt);

namespace KhuyenCong.Proposals.Domain;

public enum PaymentKind
{
    /// <summary>Tạm ứng: paid during implementation, at most 70 % of the approved support in all.</summary>
    Advance = 1,
    /// <summary>The balance, paid only after acceptance.</summary>
    Balance = 2,
}

/// <summary>A payment of state support to the implementing unit.</summary>
public sealed record Payment(Guid Id, PaymentKind Kind, long Amount, DateOnly PaidOn, DateTimeOffset RecordedAt, string RecordedBy);

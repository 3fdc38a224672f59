namespace KhuyenCong.Contracts.Accounts;

/// <summary>
/// The whole current state of a user account of the identity service, published whenever the account is
/// created or its name, e-mail, roles, scope or lock change, so that a service keeps its copy of the accounts that may
/// sit on a council from one message. <see cref="Revision"/> grows with every change: a copy ignores a
/// revision it already holds or an older one, whatever order messages arrive in. The same revision may be
/// published again (a republish after a copy was lost); it carries the same state.
/// </summary>
public sealed record AccountChanged
{
    /// <summary>The account's id: the <c>sub</c> claim of its access tokens.</summary>
    public required string UserId { get; init; }
    public required long Revision { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    /// <summary>False while an administrator has locked the account.</summary>
    public required bool IsActive { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Where the platform writes to the person (reminders); null when the account has none.</summary>
    public string? Email { get; init; }

    /// <summary>A district officer's administrative unit code, as the <c>unit_code</c> claim carries it.</summary>
    public string? UnitCode { get; init; }

    /// <summary>A district officer's district name, as the <c>district</c> claim carries it.</summary>
    public string? District { get; init; }

    /// <summary>The tax code of the establishment an establishment user speaks for, as the <c>tax_code</c> claim carries it.</summary>
    public string? TaxCode { get; init; }
}

using KhuyenCong.Contracts.Accounts;

namespace KhuyenCong.Identity.Accounts;

/// <summary>
/// What the identity service last announced of an account (<see cref="AccountChanged"/>): the state, its
/// revision, and whether that revision has gone out. It is the service's outbox for account events, kept by
/// state rather than by message: a change of the account (by the users API, the seed, or anything else)
/// becomes the next revision, committed before it is published, so a revision number always names one state.
/// </summary>
public sealed class AccountPublication
{
    private AccountPublication() { }

    public string UserId { get; private set; } = "";
    public long Revision { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    public bool IsActive { get; private set; }
    public string? Email { get; private set; }
    public string? UnitCode { get; private set; }
    public string? District { get; private set; }
    public string? TaxCode { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>When this revision was published; null while it waits (new, changed, or asked to go out again).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public static AccountPublication First(AccountState state, DateTimeOffset now)
    {
        var publication = new AccountPublication { UserId = state.UserId };
        publication.Take(state, now);
        return publication;
    }

    /// <summary>Whether the account differs from what was last announced.</summary>
    public bool Differs(AccountState state) =>
        UserName != state.UserName || DisplayName != state.DisplayName || IsActive != state.IsActive || !Roles.SequenceEqual(state.Roles)
        || Email != state.Email || UnitCode != state.UnitCode || District != state.District || TaxCode != state.TaxCode;

    /// <summary>Records the account's new state as the next revision, to be published.</summary>
    public void Take(AccountState state, DateTimeOffset now)
    {
        Revision++;
        UserName = state.UserName;
        DisplayName = state.DisplayName;
        Roles = [.. state.Roles];
        IsActive = state.IsActive;
        Email = state.Email;
        UnitCode = state.UnitCode;
        District = state.District;
        TaxCode = state.TaxCode;
        ChangedAt = now;
        PublishedAt = null;
    }

    public AccountChanged ToEvent() => new()
    {
        UserId = UserId,
        Revision = Revision,
        UserName = UserName,
        DisplayName = DisplayName,
        Roles = Roles,
        IsActive = IsActive,
        OccurredAt = ChangedAt,
        Email = Email,
        UnitCode = UnitCode,
        District = District,
        TaxCode = TaxCode,
    };
}

/// <summary>
/// An account as it stands: its roles in order, active unless an administrator has locked it, its e-mail address and the
/// scope its tokens carry (a district officer's unit, an establishment user's tax code).
/// </summary>
public sealed record AccountState(string UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsActive,
    string? Email = null, string? UnitCode = null, string? District = null, string? TaxCode = null);

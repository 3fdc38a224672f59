using KhuyenCong.Contracts.Accounts;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Accounts;

/// <summary>
/// A service's local copy of a user account of the identity service, kept from <see cref="AccountChanged"/>,
/// so that a council or jury seat names a person this service can check (active, holding the Appraiser
/// role) without calling the identity service on a request.
/// </summary>
public sealed class KnownAccount
{
    private KnownAccount() { }

    public string UserId { get; private set; } = "";
    public long Revision { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    public bool IsActive { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether the account may take a council or jury seat now: active and holding the Appraiser role.</summary>
    public bool IsActiveAppraiser => IsActive && Roles.Contains(PlatformRoles.Appraiser);

    public static KnownAccount From(AccountChanged account)
    {
        var copy = new KnownAccount { UserId = account.UserId };
        copy.Apply(account);
        return copy;
    }

    /// <summary>Takes the account's state unless the copy already holds the same or a later revision.</summary>
    public bool Apply(AccountChanged account)
    {
        if (account.Revision <= Revision)
        {
            return false;
        }
        Revision = account.Revision;
        UserName = account.UserName;
        DisplayName = account.DisplayName;
        Roles = [.. account.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        IsActive = account.IsActive;
        UpdatedAt = account.OccurredAt;
        return true;
    }
}

/// <summary>Maps <see cref="KnownAccount"/>; a service applies it in OnModelCreating when it keeps the copy.</summary>
public sealed class KnownAccountConfiguration : IEntityTypeConfiguration<KnownAccount>
{
    public void Configure(EntityTypeBuilder<KnownAccount> builder)
    {
        builder.ToTable("known_accounts");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(KnownAccounts.MaxUserIdLength);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.Roles).HasColumnType("text[]");
    }
}

using KhuyenCong.Contracts.Accounts;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Accounts;

/// <summary>
/// A service's local copy of a user account of the identity service, kept from <see cref="AccountChanged"/>,
/// so that a council or jury seat names a person this service can check (active, holding the Appraiser
/// role) and a task reaches the people its scope concerns, without calling the identity service on a request.
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
    public string? Email { get; private set; }

    /// <summary>A district officer's administrative unit.</summary>
    public string? UnitCode { get; private set; }
    public string? District { get; private set; }

    /// <summary>The tax code an establishment user speaks for.</summary>
    public string? TaxCode { get; private set; }
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
        Email = string.IsNullOrWhiteSpace(account.Email) ? null : account.Email.Trim();
        UnitCode = account.UnitCode;
        District = account.District;
        TaxCode = account.TaxCode;
        UpdatedAt = account.OccurredAt;
        return true;
    }
}

/// <summary>
/// Maps <see cref="KnownAccount"/>; a service applies it in OnModelCreating when it keeps the copy, in
/// <c>known_accounts</c> unless it names another table (one its earlier migrations made).
/// </summary>
public sealed class KnownAccountConfiguration(string table = KnownAccountConfiguration.Table) : IEntityTypeConfiguration<KnownAccount>
{
    public const string Table = "known_accounts";

    public void Configure(EntityTypeBuilder<KnownAccount> builder)
    {
        builder.ToTable(table);
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(KnownAccounts.MaxUserIdLength);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.Roles).HasColumnType("text[]");
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.UnitCode).HasMaxLength(64);
        builder.Property(a => a.District).HasMaxLength(200);
        builder.Property(a => a.TaxCode).HasMaxLength(20);
    }
}

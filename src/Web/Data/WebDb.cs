using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>
/// The web UI's own state, shared by all its instances: the signed-in sessions (<see cref="SessionEntry"/>,
/// written by <see cref="Security.ServerTicketStore"/> through <see cref="DatabaseCache"/>) and the
/// data-protection key ring that encrypts them, the sign-in cookies and the antiforgery tokens. No business
/// data lives here.
/// </summary>
public sealed class WebDb(DbContextOptions<WebDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SessionEntry> Sessions => Set<SessionEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<SessionEntry>(entry =>
        {
            entry.ToTable("session_entries");
            entry.HasKey(e => e.Key);
            entry.Property(e => e.Key).HasMaxLength(DatabaseCache.MaxKeyLength);
            entry.HasIndex(e => e.ExpiresAt);
        });
    }
}

/// <summary>One entry of the shared cache: a protected value and when it expires.</summary>
public sealed class SessionEntry
{
    public required string Key { get; set; }
    public required byte[] Value { get; set; }

    /// <summary>When the entry stops being read: the absolute expiry, or earlier when it slides.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The latest a sliding entry may be pushed to; null when there is no absolute expiry.</summary>
    public DateTimeOffset? AbsoluteExpiresAt { get; set; }

    /// <summary>The sliding window, when reading the entry pushes its expiry on.</summary>
    public TimeSpan? Sliding { get; set; }
}

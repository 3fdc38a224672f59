using System.Text.RegularExpressions;
using KhuyenCong.Identity.Accounts;
using KhuyenCong.Platform.Commands;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Identity.Data;

/// <summary>
/// Users and roles (ASP.NET Core Identity), OpenIddict's applications, authorizations and tokens, the server's
/// signing keys, and the data-protection key ring every replica shares (sign-in cookies, antiforgery tokens).
/// </summary>
public sealed partial class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<PlatformUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<KeyMaterial> Keys => Set<KeyMaterial>();
    public DbSet<AccountPublication> AccountPublications => Set<AccountPublication>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddIdempotencyKeys();

        builder.Entity<PlatformUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.UnitCode).HasMaxLength(64);
            user.Property(u => u.District).HasMaxLength(200);
            user.Property(u => u.TaxCode).HasMaxLength(20);
        });

        builder.Entity<AccountPublication>(publication =>
        {
            publication.ToTable("account_publications");
            publication.HasKey(p => p.UserId);
            publication.Property(p => p.UserId).HasMaxLength(64);
            publication.Property(p => p.UserName).HasMaxLength(256);
            publication.Property(p => p.DisplayName).HasMaxLength(200);
            publication.Property(p => p.Roles).HasColumnType("text[]");
            publication.Property(p => p.Email).HasMaxLength(256);
            publication.Property(p => p.UnitCode).HasMaxLength(64);
            publication.Property(p => p.District).HasMaxLength(200);
            publication.Property(p => p.TaxCode).HasMaxLength(20);
            publication.HasIndex(p => p.PublishedAt).HasFilter("published_at IS NULL").HasDatabaseName("ix_account_publications_waiting");
        });

        builder.Entity<KeyMaterial>(key =>
        {
            key.ToTable("key_material");
            key.Property(k => k.Purpose).HasMaxLength(20);
            key.HasIndex(k => k.Purpose).IsUnique();
        });

        // Identity and OpenIddict name their tables themselves (AspNetUsers, OpenIddictTokens); the
        // platform's databases use snake_case: users, openiddict_tokens.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? "";
            if (table.StartsWith("AspNet", StringComparison.Ordinal))
            {
                entity.SetTableName(Snake(table["AspNet".Length..]));
            }
            else if (table.StartsWith("OpenIddict", StringComparison.Ordinal))
            {
                entity.SetTableName("openiddict_" + Snake(table["OpenIddict".Length..]));
            }
        }
    }

    private static string Snake(string name) => WordStart().Replace(name, "_$1").ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Commands;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller: the request it was first used with (a hash), whether that
/// request's effect has committed, and the answer to replay. Kept at least 24 hours.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>How long a key is kept after its first use (the draft asks for at least 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public byte[] RequestHash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set in the same transaction as the command's change, so a lost answer never leads to a second effect.</summary>
    public bool EffectCommitted { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public static class IdempotencyModel
{
    /// <summary>Adds the <c>idempotency_keys</c> table to a service's model (a ServiceDbContext has it already).</summary>
    public static ModelBuilder AddIdempotencyKeys(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Caller, r.Key });
        builder.Property(r => r.Caller).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        builder.Property(r => r.Method).HasMaxLength(10);
        builder.Property(r => r.Path).HasMaxLength(2000);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasIndex(r => r.CreatedAt);
    }
}

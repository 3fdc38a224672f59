using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// The last number handed out under a name in a scope: a proposal code prefix in a plan year, a
/// certificate level in a competition year, training certificates in a year of issue.
/// </summary>
public sealed class NumberSequence
{
    public string Name { get; set; } = "";
    public string Scope { get; set; } = "";
    public int LastValue { get; set; }
}

/// <summary>Which counter of <see cref="NumberSequence"/> a number comes from.</summary>
public sealed record NumberSequenceKey(string Name, string Scope)
{
    public const int MaxNameLength = 32;
    public const int MaxScopeLength = 16;

    /// <summary>A counter that starts again every year.</summary>
    public static NumberSequenceKey Yearly(string name, int year) => new(name, year.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// Consecutive numbers (codes, certificate numbers) taken atomically: one upsert that creates the counter
/// at its first use and otherwise moves it on under its row lock, so two requests at once never get the
/// same number. Runs inside the caller's transaction: a command that rolls back gives its numbers back.
/// </summary>
public static class NumberSequences
{
    /// <summary>Adds the <c>number_sequences</c> table to a service's model.</summary>
    public static ModelBuilder AddNumberSequences(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new NumberSequenceConfiguration());

    /// <summary>The next number of the counter, 1 at its first use.</summary>
    public static Task<int> NextAsync(DbContext db, NumberSequenceKey key, CancellationToken cancellationToken) =>
        ReserveAsync(db, key, 1, cancellationToken);

    /// <summary>Reserves <paramref name="count"/> consecutive numbers of the counter and returns the first.</summary>
    public static async Task<int> ReserveAsync(DbContext db, NumberSequenceKey key, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO number_sequences (name, scope, last_value) VALUES ({key.Name}, {key.Scope}, {count})
            ON CONFLICT (name, scope) DO UPDATE SET last_value = number_sequences.last_value + {count}
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return last - count + 1;
    }

    private sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
    {
        public void Configure(EntityTypeBuilder<NumberSequence> builder)
        {
            // Named here because ReserveAsync writes its SQL by hand.
            builder.ToTable("number_sequences");
            builder.HasKey(s => new { s.Name, s.Scope });
            builder.Property(s => s.Name).HasColumnName("name").HasMaxLength(NumberSequenceKey.MaxNameLength);
            builder.Property(s => s.Scope).HasColumnName("scope").HasMaxLength(NumberSequenceKey.MaxScopeLength);
            builder.Property(s => s.LastValue).HasColumnName("last_value");
        }
    }
}

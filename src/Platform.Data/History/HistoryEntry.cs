using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.History;

/// <summary>
/// One entry in a record's history (a course, a fair, a competition): what was done (<see cref="Kind"/>, a code
/// the screens name in their language), who did it by id and by the name they had then, when it was recorded and
/// the day the act bears. The business facts travel with the entry so the history reads without the record: an
/// amount, a score, a document, the person or thing acted on (<see cref="Subject"/>), a reason, an edit's changes.
/// Written by the command that acts, in its transaction: a refused or conflicting command leaves none.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>Grows with every entry of the service, so it orders a record's entries as they were committed.</summary>
    public long Id { get; private set; }
    public Guid RecordId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string ActedBy { get; private set; } = "";
    /// <summary>The actor's display name when they acted (null when the token carried none).</summary>
    public string? ActedByName { get; private set; }
    /// <summary>The day the act bears: the session held, the certificates issued, the fair held...</summary>
    public DateOnly? OccurredOn { get; init; }
    /// <summary>An amount in đồng, or a count (certificates issued, booths allocated).</summary>
    public long? Amount { get; init; }
    public decimal? Score { get; init; }
    /// <summary>A document or a code the act names: a certificate number range, a booth, a status.</summary>
    public string? Document { get; init; }
    /// <summary>Who or what the act concerns: a trainee, an establishment, a council member, an entry.</summary>
    public string? Subject { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>A new entry about record <paramref name="recordId"/> by the signed-in <paramref name="user"/>.</summary>
    public static HistoryEntry Of(Guid recordId, string kind, ClaimsPrincipal user, DateTimeOffset at) =>
        Of(recordId, kind, Actor.NameOf(user), user.FindFirst("name")?.Value, at);

    /// <summary>A new entry by an actor known by id and name (another service's event, the platform itself).</summary>
    public static HistoryEntry Of(Guid recordId, string kind, string actedBy, string? actedByName, DateTimeOffset at) => new()
    {
        RecordId = recordId,
        Kind = kind,
        At = at,
        ActedBy = actedBy,
        ActedByName = actedByName,
    };
}

/// <summary>
/// One field an edit changed: its name as the API spells it and its old and new values in an invariant form
/// (numbers as digits, dates as yyyy-MM-dd, codes as their names), which a screen formats in its own language.
/// </summary>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>The fields whose value differs between two snapshots of a record, field by field in order.</summary>
    public static IReadOnlyList<FieldChange> Between(IReadOnlyList<(string Field, string? Value)> before, IReadOnlyList<(string Field, string? Value)> after) =>
        after.Zip(before, (now, then) => new FieldChange(now.Field, then.Value, now.Value)).Where(c => c.Old != c.New).ToList();

    /// <summary>A value in the invariant form a history keeps.</summary>
    public static string? Invariant(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>An entry as the API answers it; <c>actedByName</c> falls back to the actor's id.</summary>
public sealed record HistoryEntryResponse(
    long Id, string Kind, DateTimeOffset At, string ActedBy, string ActedByName, DateOnly? OccurredOn, long? Amount, decimal? Score,
    string? Document, string? Subject, string? Reason, IReadOnlyList<FieldChange> Changes)
{
    public static HistoryEntryResponse Of(HistoryEntry e) => new(
        e.Id, e.Kind, e.At, e.ActedBy, e.ActedByName ?? e.ActedBy, e.OccurredOn, e.Amount, e.Score, e.Document, e.Subject, e.Reason, e.Changes);
}

public static class HistoryModel
{
    /// <summary>Adds the <c>history_entries</c> table to a service's model.</summary>
    public static ModelBuilder AddHistory(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new HistoryEntryConfiguration());

    /// <summary>Queues an entry; the command's SaveChanges writes it in the command's transaction.</summary>
    public static HistoryEntry Record(this ServiceDbContext db, HistoryEntry entry)
    {
        db.Set<HistoryEntry>().Add(entry);
        return entry;
    }

    /// <summary>A record's history, oldest first.</summary>
    public static async Task<IReadOnlyList<HistoryEntryResponse>> HistoryOfAsync(this ServiceDbContext db, Guid recordId, CancellationToken cancellationToken)
    {
        var entries = await db.Set<HistoryEntry>().AsNoTracking().Where(e => e.RecordId == recordId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return entries.Select(HistoryEntryResponse.Of).ToList();
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("history_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.ActedBy).HasMaxLength(200);
        builder.Property(e => e.ActedByName).HasMaxLength(200);
        builder.Property(e => e.Document).HasMaxLength(500);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Score).HasPrecision(7, 2);
        builder.Property(e => e.Changes).HasColumnType("jsonb").HasConversion(
            changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
            json => (IReadOnlyList<FieldChange>)(JsonSerializer.Deserialize<List<FieldChange>>(json, JsonSerializerOptions.Web) ?? new List<FieldChange>()),
            new ValueComparer<IReadOnlyList<FieldChange>>(
                (a, b) => a!.SequenceEqual(b!), c => c.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)), c => c.ToList()));
        builder.HasIndex(e => new { e.RecordId, e.Id });
    }
}

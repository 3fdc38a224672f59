using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Establishments;

/// <summary>
/// Keeps <see cref="KnownEstablishment"/> rows from the registry's events, idempotently (the inbox) and whatever
/// order they arrive in (the revision, read under a row lock; two first revisions inserted at once collide on the key and
/// the loser is retried as an update). A service declares one subclass per event type with its own DbContext:
/// <code>public sealed class EstablishmentRegisteredConsumer(TrainingDbContext db)
///     : EstablishmentCopyConsumer&lt;EstablishmentRegistered, TrainingDbContext&gt;(db);</code>
/// </summary>
public abstract class EstablishmentCopyConsumer<TSnapshot, TContext>(TContext db) : IdempotentConsumer<TSnapshot, TContext>(db)
    where TSnapshot : EstablishmentSnapshot
    where TContext : ServiceDbContext
{
    protected override async Task HandleAsync(TSnapshot snapshot, ConsumeContext<TSnapshot> context)
    {
        var copies = Db.Set<KnownEstablishment>();
        // Locked until the inbox transaction commits: two revisions of one establishment consumed at once are applied
        // one after the other, so an older one never overwrites a newer one read a moment before.
        var copy = await copies
            .FromSql($"SELECT * FROM known_establishments WHERE establishment_id = {snapshot.EstablishmentId} FOR UPDATE")
            .SingleOrDefaultAsync(context.CancellationToken);
        if (copy is null)
        {
            copies.Add(KnownEstablishment.From(snapshot));
        }
        else
        {
            copy.Apply(snapshot);
        }
    }
}

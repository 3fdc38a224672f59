using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;

namespace KhuyenCong.Platform.Establishments;

/// <summary>
/// Keeps <see cref="KnownEstablishment"/> rows from the registry's events, idempotently and whatever
/// order they arrive in. A service declares one subclass per event type with its own DbContext:
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
        var copy = await copies.FindAsync([snapshot.EstablishmentId], context.CancellationToken);
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

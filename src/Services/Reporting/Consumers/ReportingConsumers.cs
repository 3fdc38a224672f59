using KhuyenCong.Platform.Messaging;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Projections;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Consumers;

/// <summary>
/// Writes the event to the ledger, then applies it to the read models, in the consumer's transaction
/// (the inbox skips a redelivery). The ledger row is written first so that a rebuild, which locks the
/// ledger before it empties the read models, never waits on a consumer that waits on it. One is registered
/// for each event the projection handles (<see cref="ReportedEvents.All"/>).
/// </summary>
public sealed class LedgerConsumer<TEvent>(ReportingDbContext db, TimeProvider time) : IdempotentConsumer<TEvent, ReportingDbContext>(db)
    where TEvent : class
{
    /// <summary>"ProposalSubmittedConsumer": the inbox and the metrics tell the events apart, as they did when each had a class of its own.</summary>
    protected override string ConsumerName { get; } = $"{typeof(TEvent).Name}Consumer";

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context)
    {
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO event_ledger (message_id, message_type, payload, received_at) VALUES ({context.MessageId!.Value}, {typeof(TEvent).Name}, {ReportedEvents.Serialize(message)}::jsonb, {time.GetUtcNow()})",
            context.CancellationToken);
        await new ReportingProjections(Db).ApplyAsync(message, context.CancellationToken);
    }
}

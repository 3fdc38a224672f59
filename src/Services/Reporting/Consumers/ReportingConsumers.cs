using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Projections;
using KhuyenCong.Platform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Consumers;

/// <summary>
/// Writes the event to the ledger, then applies it to the read models, in the consumer's transaction
/// (the inbox skips a redelivery). The ledger row is written first so that a rebuild, which locks the
/// ledger before it empties the read models, never waits on a consumer that waits on it.
/// </summary>
public abstract class LedgerConsumer<TEvent>(ReportingDbContext db, TimeProvider time) : IdempotentConsumer<TEvent, ReportingDbContext>(db)
    where TEvent : class
{
    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context)
    {
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO event_ledger (message_id, message_type, payload, received_at) VALUES ({context.MessageId!.Value}, {typeof(TEvent).Name}, {ReportedEvents.Serialize(message)}::jsonb, {time.GetUtcNow()})",
            context.CancellationToken);
        await new ReportingProjections(Db).ApplyAsync(message, context.CancellationToken);
    }
}

public sealed class ProposalStatusChangedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalStatusChanged>(db, time);
public sealed class ProposalSubmittedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalSubmitted>(db, time);
public sealed class ProposalApprovedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalApproved>(db, time);
public sealed class ProposalRejectedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalRejected>(db, time);
public sealed class ProposalCancelledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalCancelled>(db, time);
public sealed class AdvancePaidConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<AdvancePaid>(db, time);
public sealed class ProposalAcceptedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalAccepted>(db, time);
public sealed class ProposalSettledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalSettled>(db, time);
public sealed class ProposalAmendedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProposalAmended>(db, time);
public sealed class RefundRecordedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<RefundRecorded>(db, time);
public sealed class FollowUpRecordedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<FollowUpRecorded>(db, time);
public sealed class FollowUpOverdueConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<FollowUpOverdue>(db, time);
public sealed class CourseScheduledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<CourseScheduled>(db, time);
public sealed class CourseCompletedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<CourseCompleted>(db, time);
public sealed class CourseCancelledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<CourseCancelled>(db, time);
public sealed class ProductRecognizedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<ProductRecognized>(db, time);
public sealed class CertificateRevokedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<CertificateRevoked>(db, time);
public sealed class CertificateExpiredConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<CertificateExpired>(db, time);
public sealed class EstablishmentRegisteredConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<EstablishmentRegistered>(db, time);
public sealed class EstablishmentUpdatedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<EstablishmentUpdated>(db, time);
public sealed class FairScheduledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<FairScheduled>(db, time);
public sealed class BoothAllocatedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<BoothAllocated>(db, time);
public sealed class FairOutcomeRecordedConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<FairOutcomeRecorded>(db, time);
public sealed class FairCancelledConsumer(ReportingDbContext db, TimeProvider time) : LedgerConsumer<FairCancelled>(db, time);

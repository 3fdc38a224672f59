using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Payments;

/// <summary>
/// Publishes <see cref="BalancePaid"/> for the balance payments recorded before the event existed, so that Reporting's
/// "paid" counts them. The migration <c>UnpublishedBalancePayments</c> lists those payments (<see cref="MarkUnpublishedSql"/>:
/// balances with no BalancePaid in the outbox) in <c>unpublished_balance_payments</c>; this job, at every start, writes
/// each one's event to the outbox and strikes it off the list in one transaction, so each is published once. The
/// message id is derived from the payment, and Reporting keeps a payment by its own id, so even a payment published
/// twice (live and by the backfill) is counted once.
/// </summary>
public sealed class BalancePaidBackfill(IServiceScopeFactory scopes, ILogger<BalancePaidBackfill> logger) : BackgroundService
{
    /// <summary>Lists the balance payments no BalancePaid was written for; the migration runs it once.</summary>
    public const string MarkUnpublishedSql = """
        INSERT INTO unpublished_balance_payments (payment_id)
        SELECT p.id FROM proposal_payments p
        WHERE p.kind = 'Balance'
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.message_type LIKE 'KhuyenCong.Contracts.Proposals.BalancePaid,%' AND o.payload->>'paymentId' = p.id::text)
        ON CONFLICT (payment_id) DO NOTHING
        """;

    private const int BatchSize = 200;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await PublishAsync(scope.ServiceProvider.GetRequiredService<ProposalsDbContext>(), stoppingToken);
                if (published > 0)
                {
                    logger.LogInformation("Published BalancePaid for {Count} balance payments recorded before the event existed", published);
                }
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing the earlier balance payments failed; retrying in {Delay}", RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    /// <summary>Publishes the listed payments batch by batch; returns how many events it wrote.</summary>
    public static async Task<int> PublishAsync(ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database
                .SqlQuery<Guid>($"SELECT payment_id AS \"Value\" FROM unpublished_balance_payments ORDER BY payment_id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }
            var proposals = await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
                .Where(p => p.Payments.Any(x => ids.Contains(x.Id)))
                .ToListAsync(cancellationToken);
            foreach (var proposal in proposals)
            {
                foreach (var payment in proposal.Payments.Where(x => x.Kind == PaymentKind.Balance && ids.Contains(x.Id)))
                {
                    var messageId = MessageIdOf(payment.Id);
                    if (!await db.OutboxMessages.AnyAsync(m => m.MessageId == messageId, cancellationToken))
                    {
                        db.AddIntegrationEvent(Event(proposal, payment), messageId);
                        total++;
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM unpublished_balance_payments WHERE payment_id = ANY({ids.ToArray()})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The payment's event as it would have been published then: the total paid is what was paid up to it.</summary>
    private static BalancePaid Event(Proposal proposal, Payment payment) => new()
    {
        ProposalId = proposal.Id,
        Code = proposal.Code,
        PaymentId = payment.Id,
        Amount = payment.Amount,
        TotalPaid = proposal.Payments.Where(x => x.RecordedAt <= payment.RecordedAt).Sum(x => x.Amount),
        PaidOn = payment.PaidOn,
        ActedBy = payment.RecordedBy,
    };

    /// <summary>A name-based id (RFC 9562, version 5) of the payment's BalancePaid: the same payment always yields the same message id.</summary>
    public static Guid MessageIdOf(Guid paymentId)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"khuyencong:proposals:balance-paid:{paymentId:D}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Identifiers;
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
public sealed class BalancePaidBackfill(IServiceScopeFactory scopes, ILogger<BalancePaidBackfill> logger) : ListedBackfill(scopes, logger)
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

    protected override string Table => "unpublished_balance_payments";

    protected override string Column => "payment_id";

    protected override string Published => "BalancePaid";

    protected override async Task<int> AddEventsAsync(ProposalsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var added = 0;
        var proposals = await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.Payments.Any(x => ids.Contains(x.Id)))
            .ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            foreach (var payment in proposal.Payments.Where(x => x.Kind == PaymentKind.Balance && ids.Contains(x.Id)))
            {
                var messageId = MessageIdOf(payment.Id);
                if (!await WrittenAsync(db, messageId, cancellationToken))
                {
                    db.AddIntegrationEvent(Event(proposal, payment), messageId);
                    added++;
                }
            }
        }
        return added;
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

    /// <summary>The id of the payment's BalancePaid: the same payment always yields the same message id.</summary>
    public static Guid MessageIdOf(Guid paymentId) => NameBasedId.Of($"khuyencong:proposals:balance-paid:{paymentId:D}");
}

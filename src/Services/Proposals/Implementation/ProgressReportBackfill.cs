using KhuyenCong.Platform.Identifiers;
using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Proposals.Implementation;

/// <summary>
/// Announces the progress report owed by the proposals that were already in implementation when
/// <see cref="Contracts.Proposals.ProgressReportDue"/> came to exist, so that their reports are owed in the inbox too, not
/// only from their next report on. The migration <c>UnannouncedProgressReports</c> lists them (<see cref="MarkUnannouncedSql"/>);
/// each gets the event of the month it owes now, under an id derived from the proposal and the month. Should a live
/// announcement of the same month meet it, the inbox keeps one task per proposal that only moves on, so it counts once.
/// </summary>
public sealed class ProgressReportBackfill(IServiceScopeFactory scopes, IOptions<ProposalRules> rules, TimeProvider time,
    ILogger<ProgressReportBackfill> logger) : ListedBackfill(scopes, logger)
{
    /// <summary>Lists the proposals in implementation no ProgressReportDue was written for; the migration runs it once.</summary>
    public const string MarkUnannouncedSql = """
        INSERT INTO unannounced_progress_reports (proposal_id)
        SELECT p.id FROM proposals p
        WHERE p.status = 'InImplementation'
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.message_type LIKE 'KhuyenCong.Contracts.Proposals.ProgressReportDue,%' AND o.payload->>'proposalId' = p.id::text)
        ON CONFLICT (proposal_id) DO NOTHING
        """;

    protected override string Table => "unannounced_progress_reports";

    protected override string Column => "proposal_id";

    protected override string Published => "ProgressReportDue";

    protected override async Task<int> AddEventsAsync(ProposalsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var added = 0;
        var proposals = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            // A proposal accepted or cancelled since the list was made owes nothing: ProgressDue is null.
            if (ProposalEvents.ProgressDue(proposal, rules.Value, time.GetUtcNow()) is not { } due)
            {
                continue;
            }
            var messageId = MessageIdOf(proposal.Id, due.Period);
            if (!await WrittenAsync(db, messageId, cancellationToken))
            {
                db.AddIntegrationEvent(due, messageId);
                added++;
            }
        }
        return added;
    }

    /// <summary>The id of the announcement of <paramref name="period"/>'s report of the proposal: the same each time.</summary>
    public static Guid MessageIdOf(Guid proposalId, DateOnly period) =>
        NameBasedId.Of($"khuyencong:proposals:progress-report-due:{proposalId:D}:{period:yyyy-MM}");
}

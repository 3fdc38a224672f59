using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Plans;

/// <summary>
/// Publishes <see cref="Contracts.Proposals.NationalSubmissionSent"/> and <see cref="Contracts.Proposals.NationalDecisionRecorded"/>
/// for the lists of national proposals sent, and the Ministry's decisions recorded, before the events existed, so that
/// Reporting's national figures count them. The migration <c>UnpublishedNationalSubmissions</c> lists those lists
/// (<see cref="MarkUnpublishedSql"/>: lists sent whose dispatch or one of whose decisions has no event in the outbox) in
/// <c>unpublished_national_submissions</c>; this job, at every start, writes the list's event and one event per decision
/// recorded to the outbox and strikes the list off in one transaction, so each is published once. The message ids are
/// derived from the list and proposal (<see cref="NationalSubmissionsApi.SentMessageIdOf"/>,
/// <see cref="NationalSubmissionsApi.DecidedMessageIdOf"/>, as the live ones), and Reporting keeps one row per proposal,
/// so an event published twice is still counted once there.
/// </summary>
public sealed class NationalSubmissionBackfill(IServiceScopeFactory scopes, ILogger<NationalSubmissionBackfill> logger) : ListedBackfill(scopes, logger)
{
    /// <summary>Lists the sent lists with their dispatch or a decision not written to the outbox; the migration runs it once.</summary>
    public const string MarkUnpublishedSql = """
        INSERT INTO unpublished_national_submissions (submission_id)
        SELECT s.id FROM national_submissions s
        WHERE s.status <> 'Preparing'
          AND (NOT EXISTS (
                SELECT 1 FROM outbox_messages o
                WHERE o.message_type LIKE 'KhuyenCong.Contracts.Proposals.NationalSubmissionSent,%' AND o.payload->>'submissionId' = s.id::text)
            OR EXISTS (
                SELECT 1 FROM national_submission_items i
                WHERE i.submission_id = s.id AND i.outcome IS NOT NULL
                  AND NOT EXISTS (
                    SELECT 1 FROM outbox_messages o
                    WHERE o.message_type LIKE 'KhuyenCong.Contracts.Proposals.NationalDecisionRecorded,%'
                      AND o.payload->>'submissionId' = s.id::text AND o.payload->>'proposalId' = i.proposal_id::text)))
        ON CONFLICT (submission_id) DO NOTHING
        """;

    protected override string Table => "unpublished_national_submissions";

    protected override string Column => "submission_id";

    protected override string Published => "NationalSubmissionSent and NationalDecisionRecorded";

    protected override async Task<int> AddEventsAsync(ProposalsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var added = 0;
        var lists = await db.NationalSubmissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        foreach (var list in lists.Where(l => l.SentOn is not null))
        {
            var sent = NationalSubmissionsApi.SentMessageIdOf(list.Id);
            if (!await WrittenAsync(db, sent, cancellationToken))
            {
                db.AddIntegrationEvent(NationalSubmissionsApi.Sent(list), sent);
                added++;
            }
            foreach (var item in list.Items.Where(i => i.Outcome is not null).OrderBy(i => i.ProposalCode, StringComparer.Ordinal))
            {
                var decided = NationalSubmissionsApi.DecidedMessageIdOf(list.Id, item.ProposalId);
                if (!await WrittenAsync(db, decided, cancellationToken))
                {
                    db.AddIntegrationEvent(NationalSubmissionsApi.Decided(list, item), decided);
                    added++;
                }
            }
        }
        return added;
    }
}

using System.Diagnostics;
using KhuyenCong.Reporting.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Projections;

/// <summary>What a rebuild replayed and what the read models hold afterwards.</summary>
public sealed record RebuildResult(
    long EventsReplayed,
    IReadOnlyDictionary<string, int> EventsByType,
    int Proposals,
    int FollowUps,
    int Courses,
    int Certificates,
    int Establishments,
    int Fairs,
    int FairParticipants,
    long ElapsedMilliseconds,
    int EnvelopeEntries = 0,
    int MoneyMovements = 0,
    int PlanVersions = 0,
    int PlanItems = 0,
    int NationalProposals = 0);

/// <summary>
/// Rebuilds every read model from the ledger: empties them and replays the ledger in receipt order
/// through <see cref="ReportingProjections"/>, in one transaction. The ledger is locked against new
/// rows meanwhile, so consumers wait and then apply their events on top of the rebuilt models.
/// </summary>
public static class LedgerReplay
{
    private const int PageSize = 1000;

    public static async Task<RebuildResult> RebuildAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var empty = $"""
            LOCK TABLE event_ledger IN SHARE MODE;
            TRUNCATE proposal_facts, follow_up_facts, course_facts, certificate_facts, fair_facts, fair_participant_facts, known_establishments,
                envelope_entry_facts, money_movement_facts, plan_version_facts, plan_item_facts, national_proposal_facts,
                {ProposalCubes.Full.Table}, {ProposalCubes.ByArea.Table}, {ProposalCubes.DeltaTable};
            """;
        await db.Database.ExecuteSqlRawAsync(empty, cancellationToken);

        var projections = new ReportingProjections(db, maintainCubes: false);
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long replayed = 0;
        long position = 0;
        while (true)
        {
            var page = await db.Ledger.AsNoTracking()
                .Where(e => e.Position > position)
                .OrderBy(e => e.Position)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var entry in page)
            {
                await projections.ApplyAsync(ReportedEvents.Deserialize(entry.MessageType, entry.Payload), cancellationToken);
                byType[entry.MessageType] = byType.GetValueOrDefault(entry.MessageType) + 1;
                replayed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            position = page[^1].Position;
        }
        await ProposalCubes.RecomputeAsync(db, cancellationToken);

        var result = new RebuildResult(
            replayed, byType,
            await db.ProposalFacts.CountAsync(cancellationToken),
            await db.FollowUps.CountAsync(cancellationToken),
            await db.Courses.CountAsync(cancellationToken),
            await db.Certificates.CountAsync(cancellationToken),
            await db.Establishments.CountAsync(cancellationToken),
            await db.Fairs.CountAsync(cancellationToken),
            await db.FairParticipants.CountAsync(cancellationToken),
            clock.ElapsedMilliseconds,
            await db.EnvelopeEntries.CountAsync(cancellationToken),
            await db.MoneyMovements.CountAsync(cancellationToken),
            await db.PlanVersions.CountAsync(cancellationToken),
            await db.PlanItems.CountAsync(cancellationToken),
            await db.NationalProposals.CountAsync(cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

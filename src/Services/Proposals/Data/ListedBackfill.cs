using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KhuyenCong.Proposals.Data;

/// <summary>
/// Publishes the events that records stored before an event existed never had. A migration lists those records once in a
/// table of its own (one uuid column); this job, at every start, writes each listed record's events to the outbox and
/// strikes it off the list in the same transaction, batch by batch, so that each is published once, whichever replica
/// gets there first (<c>FOR UPDATE SKIP LOCKED</c>). Message ids are derived from the record (name-based ids),
/// so a record published live and by the backfill is still one message.
/// </summary>
public abstract class ListedBackfill(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The migration's list: a table with the one uuid column <see cref="Column"/>.</summary>
    protected abstract string Table { get; }

    protected abstract string Column { get; }

    /// <summary>What the events are, for the log.</summary>
    protected abstract string Published { get; }

    /// <summary>Adds the listed records' events to the outbox (not yet saved); returns how many it added.</summary>
    protected abstract Task<int> AddEventsAsync(ProposalsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

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
                    logger.LogInformation("Published {Events} for {Count} records stored before the event existed", Published, published);
                }
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing {Events} for earlier records failed; retrying in {Delay}", Published, RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    /// <summary>Publishes the listed records batch by batch; returns how many events it wrote.</summary>
    public async Task<int> PublishAsync(ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var select = $"SELECT {Column} AS \"Value\" FROM {Table} ORDER BY {Column} LIMIT {BatchSize} FOR UPDATE SKIP LOCKED";
        var strike = $"DELETE FROM {Table} WHERE {Column} = ANY(@ids)";
        var total = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQueryRaw<Guid>(select).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }
            total += await AddEventsAsync(db, ids, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(strike, [new NpgsqlParameter("ids", ids.ToArray())], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Whether the outbox already holds a message of that id.</summary>
    protected static Task<bool> WrittenAsync(ProposalsDbContext db, Guid messageId, CancellationToken cancellationToken) =>
        db.OutboxMessages.AnyAsync(m => m.MessageId == messageId, cancellationToken);
}

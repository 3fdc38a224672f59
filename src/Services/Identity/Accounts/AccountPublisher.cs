using KhuyenCong.Identity.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Identity.Accounts;

public sealed class AccountPublisherOptions
{
    public const string Section = "Identity:AccountPublisher";

    /// <summary>How often the accounts are compared with what was last announced.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Announces every account's state to the other services (<see cref="KhuyenCong.Contracts.Accounts.AccountChanged"/>),
/// so that they keep copies of who may sit on a council. Each round first records, in one transaction, every
/// account that differs from its last announcement as its next revision (existing accounts on the first start,
/// new, renamed, re-roled, locked or unlocked ones after), then publishes what is waiting and marks it sent.
/// A crash between publishing and marking publishes the same revision again, which the copies ignore; a broker
/// outage leaves revisions waiting. Only one replica records at a time (a transaction-scoped advisory lock).
/// </summary>
public sealed class AccountPublisher(
    IServiceScopeFactory scopes, IBus bus, IOptions<AccountPublisherOptions> options, TimeProvider time, ILogger<AccountPublisher> logger)
    : BackgroundService
{
    /// <summary>The advisory lock key of the recording step ("kc-acct" as a number).</summary>
    private const long RecordingLock = 0x6B632D61636374;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecordChangesAsync(stoppingToken);
                await PublishWaitingAsync(stoppingToken);
                failures = 0;
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning(ex, "Account publication failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Records every account that differs from its last announcement as its next revision; returns how many.</summary>
    public async Task<int> RecordChangesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RecordingLock}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return 0;
        }
        var now = time.GetUtcNow();
        var states = await CurrentStatesAsync(db, now, cancellationToken);
        var publications = await db.AccountPublications.ToDictionaryAsync(p => p.UserId, cancellationToken);
        var recorded = 0;
        foreach (var state in states)
        {
            if (!publications.TryGetValue(state.UserId, out var publication))
            {
                db.AccountPublications.Add(AccountPublication.First(state, now));
                recorded++;
            }
            else if (publication.Differs(state))
            {
                publication.Take(state, now);
                recorded++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>Publishes the revisions waiting to go out and marks each sent unless a newer one was recorded meanwhile.</summary>
    public async Task<int> PublishWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var waiting = await db.AccountPublications.AsNoTracking().Where(p => p.PublishedAt == null).OrderBy(p => p.ChangedAt).ToListAsync(cancellationToken);
        foreach (var publication in waiting)
        {
            await bus.Publish(publication.ToEvent(), cancellationToken);
            var now = time.GetUtcNow();
            await db.AccountPublications
                .Where(p => p.UserId == publication.UserId && p.Revision == publication.Revision && p.PublishedAt == null)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.PublishedAt, now), cancellationToken);
        }
        return waiting.Count;
    }

    private static async Task<List<AccountState>> CurrentStatesAsync(IdentityDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.Email, u.UnitCode, u.District, u.TaxCode }).ToListAsync(cancellationToken);
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => new AccountState(
            u.Id, u.UserName ?? "", u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)], !(u.LockoutEnd > now),
            u.Email, u.UnitCode, u.District, u.TaxCode))];
    }
}

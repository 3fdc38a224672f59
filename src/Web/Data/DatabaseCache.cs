using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace KhuyenCong.Web.Data;

/// <summary>
/// An <see cref="IDistributedCache"/> in the web UI's database, so that every instance behind the gateway sees
/// the same sessions: a user signed in on one instance stays signed in when the next request, a reconnect or
/// a restart lands on another. Expired entries are never read and are deleted now and then.
/// </summary>
public sealed class DatabaseCache(IServiceScopeFactory scopes, TimeProvider time) : IDistributedCache
{
    public const int MaxKeyLength = 200;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan NoExpiry = TimeSpan.FromDays(30);
    private long _nextPurgeTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        var entry = await db.Sessions.AsNoTracking()
            .Where(e => e.Key == key && e.ExpiresAt > now)
            .Select(e => new { e.Value, e.Sliding, e.AbsoluteExpiresAt })
            .SingleOrDefaultAsync(token);
        if (entry is null)
        {
            return null;
        }
        if (entry.Sliding is { } sliding)
        {
            await SlideAsync(db, key, Slid(now, sliding, entry.AbsoluteExpiresAt), now, token);
        }
        return entry.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A cache key is at most {MaxKeyLength} characters.", nameof(key));
        }
        var now = time.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        var sliding = options.SlidingExpiration;
        var expires = sliding is { } window ? Slid(now, window, absolute) : absolute ?? now + NoExpiry;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        // One statement, so that two instances writing the same session at once leave one whole entry.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO session_entries (key, value, expires_at, absolute_expires_at, sliding)
            VALUES ({key}, {value}, {expires}, {absolute}, {sliding})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at,
                absolute_expires_at = excluded.absolute_expires_at, sliding = excluded.sliding
            """, token);
        await PurgeExpiredAsync(db, now, token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        var entry = await db.Sessions.AsNoTracking()
            .Where(e => e.Key == key && e.ExpiresAt > now && e.Sliding != null)
            .Select(e => new { e.Sliding, e.AbsoluteExpiresAt })
            .SingleOrDefaultAsync(token);
        if (entry is not null)
        {
            await SlideAsync(db, key, Slid(now, entry.Sliding!.Value, entry.AbsoluteExpiresAt), now, token);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebDb>().Sessions.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    private static DateTimeOffset Slid(DateTimeOffset now, TimeSpan sliding, DateTimeOffset? absolute) =>
        absolute is { } limit && limit < now + sliding ? limit : now + sliding;

    private static Task SlideAsync(WebDb db, string key, DateTimeOffset expires, DateTimeOffset now, CancellationToken token) =>
        db.Sessions.Where(e => e.Key == key && e.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ExpiresAt, expires), token);

    private async Task PurgeExpiredAsync(WebDb db, DateTimeOffset now, CancellationToken token)
    {
        var next = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks, next) != next)
        {
            return;
        }
        await db.Sessions.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }
}

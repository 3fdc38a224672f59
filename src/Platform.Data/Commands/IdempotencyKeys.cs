using System.Security.Claims;
using System.Security.Cryptography;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KhuyenCong.Platform.Commands;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF httpapi draft) on every POST, PUT, PATCH and DELETE:
/// the first request with a key runs and its answer is stored; the same key with the same request
/// replays that answer (status, body, <c>Location</c>) without a second effect; the same key with
/// another request is 422; a repeat while the first is still running waits for it, then answers 409.
/// Keys belong to the caller (the token's subject), so two users never share one. The request running a key
/// holds a PostgreSQL advisory lock on it for as long as it runs; the lock goes with its connection when its
/// process dies, so a repeat knows at once that the first will never answer: it runs the command itself if the
/// first left no effect, and says that the effect took place if it did.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, ILogger<IdempotencyKeys> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    /// <summary>How long a repeat waits for the first request with its key before answering 409.</summary>
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(15);
    private const long MaxStoredBody = 1 << 20;

    private static readonly AsyncLocal<(string Caller, string Key)?> CurrentKey = new();

    /// <summary>This middleware as the last stage of <c>UseServiceDefaults</c>, registered with the database.</summary>
    public static readonly RequestStage Stage = new(app => app.UseMiddleware<IdempotencyKeys>());

    /// <summary>The caller and key of the request being run, for the command path to mark its effect.</summary>
    internal static (string Caller, string Key)? Current => CurrentKey.Value;

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method)
            && !HttpMethods.IsPatch(request.Method) && !HttpMethods.IsDelete(request.Method)
            || !request.Headers.TryGetValue(HeaderName, out var values)
            || context.RequestServices.GetService<IIdempotencyStore>() is not { } store)
        {
            await next(context);
            return;
        }

        var key = Parse(values.ToString());
        if (key is null)
        {
            await PlatformProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "idempotency-key-invalid",
                "Khóa Idempotency-Key không hợp lệ.", "The Idempotency-Key header is not valid.",
                $"Khóa phải dài 1–{MaxKeyLength} ký tự in được (ví dụ một UUID).",
                $"The key must be 1–{MaxKeyLength} printable characters (a UUID, for example).");
            return;
        }

        var caller = CallerOf(context.User, context);
        var hash = await HashAsync(request, context.RequestAborted);
        var claim = new IdempotencyRecord
        {
            Caller = caller, Key = key, Method = request.Method, Path = request.Path.Value ?? "",
            RequestHash = hash, CreatedAt = DateTimeOffset.UtcNow,
        };

        var deadline = DateTimeOffset.UtcNow + InFlightWait;
        while (true)
        {
            await using (var hold = await store.TryHoldAsync(caller, key, context.RequestAborted))
            {
                if (hold is not null)
                {
                    // No running request has this key: this one decides what happens to it.
                    if (await store.TryClaimAsync(claim, context.RequestAborted))
                    {
                        await RunAndStoreAsync(context, store, claim);
                        return;
                    }
                    var claimed = await store.FindAsync(caller, key, context.RequestAborted);
                    if (claimed is null)
                    {
                        continue;
                    }
                    if (await AnsweredAsync(context, claim, claimed))
                    {
                        return;
                    }
                    if (claimed.EffectCommitted)
                    {
                        // The request that ran it died after its effect and before its answer was kept.
                        await PlatformProblems.WriteAsync(context, StatusCodes.Status409Conflict, "idempotency-answer-lost",
                            "Yêu cầu này đã được thực hiện.", "This request has already taken effect.",
                            "Lần gửi trước đã được ghi nhận nhưng câu trả lời bị mất; hãy tải lại hồ sơ để xem kết quả.",
                            "The first request took effect but its answer was lost; reload the record to see the result.");
                        return;
                    }
                    // The request that claimed it died before any effect: run it now.
                    if (await store.TakeOverAsync(claimed, claim, context.RequestAborted))
                    {
                        await RunAndStoreAsync(context, store, claim);
                        return;
                    }
                    continue;
                }
            }

            // A request with this key is running: wait for its answer.
            var existing = await store.FindAsync(caller, key, context.RequestAborted);
            if (existing is not null && await AnsweredAsync(context, claim, existing))
            {
                return;
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                context.Response.Headers.RetryAfter = "1";
                await PlatformProblems.WriteAsync(context, StatusCodes.Status409Conflict, "idempotency-in-flight",
                    "Yêu cầu với khóa này đang được xử lý.", "A request with this key is still being processed.",
                    "Hãy thử lại sau ít giây.", "Try again in a few seconds.");
                return;
            }
            await Task.Delay(100, context.RequestAborted);
        }
    }

    /// <summary>
    /// Answers from what the key holds: 422 when it was first used with another request, the kept answer when
    /// there is one; false when there is nothing to answer yet.
    /// </summary>
    private static async Task<bool> AnsweredAsync(HttpContext context, IdempotencyRecord claim, IdempotencyRecord existing)
    {
        if (!existing.RequestHash.AsSpan().SequenceEqual(claim.RequestHash) || existing.Method != claim.Method || existing.Path != claim.Path)
        {
            await PlatformProblems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "Khóa Idempotency-Key đã dùng cho một yêu cầu khác.", "The Idempotency-Key was used for another request.",
                "Mỗi lần gửi một yêu cầu mới cần một khóa mới; khóa này đã dùng với nội dung khác.",
                "Each new request needs a new key; this one was first sent with a different request.");
            return true;
        }
        if (existing.StatusCode is not null)
        {
            await ReplayAsync(context, existing);
            return true;
        }
        return false;
    }

    private async Task RunAndStoreAsync(HttpContext context, IIdempotencyStore store, IdempotencyRecord claim)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        CurrentKey.Value = (claim.Caller, claim.Key);
        var stored = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (Keeps(status) && buffer.Length <= MaxStoredBody)
            {
                claim.StatusCode = status;
                claim.ContentType = context.Response.ContentType;
                claim.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
                claim.Body = buffer.ToArray();
                claim.CompletedAt = DateTimeOffset.UtcNow;
                await store.CompleteAsync(claim, CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            CurrentKey.Value = null;
            context.Response.Body = original;
            if (!stored)
            {
                // Nothing to replay: release the key unless the effect committed, so a retry runs anew.
                try
                {
                    await store.ReleaseAsync(claim, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not release idempotency key {Key}", claim.Key);
                }
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Answers worth replaying: successes and refusals that a repeat would get again; not conflicts of the moment, limits or failures.</summary>
    private static bool Keeps(int status) =>
        status < 500 && status is not (StatusCodes.Status408RequestTimeout or StatusCodes.Status409Conflict
            or StatusCodes.Status423Locked or StatusCodes.Status429TooManyRequests);

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.StatusCode!.Value;
        if (record.ContentType is not null)
        {
            context.Response.ContentType = record.ContentType;
        }
        if (record.Location is not null)
        {
            context.Response.Headers.Location = record.Location;
        }
        context.Response.Headers[ReplayedHeader] = "true";
        if (record.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>The key, without the quotes of a structured-field string; null when it is empty, too long or not printable ASCII.</summary>
    internal static string? Parse(string raw)
    {
        var key = raw.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }
        return key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= (char)0x21 and <= (char)0x7e) ? key : null;
    }

    private static string CallerOf(ClaimsPrincipal user, HttpContext context)
    {
        var subject = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (subject is not null)
        {
            return $"sub:{subject}";
        }
        var client = user.FindFirstValue("client_id") ?? user.FindFirstValue("azp");
        return client is not null ? $"client:{client}" : $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static async Task<byte[]> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}

/// <summary>Where a service keeps its idempotency keys: its own database, beside its data.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the lock that says a request with this key is running, held until disposed (or until the process
    /// dies); null when another request holds it.
    /// </summary>
    Task<IAsyncDisposable?> TryHoldAsync(string caller, string key, CancellationToken cancellationToken);
    Task<bool> TryClaimAsync(IdempotencyRecord claim, CancellationToken cancellationToken);
    Task<IdempotencyRecord?> FindAsync(string caller, string key, CancellationToken cancellationToken);
    Task<bool> TakeOverAsync(IdempotencyRecord abandoned, IdempotencyRecord claim, CancellationToken cancellationToken);
    Task CompleteAsync(IdempotencyRecord claim, CancellationToken cancellationToken);
    Task ReleaseAsync(IdempotencyRecord claim, CancellationToken cancellationToken);
}

internal sealed class IdempotencyStore<TContext>(IServiceScopeFactory scopes) : IIdempotencyStore where TContext : DbContext
{
    private string? _connectionString;

    public async Task<IAsyncDisposable?> TryHoldAsync(string caller, string key, CancellationToken cancellationToken)
    {
        _connectionString ??= await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The service's database has no connection string.")));
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var lockKey = LockKey(caller, key);
            await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = lockKey } } })
            {
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return new Hold(connection, lockKey);
                }
            }
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The advisory lock of a caller's key: the first 64 bits of a SHA-256 of both (another key sharing it only waits its turn).</summary>
    internal static long LockKey(string caller, string key) =>
        BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"idempotency\n{caller}\n{key}")), 0);

    /// <summary>A held key lock: unlocked before its connection goes back to the pool (a pooled session would keep it).</summary>
    private sealed class Hold(NpgsqlConnection connection, long lockKey) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = lockKey } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The connection broke: its session, and the lock with it, is gone.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    public Task<bool> TryClaimAsync(IdempotencyRecord claim, CancellationToken cancellationToken) => WithDbAsync(async db =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO idempotency_keys (caller, key, method, path, request_hash, created_at, effect_committed)
            VALUES ({claim.Caller}, {claim.Key}, {claim.Method}, {claim.Path}, {claim.RequestHash}, {claim.CreatedAt}, FALSE)
            ON CONFLICT (caller, key) DO NOTHING
            """, cancellationToken) == 1);

    public Task<IdempotencyRecord?> FindAsync(string caller, string key, CancellationToken cancellationToken) => WithDbAsync(db =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, cancellationToken));

    public Task<bool> TakeOverAsync(IdempotencyRecord abandoned, IdempotencyRecord claim, CancellationToken cancellationToken) => WithDbAsync(async db =>
        await db.Set<IdempotencyRecord>()
            .Where(r => r.Caller == abandoned.Caller && r.Key == abandoned.Key && r.CreatedAt == abandoned.CreatedAt
                        && !r.EffectCommitted && r.StatusCode == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedAt, claim.CreatedAt), cancellationToken) == 1);

    public Task CompleteAsync(IdempotencyRecord claim, CancellationToken cancellationToken) => WithDbAsync(db =>
        db.Set<IdempotencyRecord>().Where(r => r.Caller == claim.Caller && r.Key == claim.Key)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, claim.StatusCode)
                .SetProperty(r => r.ContentType, claim.ContentType)
                .SetProperty(r => r.Location, claim.Location)
                .SetProperty(r => r.Body, claim.Body)
                .SetProperty(r => r.CompletedAt, claim.CompletedAt), cancellationToken));

    public Task ReleaseAsync(IdempotencyRecord claim, CancellationToken cancellationToken) => WithDbAsync(db =>
        db.Set<IdempotencyRecord>().Where(r => r.Caller == claim.Caller && r.Key == claim.Key && !r.EffectCommitted && r.StatusCode == null)
            .ExecuteDeleteAsync(cancellationToken));

    private async Task<T> WithDbAsync<T>(Func<TContext, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}

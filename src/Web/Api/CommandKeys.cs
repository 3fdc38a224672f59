using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The <c>Idempotency-Key</c> of each command a person sends (one per browser circuit): the same
/// command (method, path and body) sent again within a few seconds — a double click, a second press
/// while the first is on its way — carries the same key, so the platform acts once and answers both.
/// A command the platform refused did nothing: its key is forgotten (<see cref="Forget"/>), so the same
/// command sent again once the person has put right what stood in its way is a new attempt rather than
/// the replay of the refusal the platform keeps under that key.
/// </summary>
public sealed class CommandKeys(TimeProvider time)
{
    /// <summary>How long an identical command counts as a repeat of the first.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (string Key, DateTimeOffset At)> _recent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string KeyFor(HttpMethod method, string path, ReadOnlySpan<byte> body)
    {
        var command = $"{method} {path} {Convert.ToHexString(SHA256.HashData(body))}";
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var stale in _recent.Where(r => now - r.Value.At > RepeatWindow).Select(r => r.Key).ToList())
            {
                _recent.Remove(stale);
            }
            if (_recent.TryGetValue(command, out var recent))
            {
                return recent.Key;
            }
            var key = Guid.NewGuid().ToString();
            _recent[command] = (key, now);
            return key;
        }
    }

    public string KeyFor(HttpMethod method, string path, string body) => KeyFor(method, path, Encoding.UTF8.GetBytes(body));

    /// <summary>Forgets a key handed out, so the next identical command gets a new one.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            foreach (var command in _recent.Where(r => r.Value.Key == key).Select(r => r.Key).ToList())
            {
                _recent.Remove(command);
            }
        }
    }

    /// <summary>
    /// Whether an answer is the platform's refusal of the command itself (a 4xx: nothing was done), rather than
    /// an answer about the key (idempotency-*: the first send is still running or the key was misused), a timeout
    /// (408) or a throttle (429), after which the command may yet have been done or is to be repeated as it was.
    /// </summary>
    public static bool IsRefusal(int status, string? problemType) =>
        status is >= 400 and < 500 and not 408 and not 429
        && !(problemType?.StartsWith("/errors/idempotency-", StringComparison.Ordinal) ?? false);
}

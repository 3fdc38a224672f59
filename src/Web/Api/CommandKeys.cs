using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The <c>Idempotency-Key</c> of each command a person sends (one per browser circuit): the same
/// command (method, path and body) sent again within a few seconds — a double click, a second press
/// while the first is on its way — carries the same key, so the platform acts once and answers both.
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
}

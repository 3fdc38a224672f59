using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KhuyenCong.Identity.Tokens;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Identity.Domain;

/// <summary>
/// Counts failed sign-ins and says when the next attempt must wait. Three counters, each over a sliding window:
/// one user name from one client address, one client address whatever the names, and one user name from every
/// address together.
/// </summary>
/// <remarks>
/// Why not lock the account after N failures (ASP.NET Core Identity's lockout): that counter belongs to the
/// account, so anyone who knows a user name could keep it locked forever from anywhere, administrators included,
/// and only existing users would get "locked" (telling an attacker which names exist). Here the counters belong to
/// the attacker's side: an address that keeps failing is refused for a while, whatever the name and whether or not
/// it exists, while the real user signs in from their own address. The all-addresses counter slows guessing spread
/// over many addresses; addresses the user signed in from recently are exempt from it, so even a distributed
/// attacker cannot keep the user out of a place they already use. An administrator can still lock an account
/// for good through the users API; that is the only lockout left.
/// The counters live in this process: the identity service runs as a single instance, and a restart merely
/// forgives recent failures.
/// </remarks>
public sealed class SignInThrottle(IOptionsMonitor<IdentityServerOptions> options, TimeProvider time)
{
    private const int MaxKeyLength = 256;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _knownAddresses = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    private IdentityServerOptions.ThrottleSettings Settings => options.CurrentValue.Throttle;

    /// <summary>How long the caller must wait before trying <paramref name="userName"/> from <paramref name="address"/>; null when they may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress? address, string userName)
    {
        var settings = Settings;
        var now = time.GetUtcNow();
        var source = Source(address);
        var name = Name(userName);
        TimeSpan? wait = null;
        Longest(ref wait, WaitFor($"pair|{source}|{name}", settings.PerUserNameAndAddress, settings.Window, now));
        Longest(ref wait, WaitFor($"addr|{source}", settings.PerAddress, settings.Window, now));
        if (!IsKnownAddress(source, name, settings, now))
        {
            Longest(ref wait, WaitFor($"name|{name}", settings.PerUserName, settings.Window, now));
        }
        return wait;
    }

    public void RecordFailure(IPAddress? address, string userName)
    {
        var now = time.GetUtcNow();
        var source = Source(address);
        var name = Name(userName);
        foreach (var key in new[] { $"pair|{source}|{name}", $"addr|{source}", $"name|{name}" })
        {
            _failures.GetOrAdd(key, _ => new Failures()).Add(now);
        }
        SweepIfDue(now);
    }

    /// <summary>A success forgives this address's failures for this name and makes the address a known one for the user.</summary>
    public void RecordSuccess(IPAddress? address, string userName)
    {
        var source = Source(address);
        var name = Name(userName);
        _failures.TryRemove($"pair|{source}|{name}", out _);
        _knownAddresses[$"{source}|{name}"] = time.GetUtcNow();
    }

    private TimeSpan? WaitFor(string key, int limit, TimeSpan window, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var failures) ? failures.WaitFor(limit, window, now) : null;

    private bool IsKnownAddress(string source, string name, IdentityServerOptions.ThrottleSettings settings, DateTimeOffset now) =>
        _knownAddresses.TryGetValue($"{source}|{name}", out var since) && now - since < settings.KnownAddressLifetime;

    private static void Longest(ref TimeSpan? wait, TimeSpan? other)
    {
        if (other > (wait ?? TimeSpan.Zero))
        {
            wait = other;
        }
    }

    /// <summary>Forgets windows with no failure left in them, at most once a window, so sprayed names do not pile up.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        var settings = Settings;
        if (now - _lastSweep < settings.Window)
        {
            return;
        }
        _lastSweep = now;
        foreach (var (key, failures) in _failures)
        {
            if (failures.IsEmpty(settings.Window, now))
            {
                _failures.TryRemove(key, out _);
            }
        }
        foreach (var (key, since) in _knownAddresses)
        {
            if (now - since >= settings.KnownAddressLifetime)
            {
                _knownAddresses.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The client's address; an IPv6 client is counted by its /64 network, which one subscriber usually holds whole.</summary>
    private static string Source(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    private static string Name(string userName)
    {
        var name = userName.Trim().ToUpperInvariant();
        return name.Length > MaxKeyLength ? name[..MaxKeyLength] : name;
    }

    /// <summary>The times of the failures of one counter, oldest first.</summary>
    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset now)
        {
            lock (_times)
            {
                _times.Enqueue(now);
            }
        }

        public bool IsEmpty(TimeSpan window, DateTimeOffset now)
        {
            lock (_times)
            {
                Prune(window, now);
                return _times.Count == 0;
            }
        }

        /// <summary>With <paramref name="limit"/> failures or more in the window: the time until enough of them have aged out.</summary>
        public TimeSpan? WaitFor(int limit, TimeSpan window, DateTimeOffset now)
        {
            lock (_times)
            {
                Prune(window, now);
                if (_times.Count < limit)
                {
                    return null;
                }
                var freeing = _times.ElementAt(_times.Count - limit);
                return freeing + window - now;
            }
        }

        private void Prune(TimeSpan window, DateTimeOffset now)
        {
            while (_times.Count > 0 && now - _times.Peek() >= window)
            {
                _times.Dequeue();
            }
        }
    }
}

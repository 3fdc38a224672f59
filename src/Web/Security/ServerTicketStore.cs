using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Keeps each signed-in session (the user's claims and tokens) on the server; the browser's cookie holds
/// only the session's key. Pages running in an interactive circuit refresh the tokens long after the
/// cookie was written, and cannot write a cookie: keeping the tokens here lets every later request and
/// circuit see the refreshed ones. The key is also put in the user's claims (<see cref="SessionClaim"/>),
/// so that a circuit can find its session. Entries expire with the cookie; the cache is in memory unless
/// another <see cref="IDistributedCache"/> is registered, and entries are encrypted with data protection.
/// </summary>
public sealed class ServerTicketStore(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    /// <summary>The claim that names the user's server-side session.</summary>
    public const string SessionClaim = "kc_session";

    private const string Prefix = "kc-web-session:";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);
    private readonly IDataProtector _protector = protection.CreateProtector("KhuyenCong.Web.SessionTickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(SessionClaim, key));
        }
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + DefaultLifetime,
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var stored = await cache.GetAsync(Prefix + key);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written with a key this host no longer has: the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);

    /// <summary>The session key of a signed-in user, when they have one.</summary>
    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(SessionClaim)?.Value;
}

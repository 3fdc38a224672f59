using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KhuyenCong.Web.Security;

/// <summary>
/// The access token of a signed-in session, refreshed with its refresh token shortly before it expires
/// (access tokens live 15 minutes; a person works for hours). The refreshed tokens are written back to
/// the session, so that requests and circuits share them. A session whose refresh token the identity
/// service refuses (expired, revoked, the user locked) is ended: the user signs in again.
/// </summary>
public sealed class UserTokens(
    ServerTicketStore sessions, IOptionsMonitor<OpenIdConnectOptions> oidcOptions, TimeProvider time, ILogger<UserTokens> logger)
{
    /// <summary>How long before its expiry a token is renewed, so that it does not expire on its way to a service.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    // One refresh at a time per session: a refresh token is used once, and a second use would end the
    // chain. Sessions share 64 locks by hash; across several web replicas the identity service's reuse
    // leeway covers two near-simultaneous refreshes.
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>The session's current access token; null when the session has ended.</summary>
    public async Task<string?> AccessTokenAsync(string session, CancellationToken cancellationToken)
    {
        var gate = _locks[(session.GetHashCode() & int.MaxValue) % _locks.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var ticket = await sessions.RetrieveAsync(session);
            if (ticket is null)
            {
                return null;
            }
            var accessToken = ticket.Properties.GetTokenValue(OpenIdConnectParameterNames.AccessToken);
            if (accessToken is not null && ExpiresAt(ticket.Properties) - Margin > time.GetUtcNow())
            {
                return accessToken;
            }

            var refreshed = await RefreshAsync(ticket.Properties.GetTokenValue(OpenIdConnectParameterNames.RefreshToken), cancellationToken);
            switch (refreshed)
            {
                case Refresh.Refused:
                    logger.LogInformation("The identity service refused to refresh a session's token; the session ends");
                    await sessions.RemoveAsync(session);
                    return null;
                case Refresh.Renewed renewed:
                    var tokens = new Dictionary<string, string?>
                    {
                        [OpenIdConnectParameterNames.AccessToken] = renewed.Message.AccessToken,
                        [OpenIdConnectParameterNames.RefreshToken] = renewed.Message.RefreshToken ?? ticket.Properties.GetTokenValue(OpenIdConnectParameterNames.RefreshToken),
                        [OpenIdConnectParameterNames.IdToken] = renewed.Message.IdToken ?? ticket.Properties.GetTokenValue(OpenIdConnectParameterNames.IdToken),
                        [OpenIdConnectParameterNames.TokenType] = renewed.Message.TokenType ?? "Bearer",
                        ["expires_at"] = renewed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture),
                    };
                    ticket.Properties.StoreTokens(tokens.Where(t => t.Value is not null)
                        .Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value! }));
                    await sessions.RenewAsync(session, ticket);
                    return renewed.Message.AccessToken;
                default:
                    // The identity service did not answer: keep the session and try again on the next call.
                    return accessToken;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the session still exists (it ends at sign-out, at the cookie's expiry, or when a refresh is refused).</summary>
    public async Task<bool> IsActiveAsync(string session) => await sessions.RetrieveAsync(session) is not null;

    private static DateTimeOffset ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;

    private async Task<Refresh> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return new Refresh.Refused();
        }
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = OpenIdConnectGrantTypes.RefreshToken,
                ["client_id"] = options.ClientId!,
                ["refresh_token"] = refreshToken,
            }), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                return new Refresh.Refused();
            }
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Refreshing a token failed: {Status}", (int)response.StatusCode);
                return new Refresh.Failed();
            }
            var message = new OpenIdConnectMessage(body);
            if (string.IsNullOrEmpty(message.AccessToken))
            {
                return new Refresh.Refused();
            }
            var lifetime = int.TryParse(message.ExpiresIn, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            return new Refresh.Renewed(message, time.GetUtcNow().AddSeconds(lifetime));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Refreshing a token failed");
            return new Refresh.Failed();
        }
    }

    private abstract record Refresh
    {
        public sealed record Renewed(OpenIdConnectMessage Message, DateTimeOffset ExpiresAt) : Refresh;
        public sealed record Refused : Refresh;
        public sealed record Failed : Refresh;
    }
}

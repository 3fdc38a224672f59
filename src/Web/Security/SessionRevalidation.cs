using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Checks every minute that the circuit's session still exists: once it has ended (signed out in
/// another tab, its refresh refused), the circuit's user becomes anonymous and pages ask to sign in.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, UserTokens tokens) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated != true
        || (ServerTicketStore.SessionOf(authenticationState.User) is { } session && await tokens.IsActiveAsync(session));
}

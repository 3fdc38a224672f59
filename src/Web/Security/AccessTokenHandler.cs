using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Gives every call to the gateway the signed-in user's access token. The user is the one of the
/// interactive circuit making the call, or, outside a circuit (prerendering, a file download), the one
/// of the HTTP request. Anonymous calls go without a token (the public catalogue needs none).
/// </summary>
public sealed class AccessTokenHandler(CircuitServices circuit, IHttpContextAccessor http, UserTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ServerTicketStore.SessionOf(await CurrentUserAsync()) is { } session
            && await tokens.AccessTokenAsync(session, cancellationToken) is { } accessToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<ClaimsPrincipal?> CurrentUserAsync()
    {
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } state)
        {
            return (await state.GetAuthenticationStateAsync()).User;
        }
        return http.HttpContext?.User;
    }
}

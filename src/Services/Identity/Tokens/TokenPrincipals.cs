using System.Security.Claims;
using KhuyenCong.Identity.Data;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.Identity.Tokens;

/// <summary>The claims the server writes into tokens: subject, name, roles and the user's data scope, for the kc-api audience.</summary>
internal static class TokenPrincipals
{
    public static async Task<ClaimsPrincipal> ForUserAsync(PlatformUser user, UserManager<PlatformUser> users, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.AddClaim(Claims.Subject, user.Id);
        identity.AddClaim(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName! : user.DisplayName);
        identity.AddClaim(Claims.PreferredUsername, user.UserName!);
        foreach (var role in await users.GetRolesAsync(user))
        {
            identity.AddClaim(Claims.Role, role);
        }
        AddIfPresent(identity, PlatformClaims.UnitCode, user.UnitCode);
        AddIfPresent(identity, PlatformClaims.District, user.District);
        AddIfPresent(identity, PlatformClaims.TaxCode, user.TaxCode);
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string clientId, string displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.AddClaim(Claims.Subject, clientId);
        identity.AddClaim(Claims.Name, displayName);
        foreach (var role in PlatformClients.RolesOf(clientId))
        {
            identity.AddClaim(Claims.Role, role);
        }
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            identity.AddClaim(type, value);
        }
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(PlatformClaims.ApiAudience);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    // Every claim goes into the access token, which the services read; the identity token (for the
    // web UI) gets the name and roles only when the matching scope was granted.
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.PreferredUsername when claim.Subject!.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role when claim.Subject!.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}

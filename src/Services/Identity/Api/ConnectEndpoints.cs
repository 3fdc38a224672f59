using System.Security.Claims;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Tokens;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.Identity.Api;

/// <summary>
/// The parts of the OAuth 2.0 / OpenID Connect endpoints that decide who gets a token; OpenIddict
/// validates the requests (clients, PKCE, grants, scopes) before these handlers run.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").ExcludeFromDescription();
        group.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        group.MapPost("/token", Exchange);
        group.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], Logout);
        return app;
    }

    /// <summary>Authorization code flow: a signed-in user gets a code at once (implicit consent); others go to the login page first.</summary>
    private static async Task<IResult> Authorize(HttpContext context, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login) || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }
            // prompt=login is dropped from the return address, so the login is asked for once.
            var parameters = (context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList())
                .Where(p => p.Key != Parameters.Prompt)
                .ToList();
            var prompt = string.Join(' ', request.GetPromptValues().Remove(PromptValues.Login));
            if (prompt.Length > 0)
            {
                parameters.Add(KeyValuePair.Create(Parameters.Prompt, new StringValues(prompt)));
            }
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var principal = await TokenPrincipals.ForUserAsync(user, users, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The token endpoint: client credentials, user name and password (kc-cli), code and refresh token exchanges.</summary>
    private static async Task<IResult> Exchange(
        HttpContext context, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("OpenIddict validated a client that does not exist.");
            var name = await applications.GetDisplayNameAsync(application) ?? request.ClientId!;
            return SignIn(TokenPrincipals.ForClient(request.ClientId!, name, request.GetScopes()));
        }

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? "");
            if (user is null)
            {
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Refuse(Errors.InvalidGrant, "The account is locked after too many failed sign-ins; try again later.");
            }
            if (!result.Succeeded)
            {
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }
            return SignIn(await TokenPrincipals.ForUserAsync(user, users, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token names the user; roles and scope are read again, so a change
            // made by an administrator applies at the next refresh.
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
            }
            return SignIn(await TokenPrincipals.ForUserAsync(user, users, granted!.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    /// <summary>Signs the user out of the identity service and returns them to the client's post-logout address.</summary>
    private static async Task<IResult> Logout(SignInManager<PlatformUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

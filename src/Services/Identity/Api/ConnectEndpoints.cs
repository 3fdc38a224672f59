using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Tokens;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
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
    public const string LogoutPath = "/connect/logout";

    // Vietnamese letters are written as they are; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

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
        HttpContext context, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PasswordSignIn passwords,
        IOpenIddictApplicationManager applications)
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
            var outcome = await passwords.CheckAsync(request.Username ?? "", request.Password ?? "", context.Connection.RemoteIpAddress);
            return outcome.Verdict switch
            {
                SignInVerdict.Succeeded => SignIn(await TokenPrincipals.ForUserAsync(outcome.User!, users, request.GetScopes())),
                SignInVerdict.Throttled => Throttled(context, outcome),
                SignInVerdict.NotAllowed => Refuse(Errors.InvalidGrant, "The account is locked; ask an administrator."),
                SignInVerdict.PasswordTooLong => Refuse(Errors.InvalidRequest, $"The password is longer than {PasswordSignIn.MaxPasswordLength} characters."),
                _ => Refuse(Errors.InvalidGrant, "The user name or password is wrong."),
            };
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

    /// <summary>
    /// RP-initiated logout. A GET (a link, an image, a redirect from any site) only shows a confirmation form; the
    /// sign-out happens on a POST: the confirmation form with its antiforgery token, or a client posting the
    /// id_token_hint of the signed-in user (which another site cannot know). Any other POST gets the form too,
    /// so nothing signs a user out without their click or their client's word.
    /// </summary>
    private static async Task<IResult> Logout(
        HttpContext context, IAntiforgery antiforgery, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users)
    {
        // The confirmation form (antiforgery) or the signed-in user's own id token, which only the client it was
        // issued to holds: a link from another site carries neither. The web UI sends the hint by GET.
        var confirmed = (HttpMethods.IsPost(context.Request.Method) && await antiforgery.IsRequestValidAsync(context))
            || await HintNamesSignedInUserAsync(context, users);
        if (!confirmed)
        {
            return LogoutConfirmation(context, antiforgery);
        }
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>True when the request's id_token_hint (validated by OpenIddict) was issued to the user signed in here.</summary>
    private static async Task<bool> HintNamesSignedInUserAsync(HttpContext context, UserManager<PlatformUser> users)
    {
        var hinted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal?.GetClaim(Claims.Subject);
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return hinted is not null && cookie.Succeeded && users.GetUserId(cookie.Principal!) == hinted;
    }

    private static IResult LogoutConfirmation(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        // The OpenID Connect parameters (post_logout_redirect_uri, id_token_hint, state...) travel on in the form.
        var parameters = (context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList())
            .Where(p => p.Key != tokens.FormFieldName)
            .SelectMany(p => p.Value.Select(value => (p.Key, Value: value ?? "")));
        var fields = string.Concat(parameters.Select(p =>
            $"<input type=\"hidden\" name=\"{Html.Encode(p.Key)}\" value=\"{Html.Encode(p.Value)}\">"));
        var body = AccountPages.Document("Đăng xuất", $$"""
            <h1>Đăng xuất</h1>
            <p>Bạn có chắc muốn đăng xuất khỏi hệ thống quản lý khuyến công?</p>
            <form method="post" action="{{LogoutPath}}">
              <input type="hidden" name="{{Html.Encode(tokens.FormFieldName)}}" value="{{Html.Encode(tokens.RequestToken ?? "")}}">
              {{fields}}
              <button type="submit">Đăng xuất</button>
            </form>
            """);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(body, "text/html; charset=utf-8");
    }

    /// <summary>429 with Retry-After, in the token endpoint's own error format; the same whether or not the user exists.</summary>
    private static IResult Throttled(HttpContext context, SignInOutcome outcome)
    {
        context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new Dictionary<string, string>
        {
            [Parameters.Error] = Errors.TemporarilyUnavailable,
            [Parameters.ErrorDescription] = "Too many failed sign-ins from this address or for this user name; try again later.",
        }, statusCode: StatusCodes.Status429TooManyRequests);
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

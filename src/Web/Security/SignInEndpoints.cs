using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Signing in and out. Sign-in sends the browser to the identity service's login page (authorization
/// code with PKCE); sign-out ends the session here and at the identity service, then shows the public
/// catalogue. (<c>/account</c> belongs to the identity service behind the same gateway.)
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/auth/login";
    public const string SignOutPath = "/auth/logout";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalAddress.OrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SignOutPath, ([FromForm] string? returnUrl) =>
                TypedResults.SignOut(new AuthenticationProperties { RedirectUri = LocalAddress.OrHome(returnUrl ?? "/catalogue") },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The sign-in address that comes back to the given page of this site.</summary>
    public static string SignInFor(string relativeUrl) => $"{SignInPath}?returnUrl={Uri.EscapeDataString("/" + relativeUrl.TrimStart('/'))}";
}

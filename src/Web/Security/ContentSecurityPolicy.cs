using System.Security.Cryptography;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>
/// The Content-Security-Policy of the web app's pages: scripts, styles, images, fonts and connections only
/// from this site. The one inline script, the import map, carries a nonce made for each answer. Styles
/// keep <c>'unsafe-inline'</c>: MudBlazor writes <c>style</c> attributes, which neither a nonce nor a hash
/// can allow (and a nonce next to <c>'unsafe-inline'</c> would switch it off). <c>connect-src 'self'</c>
/// covers Blazor's WebSocket to the same host (ws: and wss: match <c>'self'</c> in CSP level 3). The
/// sign-out form's answer leads on to the identity service, which is on the same site behind the gateway;
/// its origin is named in <c>form-action</c> all the same, for a deployment where it is not.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceKey = "kc.csp-nonce";

    /// <summary>The nonce of this answer's inline scripts.</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    public static string For(string nonce, string? identityOrigin) => ContentSecurity.Page(nonce, identityOrigin);

    /// <summary>Sets the policy on every HTML answer, the error and not-found pages included.</summary>
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app)
    {
        var authority = app.ApplicationServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(OpenIdConnectDefaults.AuthenticationScheme).Authority;
        var identityOrigin = Uri.TryCreate(authority, UriKind.Absolute, out var identity) ? identity.GetLeftPart(UriPartial.Authority) : null;
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    context.Response.Headers.ContentSecurityPolicy = For(NonceOf(context), identityOrigin);
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

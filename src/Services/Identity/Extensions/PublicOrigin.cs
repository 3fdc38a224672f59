using KhuyenCong.Identity.Tokens;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Identity.Extensions;

/// <summary>
/// Every request is seen on the configured public origin (<c>Identity:Issuer</c>): the login redirect, the
/// discovery document and every other absolute address are built on it, never on the Host or X-Forwarded-Host a
/// caller sends (which would let anyone point a victim's redirects at their own site).
/// </summary>
public sealed class PublicOrigin(RequestDelegate next, IOptions<IdentityServerOptions> options)
{
    private readonly Uri? _issuer = options.Value.Issuer;

    public Task InvokeAsync(HttpContext context)
    {
        if (_issuer is not null)
        {
            context.Request.Scheme = _issuer.Scheme;
            context.Request.Host = HostString.FromUriComponent(_issuer);
        }
        return next(context);
    }
}

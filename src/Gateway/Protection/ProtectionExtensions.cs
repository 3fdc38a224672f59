using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Validation.AspNetCore;

namespace KhuyenCong.Gateway.Protection;

/// <summary>
/// The gateway's shield: forwarded headers from known proxies, rate limits per IP address and per
/// client (429 with Retry-After), a request body limit (413), security headers and a CORS allow-list.
/// </summary>
public static class ProtectionExtensions
{
    private const string CorsPolicy = "allow-listed-origins";

    public static WebApplicationBuilder AddGatewayProtection(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProtectionOptions.Section).Get<ProtectionOptions>() ?? new ProtectionOptions();
        builder.Services.Configure<ProtectionOptions>(builder.Configuration.GetSection(ProtectionOptions.Section));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsExempt(options.ExemptAddresses, http.Connection.RemoteIpAddress)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => Window(options.PermitsPerIp, options.Window))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ClientOf(http) switch
                {
                    null => RateLimitPartition.GetNoLimiter("anonymous"),
                    var client when options.ExemptClients.Contains(client[(client.IndexOf(':') + 1)..], StringComparer.Ordinal) => RateLimitPartition.GetNoLimiter("exempt-client"),
                    var client => RateLimitPartition.GetFixedWindowLimiter($"client:{client}", _ => Window(options.PermitsPerClient, options.Window)),
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await PlatformProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "too-many-requests",
                    "Quá nhiều yêu cầu.", "Too many requests.",
                    $"Hãy thử lại sau {response.Headers.RetryAfter} giây.", $"Slow down: try again in {response.Headers.RetryAfter} s.");
            };
        });

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.AllowedOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("X-Correlation-Id", "Retry-After", "Content-Disposition")));
        return builder;
    }

    /// <summary>The policy for pages that bring none of their own: scripts, styles and connections from this site only.</summary>
    public static readonly string PagePolicy = ContentSecurity.Page();

    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Browsers that once reached the platform over HTTPS never try plain HTTP again.
            app.UseHsts();
        }
        app.UseForwardedHeaders();
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers.Remove("Server");
                // A page that sets its own policy (the web UI) keeps it; every other answer gets one.
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                        ? PagePolicy
                        : ContentSecurity.Document;
                }
                return Task.CompletedTask;
            });
            await next(http);
        });
        app.UseCors(CorsPolicy);
        app.Use(async (http, next) =>
        {
            // Tokens travel in the Authorization header only: one in a URL is written to logs and browser histories.
            if (http.Request.Query.ContainsKey("access_token"))
            {
                await PlatformProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "token-in-url",
                    "Mã truy cập không được gửi trong địa chỉ.", "Access tokens are not accepted in the address.",
                    "Hãy gửi mã truy cập trong tiêu đề Authorization (Bearer); yêu cầu này không được chuyển tiếp.",
                    "Send the access token in the Authorization header (Bearer); this request was not forwarded.");
                return;
            }
            // Only a token whose signature, issuer, audience and lifetime hold names the caller whose limit it counts against.
            if (http.Request.Headers.Authorization.Count > 0)
            {
                http.User = await ValidatedCallerAsync(http);
            }
            await next(http);
        });
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            // Kestrel enforces the limit while reading; a declared length above it is refused before proxying.
            var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProtectionOptions>>().Value;
            var max = http.Request.Path.StartsWithSegments("/connect") || http.Request.Path.StartsWithSegments("/account")
                ? Math.Min(limits.MaxSignInBodyBytes, limits.MaxRequestBodyBytes)
                : limits.MaxRequestBodyBytes;
            if (http.Request.ContentLength > max)
            {
                await PlatformProblems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "payload-too-large",
                    "Nội dung yêu cầu quá lớn.", "The request body is too large.",
                    $"Chỉ nhận tối đa {max:N0} byte; yêu cầu này khai báo {http.Request.ContentLength:N0}.",
                    $"At most {max:N0} bytes are accepted; this request declares {http.Request.ContentLength:N0}.");
                return;
            }
            await next(http);
        });
        // An address under /api/ that no service owns is a missing API, not a page of the web UI.
        // Its order puts it after the services' routes (order 0) and before the web UI's catch-all (order 1000).
        app.Map("/api/{**rest}", (RequestDelegate)(http => PlatformProblems.WriteAsync(http, StatusCodes.Status404NotFound, "not-found",
                "Không có API ở địa chỉ này.", "There is no API at this address.", null, null)))
            .WithOrder(999);
        return app;
    }

    /// <summary>
    /// The caller a request's bearer token proves, or an anonymous user when the token does not validate
    /// (forged, expired, for another audience) or cannot be checked now: such a request meets only the per-IP limit.
    /// </summary>
    private static async Task<ClaimsPrincipal> ValidatedCallerAsync(HttpContext http)
    {
        try
        {
            // As the authentication middleware does: the validation handler first sees the request, then judges the token.
            var scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            if (await http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(http, scheme) is IAuthenticationRequestHandler handler)
            {
                await handler.HandleRequestAsync();
            }
            var result = await http.AuthenticateAsync(scheme);
            if (result.Succeeded && result.Principal is { } principal)
            {
                return principal;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The identity service's keys are out of reach: the request meets the per-IP limit, and the
            // service it goes to answers for the token.
        }
        return new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>Whether the per-IP limit spares <paramref name="address"/> (IPv4 also when it arrives mapped to IPv6).</summary>
    public static bool IsExempt(IEnumerable<string> exemptAddresses, IPAddress? address) =>
        address is not null && exemptAddresses.Select(IPAddress.Parse).Any(a => a.Equals(address) || (address.IsIPv4MappedToIPv6 && a.Equals(address.MapToIPv4())));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// Who a request speaks for (the user, else the client), from its validated token only: a token that
    /// does not validate names nobody, so nobody can spend another user's allowance.
    /// </summary>
    public static string? ClientOf(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        foreach (var claim in new[] { "sub", "client_id", "azp" })
        {
            if (http.User.FindFirst(claim)?.Value is { Length: > 0 } value)
            {
                return $"{claim}:{value}";
            }
        }
        return null;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

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
                await response.WriteAsJsonAsync(new
                {
                    type = "/errors/too-many-requests",
                    title = "Too many requests.",
                    status = StatusCodes.Status429TooManyRequests,
                    detail = $"Slow down: try again in {response.Headers.RetryAfter} s.",
                }, options: null, contentType: "application/problem+json", cancellationToken);
            };
        });

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.AllowedOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("X-Correlation-Id", "Retry-After", "Content-Disposition")));
        return builder;
    }

    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
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
                headers.ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
                return Task.CompletedTask;
            });
            await next(http);
        });
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            // Kestrel enforces the limit while reading; a declared length above it is refused before proxying.
            var max = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProtectionOptions>>().Value.MaxRequestBodyBytes;
            if (http.Request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.Response.WriteAsJsonAsync(new
                {
                    type = "/errors/payload-too-large",
                    title = "The request body is too large.",
                    status = StatusCodes.Status413PayloadTooLarge,
                    detail = $"At most {max:N0} bytes are accepted; this request declares {http.Request.ContentLength:N0}.",
                }, options: null, contentType: "application/problem+json");
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>Whether the per-IP limit spares <paramref name="address"/> (IPv4 also when it arrives mapped to IPv6).</summary>
    public static bool IsExempt(IEnumerable<string> exemptAddresses, IPAddress? address) =>
        address is not null && exemptAddresses.Select(IPAddress.Parse).Any(a => a.Equals(address) || (address.IsIPv4MappedToIPv6 && a.Equals(address.MapToIPv4())));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// Who a request speaks for (the user, else the client), read from its bearer token without validating it: only to share
    /// out the rate limit (the services validate tokens). A forged value still meets the per-IP limit.
    /// </summary>
    internal static string? ClientOf(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length < 2)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            foreach (var claim in new[] { "sub", "client_id", "azp" })
            {
                if (json.RootElement.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return $"{claim}:{value.GetString()}";
                }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        return null;
    }
}

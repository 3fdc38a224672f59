using Microsoft.Extensions.Options;

namespace KhuyenCong.Gateway.Protection;

/// <summary>The <c>Gateway:Https</c> section: the public HTTPS port and the plain HTTP ports that only point there.</summary>
public sealed class HttpsRedirectionOptions
{
    public const string Section = "Gateway:Https";

    /// <summary>The public HTTPS port; none means the gateway redirects nothing.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The local ports whose plain HTTP requests are redirected to <see cref="Port"/> (the public HTTP port). Other
    /// HTTP ports, such as the loopback one the web UI's server calls, are served as they are.
    /// </summary>
    public List<int> RedirectFromPorts { get; set; } = [];
}

/// <summary>
/// Plain HTTP on the public port answers with a permanent redirect to the same address over HTTPS (308, which keeps
/// the method and body), so that a person typing the bare host name lands on the encrypted site.
/// </summary>
public static class HttpsRedirection
{
    public static WebApplicationBuilder AddHttpsRedirection(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HttpsRedirectionOptions>(builder.Configuration.GetSection(HttpsRedirectionOptions.Section));
        return builder;
    }

    public static WebApplication UsePublicHttpsRedirection(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpsRedirectionOptions>>().Value;
        if (options.Port is not { } httpsPort || options.RedirectFromPorts.Count == 0)
        {
            return app;
        }
        var redirected = options.RedirectFromPorts.ToHashSet();
        app.Use((http, next) =>
        {
            if (http.Request.IsHttps || !redirected.Contains(http.Connection.LocalPort))
            {
                return next(http);
            }
            var request = http.Request;
            var host = new HostString(request.Host.Host, httpsPort);
            http.Response.Redirect($"https://{host.ToUriComponent()}{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{request.QueryString.ToUriComponent()}",
                permanent: true, preserveMethod: true);
            return Task.CompletedTask;
        });
        return app;
    }
}

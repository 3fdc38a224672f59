using System.Globalization;
using System.Net;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Gateway.Tests;

/// <summary>
/// The gateway in production mode: plain HTTP on the public port (8080) is redirected to HTTPS (8443), while the
/// loopback port the web UI's server calls (5999) is served as it is.
/// </summary>
public sealed class HttpsRedirectionTests : IDisposable
{
    private const int PublicHttpPort = 8080;
    private const int InternalPort = 5999;

    private readonly WebApplicationFactory<Program> _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseTestIdentity();
        host.UseEnvironment("Production");
        host.UseSetting("Gateway:Https:Port", "8443");
        host.UseSetting("Gateway:Https:RedirectFromPorts:0", PublicHttpPort.ToString(CultureInfo.InvariantCulture));
        host.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, LocalPortFromHeader>());
    });

    public void Dispose() => _gateway.Dispose();

    /// <summary>The test server has no sockets: the port a request "arrived on" is named by a header of the test.</summary>
    private sealed class LocalPortFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Local-Port";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.LocalPort = int.Parse(context.Request.Headers[Header].Single()!, CultureInfo.InvariantCulture);
                return following(context);
            });
            next(app);
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, int localPort)
    {
        var client = _gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(url) });
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(LocalPortFromHeader.Header, localPort.ToString(CultureInfo.InvariantCulture));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Plain_http_on_the_public_port_is_sent_to_the_same_address_over_https_method_and_body_kept()
    {
        using var page = await SendAsync(HttpMethod.Get, "http://kc.lan:8080/proposals?year=2025&q=ha%20long", PublicHttpPort);
        using var post = await SendAsync(HttpMethod.Post, "http://kc.lan:8080/connect/token", PublicHttpPort);

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://kc.lan:8443/proposals?year=2025&q=ha%20long", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, post.StatusCode);
        Assert.Equal("https://kc.lan:8443/connect/token", post.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_internal_port_and_https_itself_are_served_without_a_redirect()
    {
        using var inside = await SendAsync(HttpMethod.Get, $"http://localhost:{InternalPort}/health", InternalPort);
        using var secure = await SendAsync(HttpMethod.Get, "https://kc.lan:8443/health", 8443);

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
    }
}

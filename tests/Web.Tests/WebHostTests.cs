extern alias WebApp;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The web app alone, in-process, with no platform behind it (the gateway and the identity service are
/// unreachable): what it answers on its own, in production and in development.
/// </summary>
public sealed class WebHostTests
{
    /// <summary>Words of a developer exception page or of a stack trace, and the unreachable internal address.</summary>
    private static readonly string[] Internals = ["Exception", "   at ", "Stack", "Headers", "127.0.0.1", "IDX"];

    private static WebApplicationFactory<WebApp::Program> WebApp(string environment) =>
        new WebApplicationFactory<WebApp::Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            // Nothing listens there: the sign-in challenge cannot reach the identity service and throws.
            host.UseSetting("Gateway:Url", "http://127.0.0.1:9/");
            host.UseSetting("Identity:Authority", "http://127.0.0.1:9/");
        });

    [Fact]
    public async Task In_production_behind_the_gateways_https_the_web_app_answers_with_strict_transport_security()
    {
        await using var app = WebApp("Production");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture?culture=en-US&redirectUri=%2Fcatalogue");
        // What the gateway sends on for a browser that came over https to the public host name.
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "khuyencong.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no Strict-Transport-Security header");
        Assert.StartsWith("max-age=", Assert.Single(hsts));
    }

    [Fact]
    public async Task In_production_every_cookie_of_the_web_app_is_secure_http_only_and_same_site_lax()
    {
        await using var app = WebApp("Production");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Over plain http, as the gateway forwards a request on its loopback port.
        using var response = await client.GetAsync("/culture?culture=en-US&redirectUri=%2F");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // The session and the sign-in's correlation and nonce cookies.
        var session = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        var signIn = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        Assert.All([session, signIn.CorrelationCookie, signIn.NonceCookie], c => Assert.Equal(CookieSecurePolicy.Always, c.SecurePolicy));
        Assert.All([session, signIn.CorrelationCookie, signIn.NonceCookie], c => Assert.True(c.HttpOnly));
        Assert.Equal(SameSiteMode.Lax, session.SameSite);
    }

    [Fact]
    public async Task In_development_over_plain_http_the_cookies_work_without_https()
    {
        await using var app = WebApp("Development");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/culture?culture=en-US&redirectUri=%2F");

        Assert.DoesNotContain("; secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        var session = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        Assert.Equal(CookieSecurePolicy.SameAsRequest, session.SecurePolicy);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Bad_input_and_a_failing_sign_in_never_show_exception_details(string environment)
    {
        await using var app = WebApp(environment);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/culture?redirectUri=%2F%5Cx", "/culture?culture=%00", "/culture", "/culture?culture=en-US&redirectUri=%2F%09%2Fexample.org" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }

        // A sign-out posted without the form's antiforgery token is refused, not an error.
        using (var signOut = await client.PostAsync("/auth/logout", new FormUrlEncodedContent([new("returnUrl", "//example.org")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
            await AssertNoInternalsAsync("/auth/logout", signOut);
        }

        // The identity service out of reach makes the sign-in challenge throw: the answer says so without internals.
        using var signIn = await client.GetAsync("/auth/login?returnUrl=%2F");
        Assert.False(signIn.IsSuccessStatusCode);
        await AssertNoInternalsAsync("/auth/login", signIn);
    }

    [Fact]
    public async Task Pages_the_not_found_page_included_carry_the_web_apps_content_security_policy_and_the_import_map_its_nonce()
    {
        await using var app = WebApp("Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/=]+)';").Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Equal(
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
            "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self' http://127.0.0.1:9",
            policy);
        var importMap = Regex.Match(html, "<script type=\"importmap\" nonce=\"(?<nonce>[^\"]+)\">");
        Assert.True(importMap.Success, "no import map with a nonce in the page");
        Assert.Equal(nonce, WebUtility.HtmlDecode(importMap.Groups["nonce"].Value));
        // Inline scripts other than the import map would be refused by the policy.
        Assert.Single(Regex.Matches(html, "<script(?![^>]*\\bsrc=)"));
    }

    private static async Task AssertNoInternalsAsync(string path, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var word in Internals)
        {
            Assert.False(body.Contains(word, StringComparison.Ordinal), $"{path} answered {(int)response.StatusCode} showing '{word}': {body[..Math.Min(body.Length, 500)]}");
        }
    }
}

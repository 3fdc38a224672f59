using System.Net;
using System.Text;
using System.Text.Json;
using KhuyenCong.Gateway.Protection;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace KhuyenCong.Gateway.Tests;

/// <summary>
/// The gateway on its own, with small limits so that they are reached quickly. Callers carry real tokens
/// of a token server (<see cref="TestIdentity"/>), which the gateway validates as the services do.
/// </summary>
public sealed class ProtectionTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseTestIdentity();
        host.UseSetting("Gateway:Protection:PermitsPerIp", "8");
        host.UseSetting("Gateway:Protection:PermitsPerClient", "3");
        host.UseSetting("Gateway:Protection:Window", "00:01:00");
        host.UseSetting("Gateway:Protection:MaxRequestBodyBytes", "1024");
        host.UseSetting("Gateway:Protection:AllowedOrigins:0", "https://kc.quangninh.gov.vn");
        host.UseSetting("Gateway:Protection:ExemptClients:0", "kc-batch");
    });

    public void Dispose() => _gateway.Dispose();

    /// <summary>A signed token of the token server for a user whose subject is <paramref name="subject"/>.</summary>
    private static string TokenOf(string subject) =>
        Task.Run(() => TestIdentity.Current.TokenForAsync(new TestUser(PlatformRoles.Officer, Subject: subject))).GetAwaiter().GetResult();

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A token that names <paramref name="subject"/> but was signed by nobody.</summary>
    private static string UnsignedTokenNaming(string subject) => $"{Part("{\"alg\":\"RS256\"}")}.{Part($"{{\"sub\":\"{subject}\"}}")}.signature";

    /// <summary>A real token whose payload was swapped for one naming <paramref name="subject"/>: its signature no longer holds.</summary>
    private static string TamperedTokenNaming(string subject)
    {
        var real = TokenOf("attacker").Split('.');
        var payload = JsonDocument.Parse(Convert.FromBase64String(Pad(real[1].Replace('-', '+').Replace('_', '/')))).RootElement;
        var claims = payload.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        claims["sub"] = subject;
        return $"{real[0]}.{Part(JsonSerializer.Serialize(claims))}.{real[2]}";
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');

    private static HttpRequestMessage Health(string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return request;
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_while_another_client_goes_on()
    {
        var client = _gateway.CreateClient();
        var web = TokenOf("kc-web");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health(web))).StatusCode);
        }

        var refused = await client.SendAsync(Health(web));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Quá nhiều yêu cầu.", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health(TokenOf("kc-demodata")))).StatusCode);
    }

    [Fact]
    public async Task Tokens_that_do_not_validate_cannot_spend_the_allowance_of_the_user_they_name()
    {
        // The per-IP limit stays out of the way here: only the per-user limit is under test.
        using var gateway = _gateway.WithWebHostBuilder(host => host.UseSetting("Gateway:Protection:PermitsPerIp", "1000"));
        var client = gateway.CreateClient();
        for (var i = 0; i < 40; i++)
        {
            await client.SendAsync(Health(i % 2 == 0 ? UnsignedTokenNaming("victim") : TamperedTokenNaming("victim")));
        }

        var victim = TokenOf("victim");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health(victim))).StatusCode);
        }
        // The victim's own allowance is still whole, and it is the victim's own requests that spend it.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Health(victim))).StatusCode);
    }

    [Fact]
    public async Task With_the_identity_service_out_of_reach_a_request_with_a_token_still_goes_through_on_the_per_ip_limit()
    {
        using var gateway = _gateway.WithWebHostBuilder(host =>
        {
            host.UseSetting("Identity:Authority", "http://127.0.0.1:1/");
            host.UseSetting("Gateway:Protection:PermitsPerIp", "2");
            host.UseSetting("Gateway:Protection:PermitsPerClient", "1");
        });
        var client = gateway.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await client.SendAsync(Health(TokenOf("kc-web")))).StatusCode);
        }
        // Nobody's token can be checked, so every request counts against the address (2 a minute) and none fails.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task An_exempt_client_is_spared_the_per_client_limit_but_not_the_per_ip_limit()
    {
        var client = _gateway.CreateClient();
        var batch = TokenOf("kc-batch");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await client.SendAsync(Health(batch))).StatusCode);
        }

        Assert.Equal(8, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task An_address_over_its_limit_gets_429_whatever_client_it_claims()
    {
        var client = _gateway.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await client.SendAsync(Health(i % 2 == 0 ? null : UnsignedTokenNaming($"client-{i}")))).StatusCode);
        }
        Assert.Equal(8, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData("/api/proposals?access_token=")]
    [InlineData("/api/proposals/00000000-0000-0000-0000-000000000001?ACCESS_TOKEN=")]
    [InlineData("/api/reports/summary?fromYear=2020&access_token=")]
    public async Task A_token_in_the_address_is_refused_before_it_reaches_a_service_or_counts_for_its_user(string path)
    {
        var client = _gateway.CreateClient();
        var token = TokenOf("query-user");
        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync(path + token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/errors/token-in-url", problem.GetProperty("type").GetString());
            Assert.Contains("Authorization", problem.GetProperty("detail").GetString());
        }
        // The user the token proves has not spent anything.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health(token))).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bearer-less")]
    public void Without_a_validated_token_a_request_speaks_for_nobody(string? scheme)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (scheme is not null)
        {
            http.Request.Headers.Authorization = $"Bearer {UnsignedTokenNaming("victim")}";
        }
        Assert.Null(ProtectionExtensions.ClientOf(http));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("203.113.1.5", false)]
    public void Only_the_listed_addresses_are_spared_the_per_ip_limit(string address, bool exempt) =>
        Assert.Equal(exempt, ProtectionExtensions.IsExempt(["127.0.0.1", "::1"], IPAddress.Parse(address)));

    [Fact]
    public async Task A_body_above_the_limit_gets_413_before_it_reaches_a_service()
    {
        var response = await _gateway.CreateClient().PostAsync("/api/proposals", new StringContent(new string('x', 2048), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/errors/payload-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_sign_in_form_above_its_own_limit_gets_413_at_the_gateway()
    {
        using var gateway = _gateway.WithWebHostBuilder(host =>
        {
            host.UseSetting("Gateway:Protection:MaxRequestBodyBytes", "65536");
            host.UseSetting("Gateway:Protection:MaxSignInBodyBytes", "1024");
        });
        var client = gateway.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["password"] = new string('x', 2048) };

        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, token.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, login.StatusCode);
        Assert.Equal("/errors/payload-too-large", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/")]
    [InlineData("/api/proposal/00000000-0000-0000-0000-000000000001")]
    public async Task An_address_under_api_that_no_service_owns_is_a_problem_404_not_a_page(string path)
    {
        var response = await _gateway.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/errors/not-found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task The_gateway_serves_no_api_document_of_its_own(string path)
    {
        // Without the web UI behind it, an address the gateway does not serve itself goes nowhere (502).
        var response = await _gateway.CreateClient().GetAsync(path);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("openapi", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await _gateway.CreateClient().GetAsync("/health");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void The_policy_for_pages_names_a_default_and_a_script_source()
    {
        Assert.Contains("default-src 'self'", ProtectionExtensions.PagePolicy);
        Assert.Contains("script-src 'self'", ProtectionExtensions.PagePolicy);
        Assert.DoesNotContain("unsafe-eval", ProtectionExtensions.PagePolicy);
        Assert.Contains("frame-ancestors 'none'", ProtectionExtensions.PagePolicy);
    }

    [Fact]
    public async Task In_production_https_answers_tell_browsers_to_keep_to_https()
    {
        using var production = _gateway.WithWebHostBuilder(host => host.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kc.quangninh.gov.vn") });
        var response = await client.GetAsync("/health");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());

        var development = await _gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kc.quangninh.gov.vn") }).GetAsync("/health");
        Assert.False(development.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Only_allow_listed_origins_may_call_from_a_browser()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/proposals");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            return await _gateway.CreateClient().SendAsync(request);
        }

        var allowed = await Preflight("https://kc.quangninh.gov.vn");
        var stranger = await Preflight("https://evil.example");

        Assert.Equal("https://kc.quangninh.gov.vn", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace KhuyenCong.Gateway.Tests;

/// <summary>The gateway on its own, with small limits so that they are reached quickly.</summary>
public sealed class ProtectionTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("Gateway:Protection:PermitsPerIp", "8");
        host.UseSetting("Gateway:Protection:PermitsPerClient", "3");
        host.UseSetting("Gateway:Protection:Window", "00:01:00");
        host.UseSetting("Gateway:Protection:MaxRequestBodyBytes", "1024");
        host.UseSetting("Gateway:Protection:AllowedOrigins:0", "https://kc.quangninh.gov.vn");
        host.UseSetting("Gateway:Protection:ExemptClients:0", "kc-batch");
    });

    public void Dispose() => _gateway.Dispose();

    private static string TokenFor(string clientId)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("{\"alg\":\"RS256\"}")}.{Part($"{{\"client_id\":\"{clientId}\"}}")}.signature";
    }

    private static HttpRequestMessage Health(string? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        if (client is not null)
        {
            request.Headers.Authorization = new("Bearer", TokenFor(client));
        }
        return request;
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_while_another_client_goes_on()
    {
        var client = _gateway.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health("kc-web"))).StatusCode);
        }

        var refused = await client.SendAsync(Health("kc-web"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Health("kc-demodata"))).StatusCode);
    }

    [Fact]
    public async Task An_exempt_client_is_spared_the_per_client_limit_but_not_the_per_ip_limit()
    {
        var client = _gateway.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await client.SendAsync(Health("kc-batch"))).StatusCode);
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
            answers.Add((await client.SendAsync(Health(i % 2 == 0 ? null : $"client-{i}"))).StatusCode);
        }
        Assert.Equal(8, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("203.113.1.5", false)]
    public void Only_the_listed_addresses_are_spared_the_per_ip_limit(string address, bool exempt) =>
        Assert.Equal(exempt, KhuyenCong.Gateway.Protection.ProtectionExtensions.IsExempt(["127.0.0.1", "::1"], IPAddress.Parse(address)));

    [Fact]
    public async Task A_body_above_the_limit_gets_413_before_it_reaches_a_service()
    {
        var response = await _gateway.CreateClient().PostAsync("/api/proposals", new StringContent(new string('x', 2048), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/errors/payload-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await _gateway.CreateClient().GetAsync("/health");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
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

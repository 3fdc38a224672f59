using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCong.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>What a service using the shared validation refuses: expired, tampered, foreign-audience and foreign-issuer tokens.</summary>
[Collection(ServersCollection.Name)]
public sealed class TokenRefusalTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private static async Task<HttpStatusCode> ProbeAsync(ProtectedService service, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/probe");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await service.Client.SendAsync(request)).StatusCode;
    }

    /// <summary>A token signed with the identity service's own signing key, saying what the test wants.</summary>
    private async Task<string> SignedTokenAsync(string audience = "kc-api", string issuer = Issuer, DateTime? expires = null)
    {
        await Client.GetStringAsync("/.well-known/jwks"); // the server makes its keys when first asked
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(await SigningKeyAsync()), out _);
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = now.AddMinutes(-20),
            NotBefore = now.AddMinutes(-20),
            Expires = expires ?? now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "forged", ["role"] = "Admin", ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    [Fact]
    public async Task Only_a_token_for_the_kc_api_audience_from_the_platform_issuer_is_accepted()
    {
        await using var service = await ProtectedService.StartAsync(Factory);

        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service, await SignedTokenAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, await SignedTokenAsync(audience: "other-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, await SignedTokenAsync(issuer: "http://elsewhere:8080/")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, await SignedTokenAsync(expires: DateTime.UtcNow.AddMinutes(-1))));
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_after_signing_is_refused()
    {
        await CreateUserAsync("lanh-dao", "Lanh-Dao-2024", ["Leader"]);
        var token = await AccessTokenAsync("lanh-dao", "Lanh-Dao-2024");
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        payload["role"] = "Admin";
        var tampered = $"{parts[0]}.{Base64UrlEncode(payload.ToJsonString())}.{parts[2]}";
        await using var service = await ProtectedService.StartAsync(Factory);

        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, $"{parts[0]}.{parts[1]}."));
        using var identity = ClientWith(tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, (await identity.GetAsync("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_refused()
    {
        await using var shortLived = NewFactory(Database, ("Identity:AccessTokenLifetime", "00:00:02"));
        var token = (await TokenAsync(shortLived.CreateClient(), ("grant_type", "client_credentials"), ("client_id", "kc-demodata"),
            ("client_secret", DemoDataSecret))).GetProperty("access_token").GetString()!;
        await using var service = await ProtectedService.StartAsync(shortLived);
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service, token));

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(service, token));
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_and_a_role_without_the_capability_is_forbidden()
    {
        await CreateUserAsync("tham-dinh", "Tham-Dinh-2024", ["Appraiser"]);
        await using var service = await ProtectedService.StartAsync(Factory);
        var appraiser = await AccessTokenAsync("tham-dinh", "Tham-Dinh-2024");

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync("/probe")).StatusCode);
        using var manage = new HttpRequestMessage(HttpMethod.Post, "/manage");
        manage.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appraiser);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.SendAsync(manage)).StatusCode);
    }

    [Fact]
    public async Task Tokens_stay_valid_across_a_restart_because_the_keys_are_kept_in_the_database()
    {
        var before = (await TokenAsync(Client, ("grant_type", "client_credentials"), ("client_id", "kc-demodata"), ("client_secret", DemoDataSecret)))
            .GetProperty("access_token").GetString()!;
        var keysBefore = await Client.GetStringAsync("/.well-known/jwks");

        await using var restarted = NewFactory(Database);
        var restartedClient = restarted.CreateClient();
        Assert.Equal(keysBefore, await restartedClient.GetStringAsync("/.well-known/jwks"));
        await using var service = await ProtectedService.StartAsync(restarted);
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service, before));

        var after = (await TokenAsync(restartedClient, ("grant_type", "password"), ("client_id", "kc-cli"), ("username", "admin"),
            ("password", AdminPassword), ("scope", "roles"))).GetProperty("access_token").GetString()!;
        using var first = ClientWith(after);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(1, await WithDbAsync(db => Task.FromResult(db.Keys.Count(k => k.Purpose == "signing"))));
    }
}

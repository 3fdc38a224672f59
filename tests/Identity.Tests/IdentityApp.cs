using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Identity.Data;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Identity.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>
/// The identity service on its own fresh database, as the AppHost runs it: tokens carry the gateway's
/// public address as issuer while this host is reached directly. It issues the tokens, so it accepts none of
/// the test token server's; its client sends none.
/// </summary>
public abstract class IdentityApp(PostgresServer postgres, RabbitMqServer rabbit)
    : ServiceHost<Program, IdentityDb>(postgres, rabbit, "identity", waitForBus: true, acceptTestTokens: false), IAsyncLifetime
{
    public const string Issuer = "http://localhost:8080/";
    public const string AdminPassword = "Quan-tri-2024";
    public const string DemoDataSecret = "demo-data-secret-for-tests";
    public const string RedirectUri = "http://localhost:8080/signin-oidc";

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Identity:AccountPublisher:PollInterval", "00:00:00.250");
        host.UseSetting("Identity:Issuer", Issuer);
        host.UseSetting("Identity:AllowPasswordFlow", "true");
        host.UseSetting("Identity:Admin:UserName", "admin");
        host.UseSetting("Identity:Admin:Password", AdminPassword);
        host.UseSetting("Identity:DemoData:ClientSecret", DemoDataSecret);
        host.UseSetting("Identity:Web:RedirectUris:0", RedirectUri);
    }

    // The test server gives no peer address; Kestrel behind the gateway sees the gateway's, on loopback.
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, LoopbackPeer>();

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>A password grant request as the gateway forwards it for a client at <paramref name="clientAddress"/>.</summary>
    protected static Task<HttpResponseMessage> PasswordFromAsync(HttpClient client, string clientAddress, string userName, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "kc-cli", ["username"] = userName, ["password"] = password,
            }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return client.SendAsync(request);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await DisposeHostAsync();

    protected Task<string> SigningKeyAsync() =>
        WithDbAsync(db => db.Keys.Where(k => k.Purpose == KeyMaterial.Signing).Select(k => k.Pkcs8).SingleAsync());

    /// <summary>POSTs a token request; returns the raw answer.</summary>
    protected static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, params (string Key, string Value)[] form) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    protected static async Task<JsonElement> TokenAsync(HttpClient client, params (string Key, string Value)[] form)
    {
        var response = await RequestTokenAsync(client, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token request refused: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    protected Task<JsonElement> PasswordTokenAsync(string userName, string password, string scope = "profile roles") =>
        TokenAsync(Client, ("grant_type", "password"), ("client_id", "kc-cli"), ("username", userName), ("password", password), ("scope", scope));

    protected async Task<string> AccessTokenAsync(string userName, string password) =>
        (await PasswordTokenAsync(userName, password)).GetProperty("access_token").GetString()!;

    protected Task<string> AdminTokenAsync() => AccessTokenAsync("admin", AdminPassword);

    /// <summary>A client that presents <paramref name="accessToken"/> as a bearer token.</summary>
    protected HttpClient ClientWith(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates a user through the API as the first administrator; returns the created user.</summary>
    protected async Task<JsonElement> CreateUserAsync(string userName, string password, string[] roles,
        string? unitCode = null, string? district = null, string? taxCode = null)
    {
        using var admin = ClientWith(await AdminTokenAsync());
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = $"Cán bộ {userName}", email = $"{userName}@example.vn", roles, unitCode, district, taxCode, password,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"user not created: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The payload of a JWT, unverified (what the token says, for assertions).</summary>
    protected static JsonElement PayloadOf(string jwt) =>
        JsonDocument.Parse(Base64UrlDecode(jwt.Split('.')[1])).RootElement;

    protected static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    protected static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected static string Base64UrlEncode(string text) => Base64UrlEncode(Encoding.UTF8.GetBytes(text));

    protected static IReadOnlyList<string> RolesIn(JsonElement payload) => payload.TryGetProperty("role", out var role)
        ? role.ValueKind == JsonValueKind.Array ? role.EnumerateArray().Select(r => r.GetString()!).ToList() : [role.GetString()!]
        : [];
}

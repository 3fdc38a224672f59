using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.TestSupport;

/// <summary>Who a test acts as: a role and, for the scoped roles, the tax code or unit it speaks for.</summary>
public sealed record TestUser(string Role, string? TaxCode = null, string? UnitCode = null, string? District = null, string? Subject = null,
    string? DisplayName = null)
{
    public static TestUser Admin { get; } = new(PlatformRoles.Admin);
    public static TestUser Officer { get; } = new(PlatformRoles.Officer);
    public static TestUser Appraiser { get; } = new(PlatformRoles.Appraiser);
    public static TestUser Leader { get; } = new(PlatformRoles.Leader);
    public static TestUser Establishment(string taxCode) => new(PlatformRoles.Establishment, TaxCode: taxCode);
    public static TestUser DistrictOfficer(string unitCode, string? district = null) => new(PlatformRoles.DistrictOfficer, UnitCode: unitCode, District: district);

    public string Name => Subject ?? ((TaxCode ?? UnitCode) is { } scope ? $"{Role.ToLowerInvariant()}-{scope}" : Role.ToLowerInvariant());
}

/// <summary>
/// A token server for service tests: a small OpenIddict server on a loopback port that signs access
/// tokens for any <see cref="TestUser"/>, with the claims, audience and signing the identity service
/// uses. A service under test validates them with its own OpenIddict validation, which fetches this
/// server's discovery document and keys exactly as it does from the identity service.
/// </summary>
public sealed class TestIdentity
{
    private static readonly Lazy<Task<TestIdentity>> Instance = new(StartAsync);
    private readonly ConcurrentDictionary<TestUser, Task<string>> _tokens = new();
    private readonly HttpClient _http;

    private TestIdentity(string issuer)
    {
        Issuer = issuer;
        _http = new HttpClient { BaseAddress = new Uri(issuer) };
    }

    /// <summary>The issuer (and discovery address) of the tokens.</summary>
    public string Issuer { get; }

    /// <summary>The one token server of this test process, started on first use.</summary>
    // Blocking waits run on the thread pool, outside the test framework's synchronisation context, whose
    // few threads could otherwise all be waiting for continuations queued behind them.
    public static TestIdentity Current => Task.Run(() => Instance.Value).GetAwaiter().GetResult();

    /// <summary>An access token for the user (one per user, valid for two hours).</summary>
    public Task<string> TokenForAsync(TestUser user) => _tokens.GetOrAdd(user, RequestAsync);

    private async Task<string> RequestAsync(TestUser user)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = "kc-tests",
            ["client_secret"] = "kc-tests",
            ["role"] = user.Role,
            ["sub"] = user.Name,
        };
        if (user.DisplayName is not null)
        {
            form["name"] = user.DisplayName;
        }
        if (user.TaxCode is not null)
        {
            form[PlatformClaims.TaxCode] = user.TaxCode;
        }

        if (user.UnitCode is not null)
        {
            form[PlatformClaims.UnitCode] = user.UnitCode;
        }

        if (user.District is not null)
        {
            form[PlatformClaims.District] = user.District;
        }

        using var response = await _http.PostAsync("connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The test token server refused: {body}");
    }

    private static async Task<TestIdentity> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.EnableDegradedMode();
            options.SetTokenEndpointUris("connect/token");
            options.AllowClientCredentialsFlow();
            options.AddEphemeralSigningKey();
            options.AddEphemeralEncryptionKey();
            options.DisableAccessTokenEncryption();
            options.SetAccessTokenLifetime(TimeSpan.FromHours(2));
            options.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                handler.UseInlineHandler(_ => default));
            options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
        });
        var app = builder.Build();
        app.MapPost("/connect/token", (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.AddClaim(Claims.Subject, (string?)request["sub"] ?? "test");
            identity.AddClaim(Claims.Name, (string?)request["name"] ?? (string?)request["sub"] ?? "test");
            identity.AddClaim(Claims.Role, (string?)request["role"] ?? PlatformRoles.Officer);
            foreach (var claim in new[] { PlatformClaims.TaxCode, PlatformClaims.UnitCode, PlatformClaims.District })
            {
                if ((string?)request[claim] is { Length: > 0 } value)
                {
                    identity.AddClaim(claim, value);
                }
            }
            identity.SetResources(PlatformClaims.ApiAudience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Urls.First().TrimEnd('/') + "/";
        return new TestIdentity(address);
    }
}

public static class TestIdentityExtensions
{
    /// <summary>
    /// Lets the service under test accept the tokens of <see cref="TestIdentity"/>. Tokens are judged by
    /// the real clock, even where a test moves the service's own calendar (its <see cref="TimeProvider"/>).
    /// </summary>
    public static IWebHostBuilder UseTestIdentity(this IWebHostBuilder host)
    {
        var identity = TestIdentity.Current;
        host.UseSetting("Identity:Issuer", identity.Issuer);
        host.UseSetting("Identity:Authority", identity.Issuer);
        host.ConfigureServices(services =>
            services.Configure<OpenIddict.Validation.OpenIddictValidationOptions>(o => o.TimeProvider = TimeProvider.System));
        return host;
    }

    /// <summary>Every request of the client goes with the user's access token.</summary>
    public static HttpClient As(this HttpClient client, TestUser user)
    {
        var identity = TestIdentity.Current;
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Task.Run(() => identity.TokenForAsync(user)).GetAwaiter().GetResult());
        return client;
    }

    /// <summary>The client sends no token.</summary>
    public static HttpClient Anonymous(this HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using KhuyenCong.Identity.Data;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>The web UI's sign-in: authorization code with PKCE through the login page, then refresh tokens.</summary>
[Collection(ServersCollection.Name)]
public sealed partial class BrowserFlowTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string AuthorizeUrl(string challenge, string state = "s-123", string method = "S256") =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = "kc-web",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile roles offline_access",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = method,
            ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>
    /// Follows authorize → login page → credentials → authorize; returns the answer of the last step. With
    /// <paramref name="otherReplica"/> the login page and the last step are asked of that one (the same cookies).
    /// </summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string authorizeUrl, string userName, string password,
        HttpClient? otherReplica = null)
    {
        var toLogin = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!;
        Assert.Equal("/account/login", loginUrl.AbsolutePath);

        var page = await (otherReplica ?? browser).GetAsync(loginUrl.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Đăng nhập", html);
        var returnUrl = HttpUtility.ParseQueryString(loginUrl.Query)["ReturnUrl"]!;
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"login refused: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        Assert.Equal(returnUrl, login.Headers.Location!.OriginalString);
        return await (otherReplica ?? browser).GetAsync(returnUrl);
    }

    [Fact]
    public async Task A_sign_in_goes_through_when_each_step_lands_on_another_replica()
    {
        // Two instances on one database, as behind the gateway's round robin: the login form's antiforgery
        // token and the sign-in cookie of one are read by the other, and the code is redeemed at either. In one
        // process (or one machine) the default key ring under $HOME is shared too, so the test also checks that
        // the ring lives in the database, the only place two pods or two servers share.
        await CreateUserAsync("can-bo-3", "Can-Bo-2024x", ["Officer"]);
        await using var replica = NewFactory(Database);
        var cookies = new CookieContainer();
        using var first = Factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var second = replica.CreateDefaultClient(new CookieContainerHandler(cookies));
        var (verifier, challenge) = Pkce();

        var callback = await SignInAsync(first, AuthorizeUrl(challenge), "can-bo-3", "Can-Bo-2024x", otherReplica: second);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var code = HttpUtility.ParseQueryString(callback.Headers.Location!.Query)["code"]!;
        var tokens = await TokenAsync(second, ("grant_type", "authorization_code"), ("client_id", "kc-web"), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier));
        Assert.Equal(["Officer"], RolesIn(PayloadOf(tokens.GetProperty("access_token").GetString()!)));
        foreach (var host in new[] { Factory.Services, replica.Services })
        {
            Assert.IsType<EntityFrameworkCoreXmlRepository<IdentityDb>>(host.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        }
        await using var scope = replica.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<IdentityDb>().DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task The_web_UI_signs_a_user_in_with_the_authorization_code_and_PKCE_and_refreshes_the_token()
    {
        await CreateUserAsync("can-bo", "Can-Bo-2024x", ["Officer"]);
        var (verifier, challenge) = Pkce();
        using var browser = Browser();

        var callback = await SignInAsync(browser, AuthorizeUrl(challenge), "can-bo", "Can-Bo-2024x");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString());
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("s-123", query["state"]);
        var tokens = await TokenAsync(Client, ("grant_type", "authorization_code"), ("client_id", "kc-web"), ("code", query["code"]!),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier));
        var access = PayloadOf(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(["Officer"], RolesIn(access));
        Assert.Equal("kc-api", access.GetProperty("aud").GetString());
        Assert.Equal(["Officer"], RolesIn(PayloadOf(tokens.GetProperty("id_token").GetString()!)));

        var refreshed = await TokenAsync(Client, ("grant_type", "refresh_token"), ("client_id", "kc-web"),
            ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(access.GetProperty("sub").GetString(), PayloadOf(refreshed.GetProperty("access_token").GetString()!).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task A_code_is_refused_without_the_PKCE_verifier_that_matches_its_challenge()
    {
        await CreateUserAsync("can-bo-2", "Can-Bo-2024x", ["Officer"]);
        var (_, challenge) = Pkce();
        using var browser = Browser();
        var callback = await SignInAsync(browser, AuthorizeUrl(challenge), "can-bo-2", "Can-Bo-2024x");
        var code = HttpUtility.ParseQueryString(callback.Headers.Location!.Query)["code"]!;

        var response = await RequestTokenAsync(Client, ("grant_type", "authorization_code"), ("client_id", "kc-web"), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", Pkce().Verifier));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_authorization_endpoint_refuses_a_request_without_PKCE()
    {
        using var browser = Browser();
        var response = await browser.GetAsync($"/connect/authorize?client_id=kc-web&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(RedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Behind_the_gateway_the_login_page_is_reached_at_the_public_address()
    {
        var (_, challenge) = Pkce();
        using var browser = Browser();
        var request = new HttpRequestMessage(HttpMethod.Get, AuthorizeUrl(challenge));
        request.Headers.Add("X-Forwarded-Host", "localhost:8080");
        request.Headers.Add("X-Forwarded-Proto", "http");

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost:8080/account/login?ReturnUrl=", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/\t/example.org")]
    [InlineData("/\\example.org")]
    [InlineData("//example.org")]
    [InlineData("https://example.org/")]
    [InlineData("/%09/example.org")]
    public async Task A_sign_in_with_a_return_address_that_leaves_the_site_ends_on_the_identity_services_own_page(string hostile)
    {
        await CreateUserAsync("can-bo-7", "Can-Bo-2024x", ["Officer"]);
        using var browser = Browser();
        var html = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["userName"] = "can-bo-7",
            ["password"] = "Can-Bo-2024x",
            ["returnUrl"] = hostile,
        }));

        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"{(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        Assert.Equal("/account/login?signedIn=true", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_login_form_is_refused_without_its_antiforgery_token()
    {
        using var browser = Browser();
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_authorization_endpoint_refuses_the_plain_PKCE_method()
    {
        var (verifier, _) = Pkce();
        using var browser = Browser();

        var response = await browser.GetAsync(AuthorizeUrl(verifier, method: "plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var discovery = JsonDocument.Parse(await Client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task A_forged_Host_or_X_Forwarded_Host_does_not_move_redirects_or_discovery_off_the_public_origin()
    {
        var (_, challenge) = Pkce();
        using var browser = Browser();
        var authorize = new HttpRequestMessage(HttpMethod.Get, AuthorizeUrl(challenge));
        authorize.Headers.Host = "evil.example";
        authorize.Headers.Add("X-Forwarded-Host", "attacker.example");
        authorize.Headers.Add("X-Forwarded-Proto", "https");
        var discovery = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        discovery.Headers.Host = "evil.example";
        discovery.Headers.Add("X-Forwarded-Host", "attacker.example");

        var redirect = await browser.SendAsync(authorize);
        var document = JsonDocument.Parse(await (await browser.SendAsync(discovery)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("http://localhost:8080/account/login?ReturnUrl=", redirect.Headers.Location!.ToString());
        Assert.Equal(Issuer, document.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "end_session_endpoint", "jwks_uri" })
        {
            Assert.StartsWith(Issuer, document.GetProperty(endpoint).GetString());
        }
    }

    [Fact]
    public async Task A_refresh_token_used_a_second_time_is_refused_and_its_successor_is_revoked_with_it()
    {
        await CreateUserAsync("can-bo-3", "Can-Bo-2024x", ["Officer"]);
        var (verifier, challenge) = Pkce();
        using var browser = Browser();
        var callback = await SignInAsync(browser, AuthorizeUrl(challenge), "can-bo-3", "Can-Bo-2024x");
        var code = HttpUtility.ParseQueryString(callback.Headers.Location!.Query)["code"]!;
        var first = (await TokenAsync(Client, ("grant_type", "authorization_code"), ("client_id", "kc-web"), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier))).GetProperty("refresh_token").GetString()!;
        var second = (await TokenAsync(Client, ("grant_type", "refresh_token"), ("client_id", "kc-web"), ("refresh_token", first)))
            .GetProperty("refresh_token").GetString()!;

        var reused = await RequestTokenAsync(Client, ("grant_type", "refresh_token"), ("client_id", "kc-web"), ("refresh_token", first));
        var successor = await RequestTokenAsync(Client, ("grant_type", "refresh_token"), ("client_id", "kc-web"), ("refresh_token", second));

        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await reused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, successor.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await successor.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Logout_by_GET_only_asks_for_confirmation_and_the_posted_form_signs_out()
    {
        await CreateUserAsync("can-bo-4", "Can-Bo-2024x", ["Officer"]);
        var (_, challenge) = Pkce();
        using var browser = Browser();
        await SignInAsync(browser, AuthorizeUrl(challenge), "can-bo-4", "Can-Bo-2024x");

        var confirmation = await browser.GetAsync("/connect/logout?state=st-9");
        var html = await confirmation.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Bạn có chắc muốn đăng xuất", html);
        Assert.Contains("<form method=\"post\" action=\"/connect/logout\">", html);
        Assert.Contains("name=\"state\" value=\"st-9\"", html);
        Assert.DoesNotContain(confirmation.Headers.TryGetValues("Set-Cookie", out var cleared) ? cleared : [],
            c => c.StartsWith("kc.identity=;", StringComparison.Ordinal));
        Assert.StartsWith(RedirectUri, (await browser.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.ToString()); // still signed in

        var forged = await browser.PostAsync("/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["state"] = "st-9" }));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.StartsWith(RedirectUri, (await browser.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.ToString());

        var confirmed = await browser.PostAsync("/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["state"] = "st-9",
        }));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/account/login", (await browser.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_client_posting_the_id_token_of_the_signed_in_user_signs_out_without_the_form_and_a_foreign_one_does_not()
    {
        await CreateUserAsync("can-bo-5", "Can-Bo-2024x", ["Officer"]);
        await CreateUserAsync("can-bo-6", "Can-Bo-2024x", ["Officer"]);
        async Task<(HttpClient Browser, string IdToken)> SignedInAsync(string userName)
        {
            var (verifier, challenge) = Pkce();
            var browser = Browser();
            var callback = await SignInAsync(browser, AuthorizeUrl(challenge), userName, "Can-Bo-2024x");
            var tokens = await TokenAsync(Client, ("grant_type", "authorization_code"), ("client_id", "kc-web"),
                ("code", HttpUtility.ParseQueryString(callback.Headers.Location!.Query)["code"]!), ("redirect_uri", RedirectUri), ("code_verifier", verifier));
            return (browser, tokens.GetProperty("id_token").GetString()!);
        }
        var (first, firstIdToken) = await SignedInAsync("can-bo-5");
        var (second, secondIdToken) = await SignedInAsync("can-bo-6");
        using (first)
        using (second)
        {
            var foreign = await first.PostAsync("/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token_hint"] = secondIdToken }));
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
            Assert.Contains("Bạn có chắc muốn đăng xuất", await foreign.Content.ReadAsStringAsync());
            var (_, challenge) = Pkce();
            Assert.StartsWith(RedirectUri, (await first.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.ToString());

            var own = await first.PostAsync("/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token_hint"] = firstIdToken }));

            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
            Assert.Equal("/account/login", (await first.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.AbsolutePath);

            // The same by GET, as a client's sign-out redirect sends it: a foreign hint asks, the user's own signs out.
            var foreignByGet = await second.GetAsync($"/connect/logout?id_token_hint={Uri.EscapeDataString(firstIdToken)}");
            Assert.Contains("Bạn có chắc muốn đăng xuất", await foreignByGet.Content.ReadAsStringAsync());
            Assert.StartsWith(RedirectUri, (await second.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.ToString());
            var ownByGet = await second.GetAsync($"/connect/logout?id_token_hint={Uri.EscapeDataString(secondIdToken)}");
            Assert.Equal(HttpStatusCode.Redirect, ownByGet.StatusCode);
            Assert.Equal("/account/login", (await second.GetAsync(AuthorizeUrl(challenge))).Headers.Location!.AbsolutePath);
        }
    }
}

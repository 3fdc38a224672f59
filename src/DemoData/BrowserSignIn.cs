using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KhuyenCong.DemoData;

/// <summary>
/// Signs a person in the way the web UI's browser does, through the gateway: the authorization request of the
/// <c>kc-web</c> client with a PKCE challenge, the identity service's sign-in form with its antiforgery token,
/// the redirect carrying the code, and the code exchanged for an access token with the verifier. Nothing of the
/// identity service is bypassed: the person's own password earns the person's own token.
/// </summary>
public static partial class BrowserSignIn
{
    private const string Client = "kc-web";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>The person's access token and when it expires.</summary>
    public static async Task<(string Token, DateTimeOffset ExpiresAt)> SignInAsync(
        Uri gateway, string userName, string password, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var redirectUri = new Uri(gateway, "signin-oidc").ToString();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = "connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = Client,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile roles",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        using var toLogin = await browser.GetAsync(authorize, cancellationToken);
        var loginUrl = Expect(toLogin, "the authorization request").Headers.Location!;
        using var page = await browser.GetAsync(loginUrl.IsAbsoluteUri ? loginUrl.PathAndQuery : loginUrl.OriginalString, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var returnUrl = Query(loginUrl, "ReturnUrl") ?? throw new InvalidOperationException("The sign-in page named no return address.");
        using var login = await browser.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }), cancellationToken);
        Expect(login, $"the sign-in of {userName}");
        using var callback = await browser.GetAsync(returnUrl.TrimStart('/'), cancellationToken);
        var location = Expect(callback, "the authorization after sign-in").Headers.Location!;
        if (Query(location, "state") != state || Query(location, "code") is not { } code)
        {
            throw new InvalidOperationException($"The identity service answered the sign-in of {userName} without a code: {location}");
        }

        using var exchange = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Client,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }), cancellationToken);
        var tokens = await exchange.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!exchange.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The code of {userName} was not exchanged ({(int)exchange.StatusCode}): {tokens}");
        }
        var lifetime = tokens.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
        return (tokens.GetProperty("access_token").GetString()!, clock.GetUtcNow().AddSeconds(lifetime));
    }

    private static HttpResponseMessage Expect(HttpResponseMessage response, string step) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is not null
            ? response
            : throw new InvalidOperationException($"{step} answered {(int)response.StatusCode} instead of a redirect.");

    private static string? Query(Uri uri, string name)
    {
        var query = uri.IsAbsoluteUri ? uri.Query : uri.OriginalString[(uri.OriginalString.IndexOf('?') is var i and >= 0 ? i : uri.OriginalString.Length)..];
        return query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == name)
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' ')))
            .FirstOrDefault();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Signs every request with a person's own access token, signing in again shortly before it expires.</summary>
public sealed class PersonTokens(Uri gateway, string userName, string password, TimeProvider clock) : DelegatingHandler(new HttpClientHandler())
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } current || clock.GetUtcNow() >= current.ExpiresAt - Margin)
            {
                _current = await BrowserSignIn.SignInAsync(gateway, userName, password, clock, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _current.Value.Token);
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Calls the gateway as one user: a token from the identity service's password flow (client <c>kc-cli</c>),
/// fetched again a minute before it expires, since a test run outlasts a 15-minute access token.
/// </summary>
public sealed class PasswordGrantHandler(Uri gateway, string userName, string password) : DelegatingHandler(new HttpClientHandler())
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _identity = new() { BaseAddress = gateway };
    private string? _token;
    private DateTimeOffset _expires;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || _expires - TimeSpan.FromMinutes(1) < DateTimeOffset.UtcNow)
            {
                using var response = await _identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "kc-cli",
                    ["username"] = userName,
                    ["password"] = password,
                    ["scope"] = "openid profile roles",
                }), cancellationToken);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The identity service refused a token to {userName}: {body}");
                }
                _token = body.GetProperty("access_token").GetString()!;
                _expires = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32());
            }
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _identity.Dispose();
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}

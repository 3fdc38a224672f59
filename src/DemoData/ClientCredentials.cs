using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.DemoData;

/// <summary>
/// Signs every request of the loader with an access token of the <c>kc-demodata</c> client (client
/// credentials, obtained from the identity service through the gateway), taking a new one shortly
/// before the current one expires.
/// </summary>
public sealed class ClientCredentials(Uri gateway, string clientId, string clientSecret, TimeProvider clock) : DelegatingHandler(new HttpClientHandler())
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

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
            if (_token is null || clock.GetUtcNow() >= _expiresAt - Margin)
            {
                using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "connect/token"))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = clientId,
                        ["client_secret"] = clientSecret,
                    }),
                };
                using var response = await base.SendAsync(tokenRequest, cancellationToken);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The identity service refused the demo data client ({(int)response.StatusCode}): {body}");
                }
                _token = body.GetProperty("access_token").GetString()!;
                _expiresAt = clock.GetUtcNow().AddSeconds(body.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
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
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}

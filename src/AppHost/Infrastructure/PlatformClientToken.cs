using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.AppHost.Infrastructure;

/// <summary>Obtains an access token for one of the platform's own clients (client credentials).</summary>
public static class PlatformClientToken
{
    public static async Task<string> RequestAsync(HttpClient http, Uri tokenEndpoint, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The identity service refused a token to {clientId} ({(int)response.StatusCode}): {body}");
    }
}

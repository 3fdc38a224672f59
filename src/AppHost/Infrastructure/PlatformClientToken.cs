using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.AppHost.Infrastructure;

/// <summary>Obtains an access token for one of the platform's own clients (client credentials) or for a user.</summary>
public static class PlatformClientToken
{
    public static Task<string> RequestAsync(HttpClient http, Uri tokenEndpoint, string clientId, string clientSecret, CancellationToken cancellationToken) =>
        RequestAsync(http, tokenEndpoint, clientId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }, cancellationToken);

    /// <summary>A user's token through a public client's password flow, with the user's roles.</summary>
    public static Task<string> RequestForUserAsync(HttpClient http, Uri tokenEndpoint, string clientId, string userName, string password, CancellationToken cancellationToken) =>
        RequestAsync(http, tokenEndpoint, clientId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "roles",
        }, cancellationToken);

    private static async Task<string> RequestAsync(HttpClient http, Uri tokenEndpoint, string clientId, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The identity service refused a token to {clientId} ({(int)response.StatusCode}): {body}");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.DemoData;

/// <summary>
/// The gateway as the loaders use it: JSON in and out, and any answer but the expected one stops the load
/// with what the service said. A service that does not know an establishment yet is asked again for a
/// while: its copy of the registry follows the registry's events, which a busy or restarting broker delays.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RegistryPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RegistryPoll = TimeSpan.FromSeconds(1);

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync(path, cancellationToken), HttpStatusCode.OK, cancellationToken);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(() => http.PostAsJsonAsync(path, body ?? new { }, Json, cancellationToken), expected, cancellationToken);

    public Task<JsonElement> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => http.PutAsJsonAsync(path, body, Json, cancellationToken), HttpStatusCode.OK, cancellationToken);

    /// <summary>Posts and accepts <paramref name="tolerated"/> as "already there": null then, the answer otherwise.</summary>
    public async Task<JsonElement?> PostUnlessAsync(string path, object body, HttpStatusCode tolerated, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        if (response.StatusCode == tolerated)
        {
            response.Dispose();
            return null;
        }
        return await ReadAsync(response, expected, cancellationToken);
    }

    /// <summary>Uploads files as one multipart/form-data request.</summary>
    public async Task<JsonElement> PostFilesAsync(string path, string field, IEnumerable<DemoFile> files, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, field, file.Name);
        }
        return await ReadAsync(await http.PostAsync(path, form, cancellationToken), HttpStatusCode.Created, cancellationToken);
    }

    private static async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var response = await send();
            if (waited >= RegistryPatience || !await NamesAnUnknownEstablishmentAsync(response, cancellationToken))
            {
                return await ReadAsync(response, expected, cancellationToken);
            }
            response.Dispose();
            await Task.Delay(RegistryPoll, cancellationToken);
            waited += RegistryPoll;
        }
    }

    private static async Task<bool> NamesAnUnknownEstablishmentAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode == HttpStatusCode.UnprocessableEntity
        && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("/errors/unknown-establishment", StringComparison.Ordinal);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        }
    }
}

/// <summary>A file to upload.</summary>
public sealed record DemoFile(string Name, string ContentType, byte[] Content);

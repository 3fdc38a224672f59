using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.DemoData;

/// <summary>The gateway as the loaders use it: JSON in and out, and any answer but the expected one stops the load with what the service said.</summary>
public sealed class GatewayClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync(path, cancellationToken), HttpStatusCode.OK, cancellationToken);

    public async Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await http.PostAsJsonAsync(path, body ?? new { }, Json, cancellationToken), expected, cancellationToken);

    public async Task<JsonElement> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        await ReadAsync(await http.PutAsJsonAsync(path, body, Json, cancellationToken), HttpStatusCode.OK, cancellationToken);

    /// <summary>Posts and accepts <paramref name="tolerated"/> as "already there": null then, the answer otherwise.</summary>
    public async Task<JsonElement?> PostUnlessAsync(string path, object body, HttpStatusCode tolerated, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        return response.StatusCode == tolerated ? null : await ReadAsync(response, expected, cancellationToken);
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

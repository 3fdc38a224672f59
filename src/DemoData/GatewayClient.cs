using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.DemoData;

/// <summary>
/// The gateway as the loaders use it: JSON in and out, and any answer but the expected one stops the load
/// with what the service said. A service that does not know an establishment yet is asked again for a
/// while: its copy of the registry follows the registry's events, which a busy or restarting broker delays.
/// Every command carries an <c>Idempotency-Key</c> of its own, kept when it is sent again after a lost
/// answer, a concurrent change, a busy limit or an unavailable service, so a retry never acts twice.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RegistryPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RegistryPoll = TimeSpan.FromSeconds(1);
    private const int MaxTransientRetries = 10;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await http.GetAsync(path, cancellationToken), HttpStatusCode.OK, cancellationToken);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(() => Command(HttpMethod.Post, path, () => JsonContent.Create(body ?? new { }, options: Json)), expected, cancellationToken);

    public Task<JsonElement> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => Command(HttpMethod.Put, path, () => JsonContent.Create(body, options: Json)), HttpStatusCode.OK, cancellationToken);

    /// <summary>Posts and accepts <paramref name="tolerated"/> as "already there": null then, the answer otherwise.</summary>
    public async Task<JsonElement?> PostUnlessAsync(string path, object body, HttpStatusCode tolerated, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await SendCommandAsync(Command(HttpMethod.Post, path, () => JsonContent.Create(body, options: Json)), cancellationToken);
        if (response.StatusCode == tolerated)
        {
            response.Dispose();
            return null;
        }
        return await ReadAsync(response, expected, cancellationToken);
    }

    /// <summary>Attaches a file to a record as a paper of <paramref name="kind"/> (multipart/form-data: file, kind).</summary>
    public async Task<JsonElement> AttachAsync(string path, DemoFile file, string kind, CancellationToken cancellationToken)
    {
        var boundary = $"kc-{Guid.NewGuid():N}";
        HttpContent Form()
        {
            var form = new MultipartFormDataContent(boundary);
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, "file", file.Name);
            form.Add(new StringContent(kind), "kind");
            return form;
        }
        return await ReadAsync(await SendCommandAsync(Command(HttpMethod.Post, path, Form), cancellationToken), HttpStatusCode.Created, cancellationToken);
    }

    /// <summary>A command: each send builds the same request with the same key.</summary>
    private static Func<HttpRequestMessage> Command(HttpMethod method, string path, Func<HttpContent> content)
    {
        var key = Guid.NewGuid().ToString();
        return () =>
        {
            var request = new HttpRequestMessage(method, path) { Content = content() };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        };
    }

    /// <summary>Sends a command, again with its key while the answer is a passing one (409 concurrent change, 429, 503) or lost.</summary>
    private async Task<HttpResponseMessage> SendCommandAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request(), cancellationToken);
            }
            catch (HttpRequestException) when (attempt < MaxTransientRetries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                continue;
            }
            if (attempt >= MaxTransientRetries || !await IsPassingAsync(response, cancellationToken))
            {
                return response;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * attempt);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static async Task<bool> IsPassingAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
        || response.StatusCode == HttpStatusCode.Conflict
           && (await response.Content.ReadAsStringAsync(cancellationToken)) is var body
           && (body.Contains("/errors/concurrent-change", StringComparison.Ordinal) || body.Contains("/errors/idempotency-in-flight", StringComparison.Ordinal));

    /// <summary>Sends a command; while the service does not know the establishment yet, a new one (a new key) a while later.</summary>
    private async Task<JsonElement> SendAsync(Func<Func<HttpRequestMessage>> command, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var response = await SendCommandAsync(command(), cancellationToken);
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

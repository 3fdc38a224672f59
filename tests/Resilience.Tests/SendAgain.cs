using System.Net;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// Sends a request again, as a careful client does, when the instance that had it went down: on a dropped
/// connection or a 502/503/504 of the gateway, and on the 409 that says the first attempt's key is still taken
/// (a repeat reaching the instance that still runs the first). Every command carries an
/// <c>Idempotency-Key</c>, so a repeat never takes effect twice.
/// </summary>
public sealed class SendAgain(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>How many requests were sent more than once.</summary>
    public static int Repeated => _repeated;

    private static int _repeated;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && !request.Headers.Contains("Idempotency-Key"))
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        if (request.Content is not null)
        {
            // Read once, so that a repeat sends the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        var deadline = DateTime.UtcNow + Patience;
        var repeated = false;
        while (true)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                if (!await WorthRepeatingAsync(response, cancellationToken) || DateTime.UtcNow > deadline)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            response?.Dispose();
            if (!repeated)
            {
                repeated = true;
                Interlocked.Increment(ref _repeated);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static async Task<bool> WorthRepeatingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return true;
        }
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return false;
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("idempotency-in-flight", StringComparison.Ordinal);
    }
}

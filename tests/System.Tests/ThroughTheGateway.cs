using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.DemoData;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>What the end-to-end flows through the gateway share: calls that must answer as expected, and fresh establishments.</summary>
internal static class ThroughTheGateway
{
    /// <summary>Today in the province (UTC+7), the day services judge "today" by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>A tax code no other test uses, ending in its check digit.</summary>
    public static string NewTaxCode()
    {
        while (true)
        {
            var nine = $"58{Random.Shared.Next(1_000_000, 9_999_999)}";
            if (DemoPlan.CheckDigitOf(nine) is { } check)
            {
                return $"{nine}{check}";
            }
        }
    }

    public static async Task<JsonElement> SendAsync(this HttpClient gateway, HttpMethod method, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> PostAsync(this HttpClient gateway, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        gateway.SendAsync(HttpMethod.Post, path, body ?? new { }, expected);

    public static Task<JsonElement> PutAsync(this HttpClient gateway, string path, object body) => gateway.SendAsync(HttpMethod.Put, path, body);

    /// <summary>Registers establishments in the registry (in the administrative unit given); other services learn of them by message.</summary>
    public static async Task RegisterEstablishmentsAsync(this HttpClient gateway, params (string TaxCode, string Unit)[] establishments)
    {
        var journey = new ProposalJourney(gateway);
        foreach (var (taxCode, unit) in establishments)
        {
            await journey.EnsureEstablishmentAsync(taxCode, unit);
        }
    }

    /// <summary>
    /// Posts a request naming an establishment, again while the service answers that it does not know it
    /// yet: its copy of the registry is kept from the registry's events, which take a moment to arrive.
    /// </summary>
    public static async Task<JsonElement> PostOnceKnownAsync(this HttpClient gateway, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        HttpResponseMessage? response = null;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () =>
        {
            response?.Dispose();
            response = await gateway.PostAsJsonAsync(path, body);
            return !(response.StatusCode == HttpStatusCode.UnprocessableEntity
                     && (await response.Content.ReadAsStringAsync()).Contains("/errors/unknown-establishment", StringComparison.Ordinal));
        }, TimeSpan.FromMilliseconds(300)), $"POST {path}: the establishment never reached the service's copy of the registry");
        using (response)
        {
            var text = await response!.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}

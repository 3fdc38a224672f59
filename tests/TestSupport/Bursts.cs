using System.Net;

namespace KhuyenCong.TestSupport;

/// <summary>
/// Parallel requests as a crowd of clients sends them: <see cref="RunAsync"/> starts every request of a
/// burst at once (behind one gate) and returns their answers, for invariants checked after each burst.
/// </summary>
public static class Bursts
{
    /// <summary>How many bursts a concurrency test runs, and how many parallel requests each has at least.</summary>
    public const int Repetitions = 20;
    public const int Size = 20;

    public static async Task<IReadOnlyList<HttpResponseMessage>> RunAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await send(i);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(requests);
    }

    /// <summary>The statuses of a burst, counted (e.g. 1 × 200, 19 × 409).</summary>
    public static IReadOnlyDictionary<HttpStatusCode, int> Statuses(IEnumerable<HttpResponseMessage> responses) =>
        responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Fails with the bodies of every 5xx answer of a burst.</summary>
    public static async Task AssertNoServerErrorsAsync(IEnumerable<HttpResponseMessage> responses)
    {
        var failures = new List<string>();
        foreach (var response in responses.Where(r => (int)r.StatusCode >= 500))
        {
            failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{failures.Count} server errors in a burst:\n{string.Join("\n", failures.Take(5))}");
        }
    }

    /// <summary>A client that adds a fresh or a given <c>Idempotency-Key</c> to one request.</summary>
    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

using System.Diagnostics;

namespace KhuyenCong.Benchmarks;

internal static class Load
{
    /// <summary>Closed-loop load: <paramref name="concurrency"/> workers GET the URL back to back for the window.</summary>
    public static async Task<double> RequestsPerSecondAsync(HttpClient http, Uri url, int concurrency, TimeSpan window)
    {
        var completed = 0L;
        var failed = 0L;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < window)
            {
                using var response = await http.GetAsync(url);
                await response.Content.LoadIntoBufferAsync();
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref completed : ref failed);
            }
        });
        await Task.WhenAll(workers);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} requests to {url} failed");
        }
        return completed / stopwatch.Elapsed.TotalSeconds;
    }
}

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

    /// <summary>Open-loop load at a fixed rate; returns the p50 and p95 response times in milliseconds.</summary>
    public static async Task<(double P50, double P95)> LatencyAsync(HttpClient http, Uri url, int perSecond, TimeSpan window)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var count = (int)(window.TotalSeconds * perSecond);
        var requests = new List<Task<double>>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = interval * i - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            requests.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url);
                await response.Content.LoadIntoBufferAsync();
                response.EnsureSuccessStatusCode();
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }
        var times = (await Task.WhenAll(requests)).Order().ToList();
        return (EventLag.Percentile(times, 0.50), EventLag.Percentile(times, 0.95));
    }
}

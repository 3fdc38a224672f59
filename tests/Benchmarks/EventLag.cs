using System.Collections.Concurrent;
using System.Diagnostics;

namespace KhuyenCong.Benchmarks;

internal sealed record LagFigures(double P50, double P95, double Max, int Counted, IReadOnlyList<(double AnsweredAt, double Lag)> Samples);

internal static class EventLag
{
    /// <summary>
    /// Sends approvals at a fixed rate and polls the summary. The summary counts approvals, not which
    /// ones, so the k-th approval to be answered is taken as reflected when the count first reaches k.
    /// </summary>
    public static async Task<LagFigures> MeasureAsync(PlatformApi api, int year, IReadOnlyList<string> ids, int perSecond)
    {
        var clock = Stopwatch.StartNew();
        var answered = new ConcurrentBag<double>();
        var observations = new List<(double At, int Count)>();
        using var stopPolling = new CancellationTokenSource();

        var poller = Task.Run(async () =>
        {
            while (!stopPolling.IsCancellationRequested)
            {
                var count = await api.ApprovedCountAsync(year);
                lock (observations)
                {
                    observations.Add((clock.Elapsed.TotalMilliseconds, count));
                }
                if (count >= ids.Count)
                {
                    return;
                }
                await Task.Delay(10);
            }
        });

        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var sends = new List<Task>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var id = ids[i];
            sends.Add(Task.Run(async () =>
            {
                await api.ApproveAsync(id);
                answered.Add(clock.Elapsed.TotalMilliseconds);
            }));
        }
        await Task.WhenAll(sends);
        await Task.WhenAny(poller, Task.Delay(TimeSpan.FromSeconds(60)));
        stopPolling.Cancel();

        var answers = answered.Order().ToList();
        List<(double At, int Count)> seen;
        lock (observations)
        {
            seen = [.. observations];
        }
        var lags = new List<double>();
        var cursor = 0;
        for (var k = 0; k < answers.Count; k++)
        {
            while (cursor < seen.Count && seen[cursor].Count < k + 1)
            {
                cursor++;
            }
            if (cursor == seen.Count)
            {
                break;
            }
            lags.Add(Math.Max(0, seen[cursor].At - answers[k]));
        }
        var samples = answers.Zip(lags).Select(pair => (pair.First, pair.Second)).ToList();
        lags.Sort();
        return lags.Count == 0
            ? new LagFigures(double.NaN, double.NaN, double.NaN, 0, [])
            : new LagFigures(Percentile(lags, 0.50), Percentile(lags, 0.95), lags[^1], lags.Count, samples);
    }

    public static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KhuyenCong.Platform.Messaging;

namespace KhuyenCong.Notifications.Tests;

/// <summary>Counts the redeliveries each consumer's inbox recognised and skipped (the <c>kc.messaging.duplicates</c> counter).</summary>
internal sealed class Duplicates : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public Duplicates()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "kc.messaging.duplicates")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "consumer" && tag.Value is string consumer)
                {
                    _counts.AddOrUpdate(consumer, value, (_, count) => count + value);
                }
            }
        });
        _listener.Start();
    }

    public long Of(string consumer) => _counts.GetValueOrDefault(consumer);

    public void Dispose() => _listener.Dispose();
}

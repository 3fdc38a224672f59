using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KhuyenCong.Platform.Messaging;

/// <summary>The figures operators watch in the dashboard: outbox backlog and per-consumer outcomes.</summary>
public static class MessagingMetrics
{
    public const string MeterName = "KhuyenCong.Messaging";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, OutboxState> Outboxes = new();

    private static readonly Counter<long> Consumed = Meter.CreateCounter<long>("kc.messaging.consumed", "{message}", "Messages applied by a consumer.");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("kc.messaging.duplicates", "{message}", "Redelivered messages the inbox recognised and skipped.");
    private static readonly Counter<long> Retried = Meter.CreateCounter<long>("kc.messaging.retried", "{message}", "Consume attempts that failed and will be retried.");
    private static readonly Counter<long> Faulted = Meter.CreateCounter<long>("kc.messaging.faulted", "{message}", "Messages that failed every attempt and moved to the _error queue.");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("kc.outbox.published", "{message}", "Outbox rows published.");

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("kc.outbox.backlog", () => Outboxes.Select(o => new Measurement<long>(o.Value.Backlog, Tag(o.Key))), "{message}", "Outbox rows not yet published.");
        Meter.CreateObservableGauge("kc.outbox.oldest_unsent_age", () => Outboxes.Select(o => new Measurement<double>(o.Value.OldestAgeSeconds, Tag(o.Key))), "s", "Age of the oldest unpublished outbox row.");
    }

    public static void RecordConsumed(string consumer) => Consumed.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
    public static void RecordDuplicate(string consumer) => Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
    public static void RecordRetried(string consumer) => Retried.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
    public static void RecordFaulted(string consumer) => Faulted.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
    public static void RecordPublished(string outbox, int count) => Published.Add(count, Tag(outbox));

    public static void RecordOutboxState(string outbox, long backlog, double oldestAgeSeconds) =>
        Outboxes[outbox] = new OutboxState(backlog, oldestAgeSeconds);

    private static KeyValuePair<string, object?> Tag(string outbox) => new("outbox", outbox);

    private sealed record OutboxState(long Backlog, double OldestAgeSeconds);
}

public static class OutboxTelemetry
{
    public const string ActivitySourceName = "KhuyenCong.Outbox";
    internal static readonly ActivitySource Source = new(ActivitySourceName);
}

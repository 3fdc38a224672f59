namespace KhuyenCong.Platform.Messaging;

/// <summary>Settings of the "Messaging" configuration section.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Prefix of this service's queue names (defaults to the service name), so that two services consuming one event get a queue each.</summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>Redeliveries of a failing message before it moves to the endpoint's <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryIntervalDelta { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// The nodes of a RabbitMQ cluster ("host:port"), the connection string's first; when set, the bus connects to
    /// any of them and moves to another when its node goes down.
    /// </summary>
    public List<string> ClusterNodes { get; set; } = [];

    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for rows when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;
    /// <summary>How long one publish may wait for the broker before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Published rows are kept this long for replay, then pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}

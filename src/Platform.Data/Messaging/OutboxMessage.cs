using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Messaging;

/// <summary>
/// An integration event waiting to be published, saved in the same transaction as the change that
/// raised it. Published rows stay for replay until they are pruned by age.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private OutboxMessage() { }

    /// <summary>Dispatch order.</summary>
    public long Sequence { get; private set; }
    /// <summary>The MassTransit message id: consumers' inboxes recognise a redelivery by it.</summary>
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>W3C traceparent of the request that raised the event, so the publish joins its trace.</summary>
    public string? TraceParent { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create<TEvent>(TEvent integrationEvent) where TEvent : class => Create(integrationEvent, Guid.NewGuid());

    /// <summary>
    /// The event under a message id of the caller's: one derived from what the event tells of lets a job that may run
    /// again publish it under the same id, which the consumers' inboxes then recognise.
    /// </summary>
    public static OutboxMessage Create<TEvent>(TEvent integrationEvent, Guid messageId) where TEvent : class => new()
    {
        MessageId = messageId,
        MessageType = TypeName(integrationEvent.GetType()),
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), SerializerOptions),
        OccurredAt = DateTimeOffset.UtcNow,
        TraceParent = Activity.Current?.Id,
    };

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    internal Type ResolveType() =>
        Type.GetType(MessageType, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message {MessageId} has an unknown type '{MessageType}'.");

    internal object Deserialize(Type type) =>
        JsonSerializer.Deserialize(Payload, type, SerializerOptions)
        ?? throw new InvalidOperationException($"Outbox message {MessageId} has an empty payload.");

    internal void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    internal void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(500);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasMaxLength(128);
        builder.HasIndex(m => m.Sequence).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        builder.HasIndex(m => m.SentAt);
    }
}

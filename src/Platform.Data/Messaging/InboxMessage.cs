using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Messaging;

/// <summary>A message a consumer has already applied; committed together with the consumer's effect.</summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public InboxMessage(Guid messageId, string consumer, string messageType, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        MessageType = messageType;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public string MessageType { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.Consumer).HasMaxLength(200);
        builder.Property(m => m.MessageType).HasMaxLength(500);
        builder.HasIndex(m => m.ProcessedAt);
    }
}

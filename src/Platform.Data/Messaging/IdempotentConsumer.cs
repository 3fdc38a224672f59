using KhuyenCong.Platform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Platform.Messaging;

/// <summary>
/// A consumer whose effect and inbox record commit in one transaction: a redelivered message (same
/// message id) finds its inbox row and has no second effect. Failures propagate to MassTransit's
/// retry policy and, after the last attempt, to the endpoint's <c>_error</c> queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    /// <summary>The name the inbox records and the metrics count this consumer under.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var consumer = ConsumerName;
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var cancellationToken = context.CancellationToken;

        try
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
            {
                MessagingMetrics.RecordDuplicate(consumer);
                return;
            }

            await HandleAsync(context.Message, context);
            db.InboxMessages.Add(new InboxMessage(messageId, consumer, typeof(TMessage).Name, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception)
        {
            var retryLimit = context.GetServiceOrCreateInstance<IOptions<MessagingOptions>>().Value.RetryLimit;
            if (context.GetRetryAttempt() >= retryLimit)
            {
                MessagingMetrics.RecordFaulted(consumer);
            }
            else
            {
                MessagingMetrics.RecordRetried(consumer);
            }
            throw;
        }

        MessagingMetrics.RecordConsumed(consumer);
    }

    /// <summary>Applies the message to this service's data. Do not call SaveChanges: the base commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}

using System.Diagnostics;
using KhuyenCong.Platform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows with MassTransit, in order, and marks them sent. While the broker
/// is unreachable the rows wait and the dispatcher backs off; nothing is lost. Rows are locked with
/// SKIP LOCKED so that several replicas of a service share the work without publishing a row twice.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TContext> signal,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : ServiceDbContext
{
    private readonly OutboxOptions _options = options.Value.Outbox;
    private readonly string _name = typeof(TContext).Name;
    private static readonly TimeSpan BacklogReportInterval = TimeSpan.FromSeconds(2);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;
    private DateTimeOffset _nextBacklogReport = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                await ReportBacklogAsync(stoppingToken);
                if (published >= _options.BatchSize)
                {
                    continue;
                }
                await PruneIfDueAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(ex, "Outbox {Outbox}: dispatch failed ({Failures} in a row); retrying in {Delay}", _name, failures, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes one batch of unsent rows; returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var published = 0;
        Exception? failure = null;
        foreach (var message in batch)
        {
            try
            {
                await PublishAsync(message, cancellationToken);
                message.MarkSent(time.GetUtcNow());
                published++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep the order: stop at the first failure, record it and save what did go out.
                message.MarkFailed(ex.Message);
                failure = ex;
                break;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        MessagingMetrics.RecordPublished(_name, published);

        if (failure is not null)
        {
            throw new OutboxPublishException($"Outbox {_name}: {published} of {batch.Count} published before the broker refused.", failure);
        }
        return published;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = message.ResolveType();
        var payload = message.Deserialize(type);

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = OutboxTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.MessageId), timeout.Token);
    }

    private async Task ReportBacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextBacklogReport)
        {
            return;
        }
        _nextBacklogReport = now + BacklogReportInterval;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var unsent = db.OutboxMessages.Where(m => m.SentAt == null);
        var count = await unsent.LongCountAsync(cancellationToken);
        var oldest = count == 0 ? null : await unsent.MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken);
        var age = oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds);
        MessagingMetrics.RecordOutboxState(_name, count, age);
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }
        _nextPrune = now + _options.PruneInterval;
        await PruneAsync(cancellationToken);
    }

    /// <summary>Deletes published rows older than the retention period; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = time.GetUtcNow() - _options.Retention;
        var pruned = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Outbox {Outbox}: pruned {Count} published rows older than {Cutoff}", _name, pruned, cutoff);
        }
        // Idempotency keys live beside the outbox and are pruned with it, once past their retention.
        var keysCutoff = time.GetUtcNow() - Commands.IdempotencyRecord.Retention;
        await db.IdempotencyKeys.Where(k => k.CreatedAt < keysCutoff).ExecuteDeleteAsync(cancellationToken);
        return pruned;
    }
}

public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);

using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// The base of every service's DbContext: it owns the outbox and inbox tables, so an integration
/// event or a consumed message id is saved in the same transaction as the business change.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<Commands.IdempotencyRecord> IdempotencyKeys => Set<Commands.IdempotencyRecord>();

    /// <summary>Set when outbox rows were saved and not yet committed; the dispatcher is woken on commit.</summary>
    internal bool OutboxPending { get; set; }

    /// <summary>Queues an integration event; it is written by the next SaveChanges and published after commit.</summary>
    public void AddIntegrationEvent<TEvent>(TEvent integrationEvent) where TEvent : class =>
        OutboxMessages.Add(OutboxMessage.Create(integrationEvent));

    /// <summary>Queues an integration event under a given message id (<see cref="OutboxMessage.Create{TEvent}(TEvent, Guid)"/>).</summary>
    public void AddIntegrationEvent<TEvent>(TEvent integrationEvent, Guid messageId) where TEvent : class =>
        OutboxMessages.Add(OutboxMessage.Create(integrationEvent, messageId));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.AddIdempotencyKeys();
    }
}

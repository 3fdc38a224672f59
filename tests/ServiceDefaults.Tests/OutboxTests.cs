using KhuyenCong.Platform.Messaging;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[Collection(ServersCollection.Name)]
public sealed class OutboxTests(PostgresServer postgres, RabbitMqServer rabbit)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_event_row_is_written_with_the_business_change_and_then_published()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("outbox"), rabbit.ConnectionString);
        var noteId = Guid.NewGuid();

        await app.WithDbAsync(async db =>
        {
            db.Notes.Add(new Note { Id = noteId, Text = "hello" });
            db.AddIntegrationEvent(new NoteWritten(noteId, "hello"));
            return await db.SaveChangesAsync();
        });

        var (notes, events) = await app.WithDbAsync(async db =>
            (await db.Notes.CountAsync(n => n.Id == noteId), await db.OutboxMessages.CountAsync()));
        Assert.Equal(1, notes);
        Assert.Equal(1, events);

        Assert.True(await Eventually.TrueWithin(Patience, () => app.WithDbAsync(db => db.NotesSeen.AnyAsync(s => s.NoteId == noteId))),
            "the consumer never saw the event");
        Assert.True(await Eventually.TrueWithin(Patience, () => app.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.SentAt != null))),
            "the outbox row was not marked sent");
    }

    [Fact]
    public async Task A_rolled_back_change_writes_no_event()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("outbox"), rabbit.ConnectionString);

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "never" });
            db.AddIntegrationEvent(new NoteWritten(Guid.NewGuid(), "never"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        var (notes, events) = await app.WithDbAsync(async db => (await db.Notes.CountAsync(), await db.OutboxMessages.CountAsync()));
        Assert.Equal(0, notes);
        Assert.Equal(0, events);
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_unreachable_are_published_once_it_is_back()
    {
        var broker = rabbit.Address;
        await using var gate = new TcpGate(broker.Host, broker.Port);
        gate.Open();
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("outbox"), rabbit.ConnectionStringThrough(gate.Port));
        gate.Close();

        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await app.WithDbAsync(db =>
            {
                db.Notes.Add(new Note { Id = id, Text = "offline" });
                db.AddIntegrationEvent(new NoteWritten(id, "offline"));
                return db.SaveChangesAsync();
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)));

        gate.Open();

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), () => app.WithDbAsync(async db => await db.NotesSeen.CountAsync() == 5)),
            "the events committed while the broker was down did not all arrive");
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)));
        Assert.Equal(ids.Order(), (await app.WithDbAsync(db => db.NotesSeen.Select(s => s.NoteId).ToListAsync())).Order());
    }

    [Fact]
    public async Task Published_rows_older_than_the_retention_are_pruned_and_unsent_rows_are_kept()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("outbox"), rabbit.ConnectionString);
        await app.WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new NoteWritten(Guid.NewGuid(), "old"));
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.True(await Eventually.TrueWithin(Patience, () => app.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.SentAt != null))));
        await app.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow.AddDays(-30))));
        await app.WithDbAsync(async db =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "fresh" });
            await db.SaveChangesAsync();
            return 0;
        });

        var dispatcher = (OutboxDispatcher<TestDbContext>)app.Host.Services.GetService(typeof(OutboxDispatcher<TestDbContext>))!;
        var pruned = await dispatcher.PruneAsync(CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}

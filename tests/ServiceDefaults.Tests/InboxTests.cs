using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[Collection(ServersCollection.Name)]
public sealed class InboxTests(PostgresServer postgres, RabbitMqServer rabbit)
{
    [Fact]
    public async Task Delivering_the_same_message_twice_has_one_effect()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("inbox"), rabbit.ConnectionString);
        var bus = app.Host.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();
        var noteId = Guid.NewGuid();
        var marker = Guid.NewGuid();

        await bus.Publish(new NoteWritten(noteId, "twice"), context => context.MessageId = messageId);
        await bus.Publish(new NoteWritten(noteId, "twice"), context => context.MessageId = messageId);
        // A different message after the duplicates: once it is applied, both duplicates have been handled.
        await bus.Publish(new NoteWritten(marker, "marker"));

        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => app.WithDbAsync(db => db.NotesSeen.AnyAsync(s => s.NoteId == marker))));
        await Task.Delay(500);
        Assert.Equal(1, await app.WithDbAsync(db => db.NotesSeen.CountAsync(s => s.NoteId == noteId)));
        Assert.Equal(2, await app.WithDbAsync(db => db.InboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_consumer_that_throws_is_retried_and_then_the_message_lands_in_the_error_queue()
    {
        await using var app = await TestApp.StartAsync(postgres.NewDatabase("inbox"), rabbit.ConnectionString);
        var bus = app.Host.Services.GetRequiredService<IBus>();
        var pill = new PoisonPill(Guid.NewGuid());
        var errorQueue = new KebabCaseEndpointNameFormatter(app.EndpointPrefix, false).Consumer<PoisonPillConsumer>() + "_error";

        await bus.Publish(pill);

        var factory = new ConnectionFactory { Uri = rabbit.Address };
        await using var connection = await factory.CreateConnectionAsync();
        BasicGetResult? dead = null;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () =>
        {
            try
            {
                await using var channel = await connection.CreateChannelAsync();
                dead = await channel.BasicGetAsync(errorQueue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The error queue does not exist until the first fault; a failed passive get closes the channel.
                return false;
            }
            return dead is not null;
        }), $"nothing arrived in {errorQueue}");

        Assert.Contains(pill.Id.ToString(), System.Text.Encoding.UTF8.GetString(dead!.Body.Span));
        Assert.Equal(TestApp.RetryLimit + 1, PoisonPillConsumer.Attempts[pill.Id]);
        Assert.Equal(0, await app.WithDbAsync(db => db.InboxMessages.CountAsync()));
    }
}

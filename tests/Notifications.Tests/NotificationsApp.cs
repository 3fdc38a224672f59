using System.Net.Http.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Paging;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>The Notifications service on its own fresh database and broker endpoints, its clock standing on <see cref="Today"/>.</summary>
public abstract class NotificationsApp : ServiceHost<Program, NotificationsDbContext>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The province's day the service's clock stands on (10:00 on 15 June 2026).</summary>
    public static readonly DateOnly Today = new(2026, 6, 15);

    protected NotificationsApp(PostgresServer postgres, RabbitMqServer rabbit)
        : this(postgres, rabbit, [])
    {
    }

    /// <param name="settings">Configuration on top of the common settings (the SMTP server of the mail tests).</param>
    protected NotificationsApp(PostgresServer postgres, RabbitMqServer rabbit, (string Key, string Value)[] settings)
        : this(postgres, rabbit, settings, new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime()))
    {
    }

    private NotificationsApp(PostgresServer postgres, RabbitMqServer rabbit, (string Key, string Value)[] settings, FakeTimeProvider clock)
        : base(postgres, rabbit, "notifications", settings, clock: clock, waitForBus: true, user: TestUser.Officer)
    {
        Clock = clock;
    }

    /// <summary>The service's clock; tests move it (<see cref="TestClock.SetToday"/>) and then run the jobs themselves.</summary>
    protected FakeTimeProvider Clock { get; }

    public Task InitializeAsync()
    {
        StartNow();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await DisposeHostAsync();

    protected IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Publishes the event as its owning service's outbox would; the same <paramref name="messageId"/> twice is a redelivery.</summary>
    protected Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>Waits until the consumer named has taken <paramref name="count"/> messages (each once, by the inbox).</summary>
    protected async Task ConsumedAsync(string consumer, int count)
    {
        var done = await Eventually.TrueWithin(Patience, () =>
            WithDbAsync(async db => await db.InboxMessages.CountAsync(m => m.Consumer == consumer) >= count));
        Assert.True(done, $"{consumer} did not consume {count} messages within {Patience.TotalSeconds} s");
    }

    /// <summary>The task rows of the record, open or closed.</summary>
    protected Task<List<WorkTask>> TasksOfAsync(TaskKind kind, Guid recordId) =>
        WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.Kind == kind && t.RecordId == recordId).ToListAsync());

    /// <summary>The caller's open tasks through the API (up to 200), optionally of one kind.</summary>
    protected static async Task<PageOf<TaskItem>> InboxAsync(HttpClient client, TaskKind? kind = null)
    {
        var answer = await client.GetAsync($"/api/notifications/tasks?pageSize=200{(kind is null ? "" : $"&kind={kind}")}");
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<PageOf<TaskItem>>(Json))!;
    }

    protected static async Task<TaskCount> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<TaskCount>("/api/notifications/tasks/count", Json))!;

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Puts an establishment in the service's copy of the registry, as its EstablishmentRegistered event would.</summary>
    protected Task KnowEstablishmentAsync(string taxCode, string unitCode) => WithDbAsync(async db =>
    {
        db.Establishments.Add(KnownEstablishment.From(new EstablishmentRegistered
        {
            EstablishmentId = Guid.NewGuid(),
            Revision = 1,
            TaxCode = taxCode,
            Name = $"HTX {taxCode}",
            Type = EstablishmentType.Cooperative,
            Sector = Sector.AgriculturalProducts,
            AdministrativeUnitCode = unitCode,
            AdministrativeUnitName = unitCode,
            District = unitCode,
            IsPriorityArea = false,
            Address = "Thôn 1",
            Representative = "Nguyễn Văn A",
            Employees = 10,
            OccurredAt = DateTimeOffset.UtcNow,
        }));
        return await db.SaveChangesAsync();
    });
}

using System.Text.Json;
using KhuyenCong.Reporting.Data;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The Reporting service on its own database and the real broker, with a count of every delivery its
/// consumers finished (duplicates included), so a test can wait until all it published was handled.
/// </summary>
public sealed class ReportingHost : ServiceHost<Program, ReportingDbContext>, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DeliveryCounter _deliveries = new();
    private int _published;

    public ReportingHost(PostgresServer postgres, RabbitMqServer rabbit, params (string Key, string Value)[] settings)
        : this(postgres, rabbit, null, settings)
    {
    }

    /// <summary>The service reading the time from <paramref name="clock"/> instead of the system clock; its client is a leader's, who reads every report.</summary>
    public ReportingHost(PostgresServer postgres, RabbitMqServer rabbit, TimeProvider? clock, params (string Key, string Value)[] settings)
        : base(postgres, rabbit, "reporting", settings, clock, waitForBus: true, user: TestUser.Leader) =>
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(_deliveries);

    /// <summary>Publishes each event twice with one message id, as a redelivery would.</summary>
    public async Task PublishTwiceAsync(IEnumerable<object> events)
    {
        var bus = Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            var messageId = Guid.NewGuid();
            var withId = Pipe.Execute<PublishContext>(context => context.MessageId = messageId);
            await bus.Publish(e, e.GetType(), withId);
            await bus.Publish(e, e.GetType(), withId);
            _published += 2;
        }
    }

    /// <summary>Waits until every published delivery has been consumed (applied or recognised as a duplicate).</summary>
    public async Task DrainAsync()
    {
        var drained = await Eventually.TrueWithin(Patience, () => Task.FromResult(_deliveries.Count >= _published));
        Assert.True(drained, $"only {_deliveries.Count} of {_published} deliveries were consumed");
    }

    /// <summary>Every row of every read model, as text, in key order: what a rebuild must reproduce.</summary>
    /// <summary>Every read model row by row, once the appended cube moves are folded.</summary>
    public Task<Dictionary<string, string>> ReadModelsAsync() => WithDbAsync(async db =>
    {
        await ProposalCubes.FoldAsync(db, CancellationToken.None);
        var tables = new Dictionary<string, string>
        {
            ["proposal_facts"] = "proposal_id", ["follow_up_facts"] = "follow_up_id", ["course_facts"] = "course_id",
            ["certificate_facts"] = "certificate_id", ["known_establishments"] = "establishment_id",
            ["fair_facts"] = "fair_id", ["fair_participant_facts"] = "registration_id",
            ["envelope_entry_facts"] = "entry_id", ["money_movement_facts"] = "movement_id",
            ["plan_version_facts"] = "plan_id, version_number", ["plan_item_facts"] = "plan_id, version_number, proposal_id",
            ["national_proposal_facts"] = "proposal_id",
            [ProposalCubes.Full.Table] = string.Join(", ", ProposalCubes.Full.Keys),
            [ProposalCubes.ByArea.Table] = string.Join(", ", ProposalCubes.ByArea.Keys),
        };
        var result = new Dictionary<string, string>();
        foreach (var (table, order) in tables)
        {
            var sql = $"SELECT row_to_json(t)::text AS \"Value\" FROM {table} t ORDER BY {order}";
            result[table] = string.Join("\n", await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        }
        return result;
    });

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => DisposeHostAsync();

    private sealed class DeliveryCounter : IConsumeObserver
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}

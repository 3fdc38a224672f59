using System.Collections.Concurrent;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.ServiceDefaults.Messaging;
using KhuyenCong.TestSupport;
using MassTransit;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>Listens on the real broker, as Reporting would, while a fair runs through its life.</summary>
[Collection(ServersCollection.Name)]
public sealed class FairEventsTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private readonly string _broker = rabbit.ConnectionString;
    private readonly ConcurrentQueue<(string Type, Guid? MessageId, object Message)> _received = new();
    private IBusControl _listener = null!;

    public override async Task InitializeAsync()
    {
        var broker = RabbitMqAddress.Parse(_broker);
        _listener = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
            });
            cfg.ReceiveEndpoint($"fair-events-test-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                Listen<FairScheduled>(e);
                Listen<BoothAllocated>(e);
                Listen<FairOutcomeRecorded>(e);
                Listen<FairCancelled>(e);
            });
        });
        await _listener.StartAsync();
        await base.InitializeAsync();
    }

    private void Listen<T>(IRabbitMqReceiveEndpointConfigurator endpoint) where T : class =>
        endpoint.Handler<T>(context =>
        {
            _received.Enqueue((typeof(T).Name, context.MessageId, context.Message));
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Each_event_of_a_fairs_life_reaches_the_broker_exactly_once()
    {
        await KnowEstablishmentAsync("5700000001", priorityArea: true, district: "Cô Tô");
        await KnowEstablishmentAsync("5700000002");
        var fairId = await OpenFairAsync(FairBody(booths: 1));
        var other = await OpenFairAsync();
        await PostOkAsync($"/api/fairs/{other}/cancel", new { reason = "Bão số 3" });
        var participant = await RegisteredAsync(fairId, "5700000001");
        await RegisteredAsync(fairId, "5700000002");
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");
        await PostOkAsync($"/api/fairs/{fairId}/allocation");
        Clock.SetTo(new DateTimeOffset(2026, 6, 14, 17, 0, 0, TimeSpan.FromHours(7)));
        await PostOkAsync($"/api/fairs/{fairId}/held");
        await PutOkAsync($"/api/fairs/{fairId}/registrations/{participant}/outcome", new { contractsSigned = 2, contractValue = 120_000_000, sales = 30_000_000, visitors = 400 });

        var expected = new Dictionary<string, int>
        {
            [nameof(FairScheduled)] = 2,
            [nameof(BoothAllocated)] = 2,
            [nameof(FairOutcomeRecorded)] = 1,
            [nameof(FairCancelled)] = 1,
        };
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(_received.Count >= expected.Values.Sum())),
            $"received {_received.Count} of {expected.Values.Sum()}");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up

        Assert.Equal(expected, _received.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(_received.Count, _received.Select(r => r.MessageId).Distinct().Count());
        var allocated = _received.Select(r => r.Message).OfType<BoothAllocated>().Single(a => a.BoothsAllocated == 1);
        Assert.Equal(("Cô Tô", true, 2, 12_000_000L), (allocated.District, allocated.IsPriorityArea, allocated.PriorityRank, allocated.Support));
        var outcome = _received.Select(r => r.Message).OfType<FairOutcomeRecorded>().Single();
        Assert.Equal((1, 1, 120_000_000L, 30_000_000L, 400, 12_000_000L), (outcome.Totals.Participants, outcome.Totals.Booths,
            outcome.Totals.ContractValue, outcome.Totals.Sales, outcome.Totals.Visitors, outcome.Totals.TotalSupport));
    }

    public override async Task DisposeAsync()
    {
        await _listener.StopAsync();
        await base.DisposeAsync();
    }
}

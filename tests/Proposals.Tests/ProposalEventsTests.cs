using System.Collections.Concurrent;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.TestSupport;
using MassTransit;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Listens on the real broker, as another service would, while a proposal runs through its life.</summary>
[Collection(ServersCollection.Name)]
public sealed class ProposalEventsTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private readonly string _broker = rabbit.ConnectionString;
    private readonly ConcurrentQueue<(string Type, Guid? MessageId)> _received = new();
    private IBusControl _listener = null!;

    public override async Task InitializeAsync()
    {
        var broker = RabbitMqAddress.Parse(_broker);
        _listener = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
            });
            cfg.ReceiveEndpoint($"proposal-events-test-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                Listen<EstablishmentRegistered>(e);
                Listen<ProposalStatusChanged>(e);
                Listen<ProposalSubmitted>(e);
                Listen<ProposalApproved>(e);
                Listen<AdvancePaid>(e);
                Listen<ProposalAccepted>(e);
                Listen<ProposalSettled>(e);
                Listen<FollowUpRecorded>(e);
            });
        });
        await _listener.StartAsync();
        await base.InitializeAsync();
    }

    private void Listen<T>(IRabbitMqReceiveEndpointConfigurator endpoint) where T : class =>
        endpoint.Handler<T>(context =>
        {
            _received.Enqueue((typeof(T).Name, context.MessageId));
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Each_event_of_a_proposals_life_is_published_exactly_once()
    {
        await Journey.EnsureEstablishmentAsync("5700100256");
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody("5700100256"));
        await Journey.ApproveAsync(id, 200_000_000);
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 100_000_000, paidOn = "2024-02-10" });
        var accepted = await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 9, averageWage = 6_000_000,
        });
        await Journey.PostAsync(id, "settle", new { settledSupport = 200_000_000, settledOn = "2024-10-10" });
        var followUp = accepted.GetProperty("followUps")[0].GetProperty("id").GetString();
        await Journey.PostAsync(id, $"follow-ups/{followUp}", new
        {
            evaluatedOn = "2025-04-01", revenue = 1_000_000_000, jobs = 10, averageWage = 6_200_000, equipmentInUse = true, rating = 5,
        });

        var expected = new Dictionary<string, int>
        {
            [nameof(EstablishmentRegistered)] = 1,
            [nameof(ProposalStatusChanged)] = 7, // Draft, Submitted, UnderAppraisal, Approved, InImplementation, Accepted, Settled
            [nameof(ProposalSubmitted)] = 1,
            [nameof(ProposalApproved)] = 1,
            [nameof(AdvancePaid)] = 1,
            [nameof(ProposalAccepted)] = 1,
            [nameof(ProposalSettled)] = 1,
            [nameof(FollowUpRecorded)] = 1,
        };
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(_received.Count >= expected.Values.Sum())),
            $"received {_received.Count} of {expected.Values.Sum()}");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up

        Assert.Equal(expected, _received.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(_received.Count, _received.Select(r => r.MessageId).Distinct().Count());
    }

    public override async Task DisposeAsync()
    {
        await _listener.StopAsync();
        await base.DisposeAsync();
    }
}

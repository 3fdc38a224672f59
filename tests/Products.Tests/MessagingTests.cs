using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>The service's events reach subscribers through the real broker, and it keeps its copy of the registry from the broker.</summary>
[Collection(ServersCollection.Name)]
public sealed class MessagingTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3), waitForBus: true);
    private readonly ConcurrentBag<object> _received = [];
    private IBusControl _subscriber = null!;

    public async Task InitializeAsync()
    {
        // A subscriber of its own, as Fairs and Reporting are: a queue bound to the three events.
        var broker = RabbitMqAddress.Parse(rabbit.ConnectionString);
        _subscriber = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
            {
                host.Username(broker.Username);
                host.Password(broker.Password);
            });
            bus.ReceiveEndpoint($"products-test-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<ProductRecognized>(context => Receive(context.Message));
                endpoint.Handler<CertificateRevoked>(context => Receive(context.Message));
                endpoint.Handler<CertificateExpired>(context => Receive(context.Message));
            });
        });
        await _subscriber.StartAsync();
        await _host.AddEstablishmentAsync();
    }

    private Task Receive(object message)
    {
        _received.Add(message);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _subscriber.StopAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Recognition_and_revocation_reach_a_subscriber_through_the_broker()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var id = certificate.GetProperty("id").GetGuid();
        await _host.PostAsync($"/api/products/certificates/{id}/revoke", new { reason = "Vi phạm" }, System.Net.HttpStatusCode.OK);

        Assert.True(await Eventually.TrueWithin(Patience, () => Task.FromResult(
            _received.OfType<ProductRecognized>().Any(e => e.CertificateId == id) && _received.OfType<CertificateRevoked>().Any(e => e.CertificateId == id))),
            "the subscriber did not receive ProductRecognized and CertificateRevoked");
        var recognized = _received.OfType<ProductRecognized>().Single(e => e.CertificateId == id);
        Assert.Equal(ProductsHost.District, recognized.District);
        Assert.Equal("Vi phạm", _received.OfType<CertificateRevoked>().Single().Reason);
        // Both were the acts of the officer whose token the requests carried.
        Assert.Equal(TestUser.Officer.Name, recognized.ActedBy);
        Assert.Equal(TestUser.Officer.Name, _received.OfType<CertificateRevoked>().Single().ActedBy);
        Assert.True(await Eventually.TrueWithin(Patience, () => _host.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.SentAt != null))));
    }

    [Fact]
    public async Task The_registry_copy_follows_registration_and_update_events()
    {
        var bus = (IBus)_host.Factory.Services.GetService(typeof(IBus))!;
        var establishmentId = Guid.NewGuid();
        EstablishmentRegistered registered = new()
        {
            EstablishmentId = establishmentId, Revision = 1, TaxCode = "5700999888", Name = "HTX Nước mắm Cái Rồng",
            Type = EstablishmentType.Cooperative, Sector = Sector.Other, AdministrativeUnitCode = "VD", AdministrativeUnitName = "Vân Đồn",
            District = "Vân Đồn", IsPriorityArea = true, Address = "Cái Rồng", Representative = "Trần Thị B", Employees = 12,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        await bus.Publish(registered);
        await bus.Publish(new EstablishmentUpdated
        {
            EstablishmentId = establishmentId, Revision = 2, TaxCode = registered.TaxCode, Name = "HTX Nước mắm Vân Đồn",
            Type = registered.Type, Sector = registered.Sector, AdministrativeUnitCode = "VD", AdministrativeUnitName = "Vân Đồn",
            District = "Vân Đồn", IsPriorityArea = true, Address = "Cái Rồng", Representative = "Trần Thị B", Employees = 15,
            OccurredAt = DateTimeOffset.UtcNow,
        });

        Assert.True(await Eventually.TrueWithin(Patience, () => _host.WithDbAsync(db =>
            db.KnownEstablishments.AnyAsync(e => e.EstablishmentId == establishmentId && e.Revision == 2))));
        var competition = (await _host.CreateCompetitionAsync("District", 2025, new(2025, 3, 1), new(2025, 3, 31))).GetProperty("id").GetGuid();
        await _host.SetCouncilAsync(competition, 5);
        await _host.PostAsync($"/api/products/competitions/{competition}/open", null, System.Net.HttpStatusCode.OK);
        var entry = await _host.RegisterEntryAsync(competition, "Nước mắm", taxCode: "5700999888");
        var stored = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{competition}/entries/{entry}");
        Assert.Equal("HTX Nước mắm Vân Đồn", stored.GetProperty("establishmentName").GetString());
    }
}

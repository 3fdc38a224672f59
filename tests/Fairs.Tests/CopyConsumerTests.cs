using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Fairs.Consumers;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

/// <summary>The copies of certificates and establishments, kept from events that come through the real broker.</summary>
[Collection(ServersCollection.Name)]
public sealed class CopyConsumerTests(PostgresServer postgres, RabbitMqServer rabbit) : FairsApp(postgres, rabbit)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<MassTransitHostOptions>(o =>
    {
        o.WaitUntilStarted = true;
        o.StartTimeout = TimeSpan.FromSeconds(30);
    });

    private IBus Bus => Factory.Services.GetRequiredService<IBus>();

    private Task<bool> Consumed(string consumer, int count) => Eventually.TrueWithin(Patience, () =>
        WithDbAsync(async db => await db.InboxMessages.CountAsync(m => m.Consumer == consumer) >= count));

    private static ProductRecognized Recognized(Guid id, string number, string taxCode, DateOnly? expiresOn = null) => new()
    {
        CertificateId = id,
        CertificateNumber = number,
        Level = RecognitionLevel.Provincial,
        CompetitionYear = 2025,
        EstablishmentTaxCode = taxCode,
        ProductName = "Chè Đường Hoa",
        Group = ProductGroup.ProcessedFoodAndAgriculture,
        District = "Hải Hà",
        AverageScore = 82.5m,
        IssuedOn = new DateOnly(2025, 11, 1),
        ExpiresOn = expiresOn ?? new DateOnly(2028, 12, 31),
    };

    private static CertificateRevoked Revoked(Guid id, string number, string taxCode) => new()
    {
        CertificateId = id,
        CertificateNumber = number,
        EstablishmentTaxCode = taxCode,
        Level = RecognitionLevel.Provincial,
        RevokedOn = new DateOnly(2026, 1, 20),
        Reason = "Sản phẩm không đạt chất lượng khi kiểm tra",
    };

    [Fact]
    public async Task Certificates_are_copied_whatever_order_their_events_arrive_in_and_redeliveries_change_nothing()
    {
        var (valid, revokedFirst, expired) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var redelivered = Guid.NewGuid();

        await Bus.Publish(Revoked(revokedFirst, "23/2025/CN-TB", "5700000002"));
        Assert.True(await Consumed(nameof(CertificateRevokedConsumer), 1));
        await Bus.Publish(Recognized(revokedFirst, "23/2025/CN-TB", "5700000002"));
        await Bus.Publish(Recognized(valid, "22/2025/CN-TB", "5700000001"), c => c.MessageId = redelivered);
        await Bus.Publish(Recognized(valid, "22/2025/CN-TB", "5700000001"), c => c.MessageId = redelivered);
        await Bus.Publish(Recognized(expired, "24/2025/CN-TB", "5700000003"));
        Assert.True(await Consumed(nameof(ProductRecognizedConsumer), 3));
        await Bus.Publish(new CertificateExpired
        {
            CertificateId = expired, CertificateNumber = "24/2025/CN-TB", EstablishmentTaxCode = "5700000003",
            Level = RecognitionLevel.Provincial, ExpiredOn = new DateOnly(2026, 2, 1),
        });
        Assert.True(await Consumed(nameof(CertificateExpiredConsumer), 1));
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for the duplicate to show up

        var certificates = await WithDbAsync(db => db.Certificates.AsNoTracking().ToDictionaryAsync(c => c.CertificateId));
        var day = new DateOnly(2026, 6, 10);
        Assert.Equal(3, certificates.Count);
        Assert.True(certificates[valid].IsValidOn(day));
        Assert.Equal(("Chè Đường Hoa", true), (certificates[revokedFirst].ProductName, certificates[revokedFirst].IsRevoked));
        Assert.False(certificates[revokedFirst].IsValidOn(day));
        Assert.False(certificates[expired].IsValidOn(day));
        Assert.Equal(3, await WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == nameof(ProductRecognizedConsumer))));
    }

    [Fact]
    public async Task The_allocation_gives_priority_from_the_copied_certificates_and_establishments()
    {
        var (holder, revokedHolder, priorityArea) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Bus.Publish(EstablishmentEvent(holder, "5700000001", 1, false, "Hạ Long"));
        await Bus.Publish(EstablishmentEvent(revokedHolder, "5700000002", 1, false, "Hạ Long"));
        await Bus.Publish(EstablishmentEvent(priorityArea, "5700000003", 1, false, "Hạ Long"));
        var certificate = Guid.NewGuid();
        await Bus.Publish(Recognized(Guid.NewGuid(), "22/2025/CN-TB", "5700000001"));
        await Bus.Publish(Recognized(certificate, "23/2025/CN-TB", "5700000002"));
        Assert.True(await Consumed(nameof(EstablishmentRegisteredConsumer), 3));
        Assert.True(await Consumed(nameof(ProductRecognizedConsumer), 2));

        var fairId = await OpenFairAsync(FairBody(booths: 2));
        foreach (var (taxCode, minutes) in new[] { ("5700000003", 0), ("5700000002", 1), ("5700000001", 2) })
        {
            Clock.SetTo(Start.AddMinutes(minutes));
            await RegisteredAsync(fairId, taxCode);
        }
        // After registering: the certificate is revoked and the establishment moves into a priority area (a later revision).
        await Bus.Publish(Revoked(certificate, "23/2025/CN-TB", "5700000002"));
        await Bus.Publish(new EstablishmentUpdated(EstablishmentEvent(priorityArea, "5700000003", 2, true, "Ba Chẽ")));
        await Bus.Publish(new EstablishmentUpdated(EstablishmentEvent(priorityArea, "5700000003", 1, false, "Hạ Long"))); // stale, ignored
        Assert.True(await Consumed(nameof(CertificateRevokedConsumer), 1));
        Assert.True(await Consumed(nameof(EstablishmentUpdatedConsumer), 2));
        await PostOkAsync($"/api/fairs/{fairId}/close-registration");

        var allocation = await PostOkAsync($"/api/fairs/{fairId}/allocation");

        var results = allocation.GetProperty("results").EnumerateArray()
            .Select(r => (TaxCode: r.GetProperty("establishmentTaxCode").GetString(), Rank: r.GetProperty("priorityRank").GetInt32(), Booths: r.GetProperty("boothsAllocated").GetInt32()))
            .ToList();
        Assert.Equal([("5700000001", 1, 1), ("5700000003", 2, 1), ("5700000002", 3, 0)], results);
        var registrations = await Client.GetFromJsonAsync<JsonElement>($"/api/fairs/{fairId}/registrations?status=Allocated");
        Assert.Contains("thuộc địa bàn ưu tiên Ba Chẽ (ưu tiên 2)", registrations[1].GetProperty("reason").GetString());
    }
}

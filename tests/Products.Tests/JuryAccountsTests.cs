using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Products.Consumers;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>The copy of the accounts that may sit on a jury, kept from the identity service's events through the real broker.</summary>
[Collection(ServersCollection.Name)]
public sealed class JuryAccountsTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3), waitForBus: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> ConsumedAsync() =>
        _host.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == nameof(AccountChangedConsumer)));

    [Fact]
    public async Task Account_events_reach_the_copy_repeated_and_out_of_order_and_the_appraisers_list_shows_active_appraisers()
    {
        var bus = _host.Factory.Services.GetRequiredService<IBus>();
        var redelivered = Guid.NewGuid();

        await bus.Publish(AccountEvents.Of("giam-khao-1", "Bà Hoa (mới)", revision: 3));
        await bus.Publish(AccountEvents.Of("giam-khao-1", "Bà Hoa (cũ)", revision: 1));
        await bus.Publish(AccountEvents.Of("giam-khao-1", "Bà Hoa (khóa, cũ)", revision: 2, active: false));
        await bus.Publish(AccountEvents.Of("giam-khao-2", "Ông Minh", revision: 1), c => c.MessageId = redelivered);
        // A redelivery arrives after the message was consumed: its id is in the inbox, so its (different) body is never applied.
        Assert.True(await Eventually.TrueWithin(Patience, async () => await ConsumedAsync() >= 4));
        await bus.Publish(AccountEvents.Of("giam-khao-2", "Ông Minh (lặp)", revision: 2), c => c.MessageId = redelivered);
        await bus.Publish(AccountEvents.Of("can-bo-1", "Cán bộ", revision: 1, roles: PlatformRoles.Officer));
        await bus.Publish(AccountEvents.Of("giam-khao-3", "Đã khóa", revision: 4, active: false));
        Assert.True(await Eventually.TrueWithin(Patience, async () => await ConsumedAsync() >= 6));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(6, await ConsumedAsync());
        var copies = await _host.WithDbAsync(db => db.Set<Platform.Accounts.KnownAccount>().AsNoTracking().ToDictionaryAsync(a => a.UserId));
        Assert.Equal((3L, "Bà Hoa (mới)", true), (copies["giam-khao-1"].Revision, copies["giam-khao-1"].DisplayName, copies["giam-khao-1"].IsActive));
        Assert.Equal((1L, "Ông Minh"), (copies["giam-khao-2"].Revision, copies["giam-khao-2"].DisplayName));

        var list = await _host.ClientAs(TestUser.Officer).GetFromJsonAsync<JsonElement>("/api/products/appraisers");
        Assert.Equal(["giam-khao-1", "giam-khao-2"], list.EnumerateArray().Select(a => a.GetProperty("userId").GetString()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.ClientAs(TestUser.Leader).GetAsync("/api/products/appraisers")).StatusCode);
    }
}

extern alias WebApp;
using System.Security.Claims;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using WebApp::KhuyenCong.Web.Data;
using WebApp::KhuyenCong.Web.Security;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Two instances of the web UI on one database (<c>webdb</c>), as the gateway balances them: a session stored by
/// one is read by the other and outlives the instance that wrote it; data protected by one (the cookies, the
/// sign-in correlation, antiforgery tokens) is unprotected by the other.
/// </summary>
public sealed class SharedSessionTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly string _database = postgres.NewDatabase("web");
    private WebApplicationFactory<WebApp::Program> _first = null!;
    private WebApplicationFactory<WebApp::Program> _second = null!;

    private WebApplicationFactory<WebApp::Program> Instance() =>
        new WebApplicationFactory<WebApp::Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:webdb", _database);
            // Nothing listens there: these tests never sign in through the identity service.
            host.UseSetting("Gateway:Url", "http://127.0.0.1:9/");
            host.UseSetting("Identity:Authority", "http://127.0.0.1:9/");
        });

    public Task InitializeAsync()
    {
        _first = Instance();
        _ = _first.Server;
        _second = Instance();
        _ = _second.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private static AuthenticationTicket Ticket(string name, DateTimeOffset expires)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", name), new Claim("role", "Officer")], "test", "name", "role"));
        return new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, "Cookies");
    }

    [Fact]
    public async Task A_session_stored_by_one_instance_is_read_by_another_and_outlives_the_first()
    {
        var key = await _first.Services.GetRequiredService<ServerTicketStore>().StoreAsync(Ticket("Nguyễn Thị Lan", DateTimeOffset.UtcNow.AddHours(1)));

        var read = await _second.Services.GetRequiredService<ServerTicketStore>().RetrieveAsync(key);
        Assert.NotNull(read);
        Assert.Equal("Nguyễn Thị Lan", read.Principal.Identity!.Name);
        Assert.Equal(key, ServerTicketStore.SessionOf(read.Principal));

        // The first instance stops (a restart, a crash); a new one reads the session too.
        await _first.DisposeAsync();
        await using var restarted = Instance();
        Assert.Equal("Nguyễn Thị Lan", (await restarted.Services.GetRequiredService<ServerTicketStore>().RetrieveAsync(key))!.Principal.Identity!.Name);
        _first = Instance();
    }

    [Fact]
    public async Task What_one_instance_protects_the_other_unprotects()
    {
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";
        var protectedText = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("phiên đăng nhập");

        Assert.Equal("phiên đăng nhập", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedText));
        await using var scope = _second.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<WebDb>().DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_renewal_on_one_instance_is_what_the_other_reads_and_a_removal_signs_out_everywhere()
    {
        var first = _first.Services.GetRequiredService<ServerTicketStore>();
        var second = _second.Services.GetRequiredService<ServerTicketStore>();
        var key = await first.StoreAsync(Ticket("Trần Văn Minh", DateTimeOffset.UtcNow.AddHours(1)));

        // A circuit on the second instance refreshes the tokens while the first renews too: both write whole entries.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).RenewAsync(key, Ticket($"Trần Văn Minh {i}", DateTimeOffset.UtcNow.AddHours(1)))));
        var name = (await second.RetrieveAsync(key))!.Principal.Identity!.Name;
        Assert.Equal(name, (await first.RetrieveAsync(key))!.Principal.Identity!.Name);
        Assert.StartsWith("Trần Văn Minh ", name);
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WebDb>().Sessions.CountAsync(e => e.Key.EndsWith(key)));
        }

        await second.RemoveAsync(key);
        Assert.Null(await first.RetrieveAsync(key));
    }

    [Fact]
    public async Task An_expired_session_is_never_read_and_a_sliding_entry_moves_on_when_read()
    {
        var store = _first.Services.GetRequiredService<ServerTicketStore>();
        var key = await store.StoreAsync(Ticket("Lê Thị Hoa", DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Null(await _second.Services.GetRequiredService<ServerTicketStore>().RetrieveAsync(key));

        var cache = _second.Services.GetRequiredService<IDistributedCache>();
        Assert.IsType<DatabaseCache>(cache);
        await cache.SetAsync("sliding", [1, 2, 3], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMinutes(5),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
        });
        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        var before = await db.Sessions.AsNoTracking().Where(e => e.Key == "sliding").Select(e => e.ExpiresAt).SingleAsync();
        await Task.Delay(50);
        Assert.Equal([1, 2, 3], await _first.Services.GetRequiredService<IDistributedCache>().GetAsync("sliding"));
        var after = await db.Sessions.AsNoTracking().Where(e => e.Key == "sliding").Select(e => e.ExpiresAt).SingleAsync();
        Assert.True(after > before, $"the sliding expiry stayed at {before:O}");
        Assert.True(after <= DateTimeOffset.UtcNow.AddMinutes(5));

        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync(new string('k', DatabaseCache.MaxKeyLength + 1), [1], new()));
    }
}

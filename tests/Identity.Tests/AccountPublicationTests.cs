using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>Every account reaches the broker as <see cref="AccountChanged"/>: existing ones at start, then each change as the next revision.</summary>
[Collection(ServersCollection.Name)]
public sealed class AccountPublicationTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<AccountChanged> _heard = new();
    private HostReceiveEndpointHandle? _listener;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var bus = Factory.Services.GetRequiredService<IBus>();
        _listener = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance,
            e => e.Handler<AccountChanged>(context =>
            {
                _heard.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await _listener.Ready;
    }

    public override async Task DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.StopAsync();
        }
        await base.DisposeAsync();
    }

    private Task<bool> HeardAsync(Func<AccountChanged, bool> match) =>
        Eventually.TrueWithin(Patience, () => Task.FromResult(_heard.Any(match)));

    /// <summary>Each revision the listener heard of the user, once, in order.</summary>
    private List<AccountChanged> RevisionsOf(string userId) =>
        [.. _heard.Where(a => a.UserId == userId).GroupBy(a => a.Revision).Select(g => g.First()).OrderBy(a => a.Revision)];

    [Fact]
    public async Task Accounts_that_exist_at_start_are_announced()
    {
        var admin = await WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "admin"));

        Assert.True(await Eventually.TrueWithin(Patience, () => WithDbAsync(db => db.AccountPublications.AnyAsync(p => p.UserId == admin.Id && p.PublishedAt != null))));
        var publication = await WithDbAsync(db => db.AccountPublications.SingleAsync(p => p.UserId == admin.Id));
        Assert.Equal(["Admin"], publication.Roles);
        Assert.True(publication.IsActive);
        Assert.Equal(1, publication.Revision);
    }

    [Fact]
    public async Task Creating_locking_unlocking_and_renaming_an_appraiser_announces_each_state_as_the_next_revision()
    {
        var created = await CreateUserAsync("tham-dinh-1", "Tham-dinh-2024", ["Appraiser"]);
        var id = created.GetProperty("id").GetString()!;
        Assert.True(await HeardAsync(a => a.UserId == id));
        using var admin = ClientWith(await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/lock", null)).StatusCode);
        Assert.True(await HeardAsync(a => a.UserId == id && !a.IsActive));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/unlock", null)).StatusCode);
        Assert.True(await HeardAsync(a => a.UserId == id && a.Revision == 3));
        var update = await admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "Bà Trần Thị Hoa", roles = new[] { "Appraiser", "Officer" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.True(await HeardAsync(a => a.UserId == id && a.Revision == 4));

        var revisions = RevisionsOf(id);
        Assert.Equal([1L, 2L, 3L, 4L], revisions.Select(a => a.Revision));
        Assert.Equal([true, false, true, true], revisions.Select(a => a.IsActive));
        Assert.Equal(["Cán bộ tham-dinh-1", "Cán bộ tham-dinh-1", "Cán bộ tham-dinh-1", "Bà Trần Thị Hoa"], revisions.Select(a => a.DisplayName));
        Assert.Equal(["Appraiser", "Officer"], revisions[^1].Roles);
        Assert.All(revisions, a => Assert.Equal("tham-dinh-1", a.UserName));
    }

    [Fact]
    public async Task A_republish_announces_every_account_again_at_the_same_revision()
    {
        var created = await CreateUserAsync("tham-dinh-2", "Tham-dinh-2024", ["Appraiser"]);
        var id = created.GetProperty("id").GetString()!;
        Assert.True(await HeardAsync(a => a.UserId == id));
        using var admin = ClientWith(await AdminTokenAsync());
        using var officer = ClientWith(await AccessTokenAsync("tham-dinh-2", "Tham-dinh-2024"));

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/users/republish", null)).StatusCode);
        var republish = await admin.PostAsync("/api/users/republish", null);

        Assert.Equal(HttpStatusCode.Accepted, republish.StatusCode);
        Assert.True((await republish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts").GetInt32() >= 2);
        Assert.True(await Eventually.TrueWithin(Patience, () => Task.FromResult(_heard.Count(a => a.UserId == id) >= 2)));
        Assert.All(_heard.Where(a => a.UserId == id), a => Assert.Equal(1, a.Revision));
    }

    [Fact]
    public async Task Recording_an_unchanged_account_again_adds_no_revision()
    {
        var publisher = Factory.Services.GetRequiredService<Accounts.AccountPublisher>();
        var created = await CreateUserAsync("tham-dinh-3", "Tham-dinh-2024", ["Appraiser"]);
        var id = created.GetProperty("id").GetString()!;

        for (var i = 0; i < 5; i++)
        {
            await publisher.RecordChangesAsync(CancellationToken.None);
        }

        Assert.True(await HeardAsync(a => a.UserId == id));
        Assert.Equal(1, await WithDbAsync(db => db.AccountPublications.Where(p => p.UserId == id).Select(p => p.Revision).SingleAsync()));
    }

    [Fact]
    public async Task The_announcement_carries_the_e_mail_and_the_scope_and_a_changed_e_mail_is_the_next_revision()
    {
        var district = await CreateUserAsync("huyen-tien-yen", "Huyen-tien-yen-2024", ["DistrictOfficer"], unitCode: "tien-yen", district: "Tiên Yên");
        var establishment = await CreateUserAsync("htx-5700000101", "Htx-5700000101-2024", ["Establishment"], taxCode: "5700000101");
        var districtId = district.GetProperty("id").GetString()!;
        var establishmentId = establishment.GetProperty("id").GetString()!;
        Assert.True(await HeardAsync(a => a.UserId == districtId && a.Roles.Count > 0));
        Assert.True(await HeardAsync(a => a.UserId == establishmentId && a.Roles.Count > 0));

        var officer = RevisionsOf(districtId)[^1];
        Assert.Equal(("huyen-tien-yen@example.vn", "tien-yen", "Tiên Yên", (string?)null), (officer.Email, officer.UnitCode, officer.District, officer.TaxCode));
        var owner = RevisionsOf(establishmentId)[^1];
        Assert.Equal(("htx-5700000101@example.vn", (string?)null, "5700000101"), (owner.Email, owner.UnitCode, owner.TaxCode));

        using var admin = ClientWith(await AdminTokenAsync());
        var update = await admin.PutAsJsonAsync($"/api/users/{establishmentId}",
            new { displayName = "HTX Chè Tiên Yên", email = "lienhe@htx-che.vn", roles = new[] { "Establishment" }, taxCode = "5700000101" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.True(await HeardAsync(a => a.UserId == establishmentId && a.Revision == owner.Revision + 1));
        Assert.Equal("lienhe@htx-che.vn", RevisionsOf(establishmentId)[^1].Email);
    }
}

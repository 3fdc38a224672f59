using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "servers";
}

/// <summary>The Proposals service on its own fresh database, with helpers to count what it wrote.</summary>
public abstract class ProposalsApp : IAsyncLifetime
{
    protected ProposalsApp(PostgresServer postgres, RabbitMqServer rabbit)
    {
        var database = postgres.NewDatabase("proposals");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:proposalsdb", database);
            host.UseSetting("ConnectionStrings:messaging", rabbit.ConnectionString);
            host.UseSetting("Messaging:EndpointPrefix", $"p{Guid.NewGuid():N}"[..12]);
            host.UseTestIdentity();
        });
    }

    protected WebApplicationFactory<Program> Factory { get; }
    protected HttpClient Client { get; private set; } = null!;
    protected ProposalJourney Journey { get; private set; } = null!;

    /// <summary>Appraiser accounts the service's copy knows (seeded at start); the journey's council is the first three.</summary>
    protected static readonly TestUser[] Appraisers =
        [.. Enumerable.Range(1, 4).Select(i => new TestUser(PlatformRoles.Appraiser, Subject: $"appraiser-{i}"))];

    public virtual async Task InitializeAsync()
    {
        Client = Factory.CreateClient().As(TestUser.Officer);
        await SeedAccountsAsync(Appraisers.Select((a, i) => AccountOf(a.Subject!, $"Thẩm định viên {i + 1}")).ToArray());
        Journey = new ProposalJourney(Client) { Council = [.. Appraisers.Take(3).Select(a => new CouncilMember(a.Subject!, ClientAs(a)))] };
    }

    /// <summary>An account as the identity service announces it: an active Appraiser unless told otherwise.</summary>
    protected static AccountChanged AccountOf(string userId, string displayName, long revision = 1, bool active = true, params string[] roles) => new()
    {
        UserId = userId,
        Revision = revision,
        UserName = userId,
        DisplayName = displayName,
        Roles = roles.Length == 0 ? [PlatformRoles.Appraiser] : roles,
        IsActive = active,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Puts accounts straight into the service's copy, as its consumer would from the identity service's events.</summary>
    protected Task SeedAccountsAsync(params AccountChanged[] accounts) => WithDbAsync(async db =>
    {
        foreach (var account in accounts)
        {
            if (await db.KnownAccounts.FindAsync(account.UserId) is { } known)
            {
                known.Apply(account);
            }
            else
            {
                db.KnownAccounts.Add(KnownAccount.From(account));
            }
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>A client acting as the user (a token of its own; the default <see cref="Client"/> is a Centre officer).</summary>
    protected HttpClient ClientAs(TestUser user) => Factory.CreateClient().As(user);

    /// <summary>A client sending no token.</summary>
    protected HttpClient AnonymousClient() => Factory.CreateClient();

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    protected async Task<T> WithDbAsync<T>(Func<ProposalsDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProposalsDbContext>());
    }

    /// <summary>Proposals, establishments and integration events written so far.</summary>
    protected Task<(int Proposals, int Establishments, int Events)> CountsAsync() => WithDbAsync(async db =>
        (await db.Proposals.CountAsync(), await db.Establishments.CountAsync(), await db.OutboxMessages.CountAsync()));

    /// <summary>The short type names of the integration events written so far, in order.</summary>
    protected Task<List<string>> EventTypesAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync())
            .Select(t => t.Split(',')[0].Split('.')[^1]).ToList());

    protected static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected static async Task AssertProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }
}

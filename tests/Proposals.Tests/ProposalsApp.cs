using KhuyenCong.Platform.Accounts;
using KhuyenCong.Proposals.Data;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>
/// The Proposals service on its own fresh database, with helpers to count what it wrote; it reads
/// <paramref name="clock"/> when one is given, the system clock otherwise.
/// </summary>
public abstract class ProposalsApp(PostgresServer postgres, RabbitMqServer rabbit, TimeProvider? clock = null,
    IEnumerable<(string Key, string Value)>? settings = null)
    : ServiceHost<Program, ProposalsDbContext>(postgres, rabbit, "proposals", settings, clock: clock, user: TestUser.Officer), IAsyncLifetime
{
    protected ProposalJourney Journey { get; private set; } = null!;

    /// <summary>Appraiser accounts the service's copy knows (seeded at start); the journey's council is the first three.</summary>
    protected static readonly TestUser[] Appraisers =
        [.. Enumerable.Range(1, 4).Select(i => new TestUser(PlatformRoles.Appraiser, Subject: $"appraiser-{i}"))];

    public virtual async Task InitializeAsync()
    {
        await SeedAccountsAsync(Appraisers.Select((a, i) => AccountEvents.Of(a.Subject!, $"Thẩm định viên {i + 1}")).ToArray());
        Journey = new ProposalJourney(Client) { Council = [.. Appraisers.Take(3).Select(a => new CouncilMember(a.Subject!, ClientAs(a)))] };
    }

    public virtual async Task DisposeAsync() => await DisposeHostAsync();

    /// <summary>Proposals, establishments and integration events written so far.</summary>
    protected Task<(int Proposals, int Establishments, int Events)> CountsAsync() => WithDbAsync(async db =>
        (await db.Proposals.CountAsync(), await db.Establishments.CountAsync(), await db.OutboxMessages.CountAsync()));

    /// <summary>The short type names of the integration events written so far, in order.</summary>
    protected Task<List<string>> EventTypesAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync())
            .Select(t => t.Split(',')[0].Split('.')[^1]).ToList());
}

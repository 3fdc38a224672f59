using System.Text.Json;
using KhuyenCong.Proposals.Implementation;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Proposals already in implementation when ProgressReportDue came to exist: the migration's list and the startup job
/// announce the report each owes now, once, even with two replicas starting together; those announced live are left alone.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ProgressReportBackfillTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100263";
    private const string Type = "KhuyenCong.Contracts.Proposals.ProgressReportDue,";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>Under a contract signed on 2024-02-01, with February's report recorded: March's is owed, due on 25 March.</summary>
    private async Task<Guid> InImplementationAsync()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.PostAsync(id, "approve", new { approvedSupport = 200_000_000, decisionNumber = "15/QĐ-SCT", decisionDate = "2024-01-15" });
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        await Journey.PostAsync(id, "progress-reports", new
        {
            period = "2024-02", percentDone = 20, stateSupportSpent = 40_000_000, ownCapitalSpent = 90_000_000, otherSourcesSpent = 0, notes = "Đã đặt mua máy",
        });
        return Guid.Parse(id);
    }

    private Task<List<(Guid MessageId, JsonElement Payload)>> AnnouncementsAsync(Guid id) => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(Type)).OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.Payload }).ToListAsync())
            .Select(m => (m.MessageId, JsonDocument.Parse(m.Payload).RootElement.Clone()))
            .Where(m => m.Item2.GetProperty("proposalId").GetGuid() == id).ToList());

    /// <summary>As before the event existed: the proposal's announcements are not in the outbox; then the migration's list.</summary>
    private Task ForgetAndListAsync(Guid id) => WithDbAsync(async db =>
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE message_type LIKE {Type + "%"} AND payload->>'proposalId' = {id.ToString()}");
        return await db.Database.ExecuteSqlRawAsync(ProgressReportBackfill.MarkUnannouncedSql);
    });

    private ProgressReportBackfill Job() => new(Services.GetRequiredService<IServiceScopeFactory>(), Services.GetRequiredService<IOptions<Domain.ProposalRules>>(),
        TimeProvider.System, NullLogger<ProgressReportBackfill>.Instance);

    private Task<int> RunAsync() => WithDbAsync(db => Job().PublishAsync(db, CancellationToken.None));

    [Fact]
    public async Task A_proposal_in_implementation_without_its_announcement_gets_the_month_it_owes_now_once()
    {
        var id = await InImplementationAsync();
        await ForgetAndListAsync(id);

        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var (messageId, payload) = Assert.Single(await AnnouncementsAsync(id));
        Assert.Equal(ProgressReportBackfill.MessageIdOf(id, new DateOnly(2024, 3, 1)), messageId);
        Assert.Equal(("2024-03-01", "2024-03-25"), (payload.GetProperty("period").GetString(), payload.GetProperty("dueOn").GetString()));
        Assert.Equal(TaxCode, payload.GetProperty("proposal").GetProperty("establishmentTaxCodes")[0].GetString());
    }

    [Fact]
    public async Task A_proposal_announced_when_its_implementation_started_is_not_listed_and_gets_nothing_more()
    {
        var id = await InImplementationAsync();
        var live = await AnnouncementsAsync(id);

        Assert.Equal(0, await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProgressReportBackfill.MarkUnannouncedSql)));
        Assert.Equal(0, await RunAsync());

        Assert.Equal(live.Select(a => a.MessageId), (await AnnouncementsAsync(id)).Select(a => a.MessageId));
    }

    [Fact]
    public async Task Two_replicas_starting_together_announce_each_listed_proposal_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await InImplementationAsync());
        }
        foreach (var id in ids)
        {
            await ForgetAndListAsync(id);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync()));

        Assert.Equal(3, runs.Sum());
        foreach (var id in ids)
        {
            Assert.Single(await AnnouncementsAsync(id));
        }
    }

    [Fact]
    public async Task A_listed_proposal_accepted_before_the_job_ran_owes_no_report_and_gets_no_announcement()
    {
        var id = await InImplementationAsync();
        await ForgetAndListAsync(id);
        await Journey.PostAsync(id.ToString(), "accept", new
        {
            acceptedOn = "2024-11-20", actualTotalSpend = 940_000_000, actualSupportUsed = 190_000_000, actualOwnCapital = 750_000_000,
            actualOtherSources = 0, jobsCreated = 15, averageWage = 6_500_000, outputs = "1 lò nung",
        });

        Assert.Equal(0, await RunAsync());
        Assert.Empty(await AnnouncementsAsync(id));
    }
}

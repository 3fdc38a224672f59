using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Plans;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// Plans approved before AnnualPlanApproved existed: the migration's list and the startup job publish each approved
/// version once, under the message id the live approval uses, and never again.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PlanApprovedBackfillTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Plans = "/api/proposals/plans";
    private const string Type = "KhuyenCong.Contracts.Proposals.AnnualPlanApproved,";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    /// <summary>The 2024 local plan of one appraised proposal, approved, then revised and approved again; returns its id.</summary>
    private async Task<Guid> PlanWithRevisionAsync()
    {
        var id = (await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, 2024, stateSupport: 300_000_000))).GetProperty("id").GetString()!;
        var (receivedOn, completedOn) = ProposalJourney.PaperDays(2024);
        await Journey.SubmitAsync(id, receivedOn);
        await Journey.AppraiseAsync(id, 90, completedOn);
        var plan = await ExpectAsync(await Client.PostAsJsonAsync(Plans, new { planYear = 2024, fundingSource = "Local" }), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsJsonAsync($"{Plans}/2024/Local/versions/1/approve", new { decisionNumber = "30/QĐ-UBND", decisionDate = "2024-02-01" }), HttpStatusCode.OK);
        await Journey.PostAsync(id, "approve", new { approvedSupport = 250_000_000, decisionNumber = "16/QĐ-SCT", decisionDate = "2024-03-01" });
        await ExpectAsync(await Client.PostAsJsonAsync(Plans, new { planYear = 2024, fundingSource = "Local", reason = "Điều chỉnh kinh phí" }), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsJsonAsync($"{Plans}/2024/Local/versions/2/approve", new { decisionNumber = "45/QĐ-UBND", decisionDate = "2024-03-05" }), HttpStatusCode.OK);
        return plan.GetProperty("id").GetGuid();
    }

    private Task<List<(Guid MessageId, AnnualPlanApproved Event)>> MessagesAsync() => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.StartsWith(Type)).OrderBy(m => m.Sequence).Select(m => new { m.MessageId, m.Payload }).ToListAsync())
        .Select(m => (m.MessageId, JsonSerializer.Deserialize<AnnualPlanApproved>(m.Payload, JsonSerializerOptions.Web)!)).ToList());

    /// <summary>The migration's step and the job, as an upgraded service runs them.</summary>
    private Task<int> BackfillAsync() => WithDbAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync(PlanApprovedBackfill.MarkUnpublishedSql);
        return await new PlanApprovedBackfill(Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<PlanApprovedBackfill>.Instance)
            .PublishAsync(db, CancellationToken.None);
    });

    [Fact]
    public async Task Each_version_approved_without_its_event_is_published_once_and_a_second_run_publishes_nothing_more()
    {
        var planId = await PlanWithRevisionAsync();
        var live = await MessagesAsync();
        // As before the event existed: the versions are approved, no AnnualPlanApproved was written.
        await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith(Type)).ExecuteDeleteAsync());

        Assert.Equal(2, await BackfillAsync());
        Assert.Equal(0, await BackfillAsync());

        var published = await MessagesAsync();
        Assert.Equal([PlansApi.ApprovedMessageIdOf(planId, 1), PlansApi.ApprovedMessageIdOf(planId, 2)], published.Select(m => m.MessageId));
        Assert.Equal(live.Select(m => m.MessageId), published.Select(m => m.MessageId));
        Assert.Equal([1, 2], published.Select(m => m.Event.VersionNumber));
        Assert.Equal(["30/QĐ-UBND", "45/QĐ-UBND"], published.Select(m => m.Event.DecisionNumber));
        Assert.Equal([300_000_000L, 250_000_000L], published.Select(m => Assert.Single(m.Event.Items).PlannedSupport));
        // Kept to the microsecond by PostgreSQL: the backfill tells of the approvals the live events told of.
        Assert.Equal(live.Select(m => m.Event.ApprovedAt.UtcTicks / 10), published.Select(m => m.Event.ApprovedAt.UtcTicks / 10));
    }

    [Fact]
    public async Task A_plan_whose_approvals_were_published_live_or_a_draft_never_approved_is_not_published_again()
    {
        await PlanWithRevisionAsync();
        await ExpectAsync(await Client.PostAsJsonAsync(Plans, new { planYear = 2025, fundingSource = "National" }), HttpStatusCode.OK);
        var live = await MessagesAsync();

        Assert.Equal(0, await BackfillAsync());

        Assert.Equal(2, live.Count);
        Assert.Equal(live.Select(m => m.MessageId), (await MessagesAsync()).Select(m => m.MessageId));
    }
}

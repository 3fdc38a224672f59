using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// An amendment that raised the support beyond the budget envelope flags the proposal as over plan, as an
/// approval beyond it does: whichever of the approval and the amendment arrives first (each delivered twice),
/// the flag ends set, and an approval's own decision to exceed the plan is the one kept.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AmendmentOverPlanTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const long Million = 1_000_000;
    private static readonly DateTimeOffset At = new(2024, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private ReportingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReportingHost(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ProposalProfile Profile(string code) =>
        Scenario.Profile(code, 2024, "dong-trieu", FundingSource.Local, ContentGroup.TechnicalDemonstration, Sector.Ceramics, ["5700100256"],
            100 * Million, 200 * Million, 0);

    private static ProposalApproved Approval(Guid id, string code, string? beyondPlan = null) => new()
    {
        ProposalId = id, Proposal = Profile(code), ApprovedSupport = 100 * Million, DecisionNumber = "15/QĐ-SCT", DecisionDate = new DateOnly(2024, 1, 15),
        AppraisalScore = 80, ApprovedAt = At, PlanExceedanceDecisionNumber = beyondPlan,
    };

    private static ProposalAmended Amendment(Guid id, string code, string? beyondPlan) => new()
    {
        ProposalId = id, Proposal = Profile(code) with { Revision = 1 }, Revision = 1, DecisionNumber = "30/QĐ-SCT", DecisionDate = new DateOnly(2024, 3, 2),
        Reason = "Bổ sung thiết bị", PreviousApprovedSupport = 100 * Million, ApprovedSupport = 150 * Million, AdvancesPaid = 0, AmendedAt = At,
        PlanExceedanceDecisionNumber = beyondPlan,
    };

    /// <summary>Delivers the events one after another (each twice), each consumed before the next is published.</summary>
    private async Task DeliverInOrderAsync(params object[] events)
    {
        foreach (var e in events)
        {
            await _host.PublishTwiceAsync([e]);
            await _host.DrainAsync();
        }
    }

    private Task<(string? Flag, long? Support)> FactAsync(Guid id) => _host.WithDbAsync(async db =>
    {
        var fact = await db.ProposalFacts.AsNoTracking().SingleAsync(f => f.ProposalId == id);
        return (fact.PlanExceedanceDecisionNumber, fact.ApprovedSupport);
    });

    [Fact]
    public async Task The_over_plan_flag_of_an_amendment_is_set_whichever_of_the_approval_and_the_amendment_arrives_first()
    {
        Guid approvalFirst = Guid.NewGuid(), amendmentFirst = Guid.NewGuid(), withinPlan = Guid.NewGuid();

        await DeliverInOrderAsync(Approval(approvalFirst, "KCĐP-2024-101"), Amendment(approvalFirst, "KCĐP-2024-101", "46/QĐ-UBND"));
        await DeliverInOrderAsync(Amendment(amendmentFirst, "KCĐP-2024-102", "47/QĐ-UBND"), Approval(amendmentFirst, "KCĐP-2024-102"));
        await DeliverInOrderAsync(Amendment(withinPlan, "KCĐP-2024-103", null), Approval(withinPlan, "KCĐP-2024-103"));

        Assert.Equal(("46/QĐ-UBND", 150 * Million), await FactAsync(approvalFirst));
        Assert.Equal(("47/QĐ-UBND", 150 * Million), await FactAsync(amendmentFirst));
        Assert.Equal((null, 150 * Million), await FactAsync(withinPlan));
    }

    [Fact]
    public async Task An_approval_beyond_the_plan_keeps_its_own_decision_and_an_amendment_within_it_does_not_clear_the_flag()
    {
        Guid approvalFirst = Guid.NewGuid(), amendmentFirst = Guid.NewGuid();

        await DeliverInOrderAsync(Approval(approvalFirst, "KCĐP-2024-111", "45/QĐ-UBND"), Amendment(approvalFirst, "KCĐP-2024-111", null));
        await DeliverInOrderAsync(Amendment(amendmentFirst, "KCĐP-2024-112", "48/QĐ-UBND"), Approval(amendmentFirst, "KCĐP-2024-112", "45/QĐ-UBND"));

        Assert.Equal("45/QĐ-UBND", (await FactAsync(approvalFirst)).Flag);
        Assert.Equal("45/QĐ-UBND", (await FactAsync(amendmentFirst)).Flag);
    }
}

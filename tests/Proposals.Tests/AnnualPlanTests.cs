using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

public sealed class AnnualPlanTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Officer = "officer-1";

    private static PlanCandidate Candidate(string code, ProposalStatus status, decimal? score, long requested, long? approved = null,
        AppraisalRecommendation? recommendation = AppraisalRecommendation.Recommend) =>
        new(Guid.NewGuid(), code, "Đề án " + code, 3, "Đông Triều", status, score, recommendation, requested, approved);

    private static ProposalRuleException Refusal(Action act) => Assert.Throws<ProposalRuleException>(act);

    [Fact]
    public void A_compiled_plan_ranks_recommended_and_approved_proposals_by_score_each_for_its_approved_or_requested_support()
    {
        var plan = AnnualPlan.Open(2024, FundingSource.Local, Now);

        var draft = plan.Compile([
            Candidate("KCĐP-2024-001", ProposalStatus.UnderAppraisal, 75m, 200_000_000),
            Candidate("KCĐP-2024-002", ProposalStatus.Approved, 92m, 300_000_000, approved: 250_000_000),
            Candidate("KCĐP-2024-003", ProposalStatus.UnderAppraisal, 40m, 100_000_000, recommendation: AppraisalRecommendation.DoNotRecommend),
            Candidate("KCĐP-2024-004", ProposalStatus.Cancelled, 95m, 100_000_000, approved: 100_000_000),
            Candidate("KCĐP-2024-005", ProposalStatus.Submitted, null, 100_000_000, recommendation: null),
            Candidate("KCĐP-2024-006", ProposalStatus.Settled, 75m, 80_000_000, approved: 80_000_000),
        ], null, Now, Officer);

        Assert.Equal(["KCĐP-2024-002", "KCĐP-2024-001", "KCĐP-2024-006"], draft.Items.Select(i => i.Code));
        Assert.Equal([1, 2, 3], draft.Items.Select(i => i.Rank));
        Assert.Equal(530_000_000, draft.Total);
        Assert.Null(plan.Current);
    }

    [Fact]
    public void The_current_plan_is_the_last_approved_version_and_a_revision_states_its_reason()
    {
        var plan = AnnualPlan.Open(2024, FundingSource.Local, Now);
        plan.Compile([Candidate("KCĐP-2024-001", ProposalStatus.UnderAppraisal, 80m, 200_000_000)], null, Now, Officer);
        Assert.True(plan.Approve(1, "30/QĐ-UBND", new DateOnly(2024, 2, 1), Now, Officer));

        Assert.Equal("plan-revision-needs-reason",
            Refusal(() => plan.Compile([Candidate("KCĐP-2024-001", ProposalStatus.UnderAppraisal, 80m, 200_000_000)], " ", Now, Officer)).Code);
        var revision = plan.Compile([Candidate("KCĐP-2024-001", ProposalStatus.Approved, 80m, 200_000_000, approved: 150_000_000)],
            "Điều chỉnh kinh phí", Now, Officer);

        Assert.Equal(2, revision.Number);
        Assert.Equal(1, plan.Current!.Number);
        Assert.Equal("plan-revision-before-plan", Refusal(() => plan.Approve(2, "45/QĐ-UBND", new DateOnly(2024, 1, 20), Now, Officer)).Code);
        Assert.Equal("plan-decision-recorded", Refusal(() => plan.Approve(2, "30/QĐ-UBND", new DateOnly(2024, 3, 1), Now, Officer)).Code);
        plan.Approve(2, "45/QĐ-UBND", new DateOnly(2024, 3, 1), Now, Officer);
        Assert.Equal(2, plan.Current!.Number);
        Assert.Equal(200_000_000, plan.Versions[0].Total);
        Assert.Equal(150_000_000, plan.Versions[1].Total);
    }

    [Fact]
    public void Approving_an_approved_version_again_by_its_decision_changes_nothing_and_by_another_is_refused()
    {
        var plan = AnnualPlan.Open(2024, FundingSource.Local, Now);
        plan.Compile([Candidate("KCĐP-2024-001", ProposalStatus.UnderAppraisal, 80m, 200_000_000)], null, Now, Officer);
        plan.Approve(1, "30/QĐ-UBND", new DateOnly(2024, 2, 1), Now, Officer);

        Assert.False(plan.Approve(1, "30/qđ-ubnd", new DateOnly(2024, 2, 1), Now.AddHours(1), "officer-2"));
        Assert.Equal(Officer, plan.Versions[0].ApprovedBy);
        Assert.Equal("plan-version-approved", Refusal(() => plan.Approve(1, "31/QĐ-UBND", new DateOnly(2024, 2, 1), Now, Officer)).Code);
        Assert.Equal("decision-in-future", Refusal(() =>
        {
            plan.Compile([], "Điều chỉnh", Now, Officer);
            plan.Approve(2, "46/QĐ-UBND", new DateOnly(2024, 7, 2), Now, Officer);
        }).Code);
    }
}

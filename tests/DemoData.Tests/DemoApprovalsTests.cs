using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using Xunit;
using SupportActivities = KhuyenCong.Contracts.SupportActivities;
using SupportActivity = KhuyenCong.Contracts.SupportActivity;

namespace KhuyenCong.DemoData.Tests;

/// <summary>
/// Every demo proposal the loader takes to approval, replayed through the Proposals domain with the seeded
/// norms as the loader sends it (activity, units, estimate, the paper dossier's days, the decision of 15 May):
/// each approval is checked against a norm that yields a finite limit, and its support is within it.
/// </summary>
public sealed class DemoApprovalsTests
{
    private static readonly List<SupportNorm> Norms = SupportNormSeed.All().ToList();
    private static readonly List<ManagementCostNorm> Management = SupportNormSeed.ManagementCost().ToList();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CouncilSeat[] Council =
        [new("u-a", "A", true, "Chủ tịch", true), new("u-b", "B", true, "Ủy viên", false), new("u-c", "C", true, "Thư ký", false)];

    public static TheoryData<string> Approved() => [.. DemoPlan.Proposals.Where(p => p.Stage >= DemoStage.Approved).Select(p => p.Title)];

    [Theory]
    [MemberData(nameof(Approved))]
    public void Each_demo_approval_is_checked_against_a_norm_with_a_finite_limit_that_holds_its_support(string title)
    {
        var p = DemoPlan.Proposals.Single(x => x.Title == title);
        var source = Enum.Parse<FundingSource>(p.FundingSource);
        var activity = p.Activity is { } name ? Enum.Parse<SupportActivity>(name) : (SupportActivity?)null;
        var details = new ProposalDetails(
            p.Title, p.ContentGroup, activity, "Trung tâm", p.BeneficiaryTaxCodes.Select((t, i) => new Beneficiary(i + 1, Guid.NewGuid(), t, t)).ToList(),
            p.UnitCode, p.UnitCode, "Tại cơ sở", "Mục tiêu", new Budget(p.StateSupport, p.OwnCapital, 0), p.Jobs, p.AverageWage,
            DerivedPriorityArea: false, Pilot: null, Contracts.Sector.Ceramics, p.Units,
            [new EstimateLine(1, "Chi phí thực hiện đề án theo thuyết minh", p.StateSupport, p.OwnCapital, 0, false)]);
        var proposal = Proposal.CreateDraft("KC-DEMO", source, p.PlanYear, details, Now, "demo");
        proposal.Submit(new ProposalRules(), p.ReceivedOn, Management, Now, "demo");
        var appraisal = proposal.StartAppraisal(Council, new ProposalRules(), Now, "demo");
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, new AppraisalSheet(17, 21, 16, 12, 8, 9), Now);
        }
        proposal.CompleteAppraisal(p.AppraisedOn, Now, "officer");

        proposal.Approve(p.StateSupport, "1/QĐ-SCT", p.DecidedOn, Norms, Management, Now, "demo");

        var norm = Norms.Single(n => n.Id == proposal.Approval!.NormId);
        Assert.True(norm.ShareOfCost is not null || norm.Cap is not null);
        Assert.InRange(p.StateSupport, 1, proposal.Approval!.SupportLimit);
        Assert.True(proposal.Approval.SupportLimit <= p.StateSupport + p.OwnCapital, "the limit never exceeds the proposal's cost");
        Assert.Equal(SupportActivities.RequiresActivity(p.ContentGroup), activity is not null);
    }
}

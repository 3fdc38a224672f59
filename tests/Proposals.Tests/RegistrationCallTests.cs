using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

public sealed class RegistrationCallTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static RegistrationCall Call(DateOnly? deadline = null, FundingSource source = FundingSource.Local, int[]? groups = null) =>
        RegistrationCall.Open(2025, source, "Đăng ký kế hoạch khuyến công địa phương năm 2025", "", deadline, groups ?? [3, 1, 3], new ProposalRules(), Now, "officer");

    [Fact]
    public void Without_a_deadline_a_call_takes_20_May_of_the_year_before_the_plan_year()
    {
        Assert.Equal(new DateOnly(2024, 5, 20), Call().Deadline);
        Assert.Equal(new DateOnly(2024, 5, 20), Call(source: FundingSource.National).Deadline);
        Assert.Equal(new DateOnly(2024, 6, 30), Call(new DateOnly(2024, 6, 30)).Deadline);
    }

    [Fact]
    public void A_call_invites_its_content_groups_once_each_in_order()
    {
        Assert.Equal([1, 3], Call().ContentGroups);
        Assert.Equal("invalid-content-groups", Assert.Throws<ProposalRuleException>(() => Call(groups: [])).Code);
        Assert.Equal("invalid-content-groups", Assert.Throws<ProposalRuleException>(() => Call(groups: [10])).Code);
        Assert.Equal("call-deadline-after-plan-year", Assert.Throws<ProposalRuleException>(() => Call(new DateOnly(2026, 1, 1))).Code);
    }

    [Fact]
    public void A_proposal_filed_against_a_call_after_its_deadline_is_flagged_late_not_refused()
    {
        var onTime = ProposalTests.Draft(planYear: 2024);
        var late = ProposalTests.Draft(planYear: 2024);
        var call2024 = RegistrationCall.Open(2024, FundingSource.Local, "Đợt 2024", "", new DateOnly(2023, 6, 30), [3], new ProposalRules(), Now, "officer");
        onTime.FileUnder(call2024);
        late.FileUnder(call2024);

        onTime.Submit(new ProposalRules(), new DateOnly(2023, 6, 30), ProposalTests.ManagementNorms, Now, "officer", call2024);
        late.Submit(new ProposalRules(), new DateOnly(2023, 7, 1), ProposalTests.ManagementNorms, Now, "officer", call2024);

        // 30 June is after the default 20 May: the call's own deadline decides.
        Assert.False(onTime.IsLate);
        Assert.True(late.IsLate);
        Assert.Equal(ProposalStatus.Submitted, late.Status);
        Assert.Equal(call2024.Id, late.CallId);
    }

    [Fact]
    public void A_call_refuses_proposals_of_another_year_source_or_content_group_and_any_once_closed()
    {
        var call = RegistrationCall.Open(2024, FundingSource.Local, "Đợt 2024", "", null, [1, 2], new ProposalRules(), Now, "officer");

        Assert.Equal("content-group-not-invited", Assert.Throws<ProposalRuleException>(() => ProposalTests.Draft(planYear: 2024).FileUnder(call)).Code);
        Assert.Equal("call-mismatch", Assert.Throws<ProposalRuleException>(() => call.EnsureAccepts(2025, FundingSource.Local, 1)).Code);
        Assert.Equal("call-mismatch", Assert.Throws<ProposalRuleException>(() => call.EnsureAccepts(2024, FundingSource.National, 1)).Code);
        call.Close();
        Assert.Equal("call-closed", Assert.Throws<ProposalRuleException>(() => call.EnsureAccepts(2024, FundingSource.Local, 1)).Code);
        call.Reopen();
        call.EnsureAccepts(2024, FundingSource.Local, 1);
    }
}

using KhuyenCong.Proposals.Domain;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

public sealed class ProposalTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Proposal Draft(long stateSupport = 300_000_000) => Proposal.CreateDraft(
        "KCĐP-2024-001", "Máy sấy chè", FundingSource.Local, 2024, 3, "5700100256", "Hạ Long",
        new Budget(stateSupport, 700_000_000, 0), Now);

    [Fact]
    public void A_new_proposal_is_a_draft_whose_total_is_the_sum_of_its_sources()
    {
        var proposal = Draft();
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(1_000_000_000, proposal.Budget.Total);
    }

    [Fact]
    public void Submitting_a_draft_records_when()
    {
        var proposal = Draft();
        proposal.Submit(Now);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(Now, proposal.SubmittedAt);
    }

    [Fact]
    public void Submitting_twice_is_an_illegal_transition()
    {
        var proposal = Draft();
        proposal.Submit(Now);
        var refusal = Assert.Throws<ProposalRuleException>(() => proposal.Submit(Now));
        Assert.Equal("illegal-transition", refusal.Code);
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void Approving_a_draft_is_an_illegal_transition()
    {
        var refusal = Assert.Throws<ProposalRuleException>(() => Draft().Approve(100, "1/QĐ", new DateOnly(2024, 3, 1), Now));
        Assert.Equal("illegal-transition", refusal.Code);
        Assert.Contains("Draft", refusal.Message);
    }

    [Fact]
    public void Approving_a_submitted_proposal_records_the_decision()
    {
        var proposal = Draft();
        proposal.Submit(Now);
        proposal.Approve(250_000_000, "12/QĐ-SCT", new DateOnly(2024, 3, 5), Now);
        Assert.Equal(ProposalStatus.Approved, proposal.Status);
        Assert.Equal(new Approval(250_000_000, "12/QĐ-SCT", new DateOnly(2024, 3, 5), Now), proposal.Approval);
    }

    [Fact]
    public void Approving_more_support_than_requested_is_refused()
    {
        var proposal = Draft(stateSupport: 300_000_000);
        proposal.Submit(Now);
        var refusal = Assert.Throws<ProposalRuleException>(() => proposal.Approve(300_000_001, "12/QĐ", new DateOnly(2024, 3, 5), Now));
        Assert.Equal("support-exceeds-request", refusal.Code);
        Assert.Equal(RuleKind.Unprocessable, refusal.Kind);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Null(proposal.Approval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Approving_no_support_is_refused(long amount)
    {
        var proposal = Draft();
        proposal.Submit(Now);
        Assert.Equal("invalid-support", Assert.Throws<ProposalRuleException>(() => proposal.Approve(amount, "12/QĐ", new DateOnly(2024, 3, 5), Now)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_content_group_outside_the_nine_of_Decree_45_is_refused(int group) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proposal.CreateDraft(
            "KCQG-2024-001", "x", FundingSource.National, 2024, group, "5700100256", "Hạ Long", new Budget(1, 0, 0), Now));

    [Fact]
    public void Codes_are_prefixed_by_funding_source()
    {
        Assert.Equal("KCQG", FundingSource.National.CodePrefix());
        Assert.Equal("KCĐP", FundingSource.Local.CodePrefix());
    }
}

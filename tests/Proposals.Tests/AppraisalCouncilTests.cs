using KhuyenCong.Proposals.Domain;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The council's seats are people: who sits, who chairs, who scores, who steps out, and when the round completes.</summary>
public sealed class AppraisalCouncilTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ProposalRules Rules = new();

    private static CouncilSeat Seat(string userId, bool chair = false, bool appraiser = true, bool known = true) =>
        new(userId, known ? $"Thành viên {userId}" : null, appraiser, chair ? "Chủ tịch" : "Ủy viên", chair);

    private static Proposal Submitted()
    {
        var proposal = ProposalTests.Draft();
        proposal.Submit(Rules, null, ProposalTests.ManagementNorms, Now, "officer");
        return proposal;
    }

    private static (Proposal Proposal, Appraisal Appraisal) UnderAppraisal(int members = 4)
    {
        var proposal = Submitted();
        var seats = Enumerable.Range(1, members).Select(i => Seat($"u{i}", chair: i == 1)).ToList();
        return (proposal, proposal.StartAppraisal(seats, Rules, Now, "officer"));
    }

    private static ProposalRuleException Refused(Action action, string code)
    {
        var refusal = Assert.Throws<ProposalRuleException>(action);
        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrEmpty(refusal.Vietnamese));
        Assert.Contains("36/2013/TT-BCT", refusal.LegalBasis);
        return refusal;
    }

    [Fact]
    public void A_council_has_exactly_one_chair()
    {
        var proposal = Submitted();
        Refused(() => proposal.StartAppraisal([Seat("a"), Seat("b"), Seat("c")], Rules, Now, "officer"), "council-chair");
        var two = Refused(() => proposal.StartAppraisal([Seat("a", chair: true), Seat("b", chair: true), Seat("c")], Rules, Now, "officer"), "council-chair");
        Assert.Contains("2", two.Message);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);

        var appraisal = proposal.StartAppraisal([Seat("a"), Seat("b", chair: true), Seat("c")], Rules, Now, "officer");
        Assert.Equal("b", appraisal.Members.Single(m => m.IsChair).UserId);
    }

    [Fact]
    public void The_same_person_cannot_hold_two_seats()
    {
        var proposal = Submitted();
        var refusal = Refused(() => proposal.StartAppraisal([Seat("a", chair: true), Seat("b"), Seat("a")], Rules, Now, "officer"), "duplicate-council-member");
        Assert.Contains("Seat 3", refusal.Message);
        Assert.Contains("seat 1", refusal.Message);
    }

    [Theory]
    [InlineData(false, true)]  // an account without the Appraiser role, or locked
    [InlineData(true, false)]  // an id the copy of the accounts has never heard of
    public void Every_seat_is_an_active_appraiser_account(bool appraiser, bool known)
    {
        var proposal = Submitted();
        var refusal = Refused(() => proposal.StartAppraisal(
            [Seat("a", chair: true), Seat("b"), Seat("x", appraiser: appraiser && known, known: known)], Rules, Now, "officer"), "council-seat-not-appraiser");
        Assert.Contains("Seat 3", refusal.Message);
        Assert.Contains("'x'", refusal.Message);
        Assert.Empty(proposal.Appraisals);
    }

    [Fact]
    public void A_council_names_the_account_display_names_and_positions()
    {
        var (_, appraisal) = UnderAppraisal(3);
        Assert.Equal(["Thành viên u1", "Thành viên u2", "Thành viên u3"], appraisal.Members.Select(m => m.Name));
        Assert.Equal(["u1", "u2", "u3"], appraisal.Members.Select(m => m.UserId));
    }

    [Fact]
    public void Only_the_seat_holder_scores_the_seat_and_the_sheet_records_who_and_when()
    {
        var (proposal, appraisal) = UnderAppraisal();
        var seat = appraisal.Members[0];

        var refusal = Assert.Throws<ProposalRuleException>(() => proposal.ScoreAppraisal(seat.Id, "u2", ProposalTests.SheetOf(80), Now));
        Assert.Equal("not-your-seat", refusal.Code);
        Assert.Equal(RuleKind.Forbidden, refusal.Kind);
        Assert.Throws<ProposalRuleException>(() => proposal.ScoreAppraisal(seat.Id, "", ProposalTests.SheetOf(80), Now));
        Assert.Null(seat.Sheet);

        proposal.ScoreAppraisal(seat.Id, "u1", ProposalTests.SheetOf(80), Now.AddHours(1));
        Assert.Equal("u1", seat.ScoredBy);
        Assert.Equal(Now.AddHours(1), seat.ScoredAt);
    }

    [Fact]
    public void A_member_who_declares_a_conflict_steps_out_and_cannot_score()
    {
        var (proposal, appraisal) = UnderAppraisal();
        var beneficiary = proposal.Beneficiaries[0].EstablishmentId;
        var seat = appraisal.Members[1];

        Refused(() => proposal.DeclareAppraisalConflict(seat.Id, "u2", Guid.NewGuid(), "Người thân", Now), "not-a-beneficiary");
        Assert.Throws<ProposalRuleException>(() => proposal.DeclareAppraisalConflict(seat.Id, "u1", beneficiary, "Người thân", Now));
        Assert.False(seat.SteppedOut);

        proposal.DeclareAppraisalConflict(seat.Id, "u2", beneficiary, "Vợ là giám đốc cơ sở", Now);
        Assert.True(seat.SteppedOut);
        Assert.Equal(beneficiary, seat.ConflictEstablishmentId);
        Assert.Equal("Vợ là giám đốc cơ sở", seat.ConflictReason);
        Refused(() => proposal.ScoreAppraisal(seat.Id, "u2", ProposalTests.SheetOf(80), Now), "member-stepped-out");
        Assert.Equal(RuleKind.Conflict, Assert.Throws<ProposalRuleException>(
            () => proposal.DeclareAppraisalConflict(seat.Id, "u2", beneficiary, "again", Now)).Kind);
    }

    [Fact]
    public void Declaring_a_conflict_after_scoring_withdraws_the_sheet()
    {
        var (proposal, appraisal) = UnderAppraisal();
        var seat = appraisal.Members[3];
        proposal.ScoreAppraisal(seat.Id, "u4", new AppraisalSheet(0, 0, 0, 0, 0, 0), Now);

        proposal.DeclareAppraisalConflict(seat.Id, "u4", proposal.Beneficiaries[0].EstablishmentId, "Cổ đông của cơ sở", Now);

        Assert.Null(seat.Sheet);
        Assert.Null(seat.ScoredBy);
        foreach (var member in appraisal.Members.Take(3))
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, ProposalTests.SheetOf(80), Now);
        }
        proposal.CompleteAppraisal(null, Now, "officer");
        Assert.Equal(80m, appraisal.AverageScore); // the withdrawn 0 does not count (with it: 60)
    }

    [Fact]
    public void The_appraisal_completes_with_a_member_out_when_every_member_present_scored_and_three_remain()
    {
        var (proposal, appraisal) = UnderAppraisal(4);
        proposal.DeclareAppraisalConflict(appraisal.Members[2].Id, "u3", proposal.Beneficiaries[0].EstablishmentId, "Người thân", Now);
        proposal.ScoreAppraisal(appraisal.Members[0].Id, "u1", new AppraisalSheet(20, 25, 20, 15, 10, 10), Now); // 100
        proposal.ScoreAppraisal(appraisal.Members[1].Id, "u2", new AppraisalSheet(10, 15, 10, 10, 5, 5), Now);   // 55
        Refused(() => proposal.CompleteAppraisal(null, Now, "officer"), "appraisal-incomplete");
        proposal.ScoreAppraisal(appraisal.Members[3].Id, "u4", new AppraisalSheet(12, 15, 12, 10, 5, 6), Now);   // 60

        proposal.CompleteAppraisal(null, Now, "officer");

        Assert.Equal(3, appraisal.Present.Count());
        Assert.Equal(71.67m, appraisal.AverageScore);
    }

    [Fact]
    public void Fewer_than_three_members_present_cannot_complete_the_appraisal()
    {
        var (proposal, appraisal) = UnderAppraisal(3);
        proposal.DeclareAppraisalConflict(appraisal.Members[0].Id, "u1", proposal.Beneficiaries[0].EstablishmentId, "Người thân", Now);
        proposal.ScoreAppraisal(appraisal.Members[1].Id, "u2", ProposalTests.SheetOf(80), Now);
        proposal.ScoreAppraisal(appraisal.Members[2].Id, "u3", ProposalTests.SheetOf(80), Now);

        var refusal = Refused(() => proposal.CompleteAppraisal(null, Now, "officer"), "council-quorum");
        Assert.Contains("Only 2", refusal.Message);
        Assert.False(appraisal.IsCompleted);
    }

    [Fact]
    public void A_completed_appraisal_takes_no_sheet_and_no_declaration()
    {
        var (proposal, appraisal) = UnderAppraisal(3);
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, ProposalTests.SheetOf(80), Now);
        }
        proposal.CompleteAppraisal(null, Now, "officer");

        Refused(() => proposal.ScoreAppraisal(appraisal.Members[0].Id, "u1", ProposalTests.SheetOf(90), Now), "appraisal-completed");
        Refused(() => proposal.DeclareAppraisalConflict(appraisal.Members[0].Id, "u1", proposal.Beneficiaries[0].EstablishmentId, "x", Now), "appraisal-completed");
    }
}

using KhuyenCong.Contracts;
using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

public sealed class ProposalTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    /// <summary>The paper dossier's days: received before the registration deadline, appraised in the autumn.</summary>
    private static readonly DateOnly ReceivedOn = new(2023, 5, 2);
    private static readonly DateOnly AppraisedOn = new(2023, 9, 1);
    private static readonly ProposalRules Rules = new();
    private const string Officer = "officer-1";

    internal static ProposalDetails Details(long stateSupport = 300_000_000, long ownCapital = 700_000_000, int contentGroup = 3,
        SupportActivity? activity = SupportActivity.AdvancedMachinery, bool priorityArea = false, PilotPeriod? pilot = null, int units = 1,
        IReadOnlyList<EstimateLine>? estimate = null, int beneficiaries = 1) => new(
        "Máy sấy chè", contentGroup, activity, "Trung tâm Xúc tiến",
        Enumerable.Range(1, beneficiaries).Select(i => new Beneficiary(i, Guid.NewGuid(), $"57001002{i:D2}", $"HTX Chè {i}")).ToList(),
        "ha-long", "Hạ Long", "Hạ Long", "Nâng công suất", new Budget(stateSupport, ownCapital, 0), 10, 6_000_000, priorityArea, pilot,
        Sector.AgriculturalProducts, units, estimate ?? [new EstimateLine(1, "Máy sấy", stateSupport, ownCapital, 0, false)]);

    internal static readonly ManagementCostNorm[] ManagementNorms =
        [ManagementCostNorm.Create(Guid.NewGuid(), new DateOnly(2014, 4, 8), 0.025m, "TTLT 26/2014, Điều 6 khoản 2 điểm s")];

    internal static readonly AdvanceRate[] AdvanceRates =
        [AdvanceRate.Create(Guid.NewGuid(), null, new DateOnly(2014, 4, 8), 0.7m, null, "TTLT 26/2014, Điều 8 khoản 2 điểm b")];

    private static void Submit(Proposal proposal, DateTimeOffset? at = null, ProposalRules? rules = null, DateOnly? receivedOn = null) =>
        proposal.Submit(rules ?? Rules, receivedOn, ManagementNorms, at ?? Now, Officer);

    internal static Proposal Draft(ProposalDetails? details = null, int planYear = 2024) =>
        Proposal.CreateDraft("KCĐP-2024-001", FundingSource.Local, planYear, details ?? Details(), Now, Officer);

    internal static readonly CouncilSeat[] Council =
        [new("u-a", "A", true, "Chủ tịch", true), new("u-b", "B", true, "Ủy viên", false), new("u-c", "C", true, "Thư ký", false)];

    internal static Proposal Appraised(int percent = 80, ProposalDetails? details = null, FundingSource source = FundingSource.Local, int planYear = 2024)
    {
        var proposal = Proposal.CreateDraft("KCĐP-2024-001", source, planYear, details ?? Details(), Now, Officer);
        Submit(proposal, receivedOn: ReceivedOn);
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, Officer);
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, SheetOf(percent), Now);
        }
        proposal.CompleteAppraisal(AppraisedOn, Now, "officer");
        return proposal;
    }

    internal static AppraisalSheet SheetOf(int percent) =>
        new(20 * percent / 100, 25 * percent / 100, 20 * percent / 100, 15 * percent / 100, 10 * percent / 100, 10 * percent / 100);

    private static readonly SupportNorm[] Norms =
    [
        SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, SupportActivity.AdvancedMachinery, new DateOnly(2014, 4, 8), 0.5m, 400_000_000, NormUnit.Facility, 1.5m, "Quy định A"),
        SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, SupportActivity.AdvancedMachinery, new DateOnly(2024, 6, 1), 0.5m, 200_000_000, NormUnit.Facility, 1.5m, "Quy định B"),
        SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, SupportActivity.DemonstrationModel, new DateOnly(2014, 4, 8), 0.3m, null, NormUnit.Model, 1.5m, "Quy định C"),
    ];

    internal static Proposal Approved(long support = 300_000_000, ProposalDetails? details = null)
    {
        var proposal = Appraised(details: details);
        proposal.Approve(support, "15/QĐ-SCT", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer);
        return proposal;
    }

    private static Proposal InImplementation(long support = 300_000_000)
    {
        var proposal = Approved(support);
        proposal.StartImplementation("HĐ-01", new DateOnly(2024, 3, 15), Now, Officer);
        return proposal;
    }

    private static Acceptance AcceptanceOf(long supportUsed = 280_000_000) =>
        new(new DateOnly(2024, 11, 20), supportUsed + 700_000_000, supportUsed, 700_000_000, 0, 15, 6_500_000, "1 lò sấy");

    private static Proposal Accepted(long supportUsed = 280_000_000, long advance = 0)
    {
        var proposal = InImplementation();
        if (advance > 0)
        {
            proposal.PayAdvance(advance, new DateOnly(2024, 4, 1), AdvanceRates, null, Now, Officer);
        }
        proposal.Accept(AcceptanceOf(supportUsed), Rules, Now, Officer);
        return proposal;
    }

    private static ProposalRuleException Refused(Action action, string code)
    {
        var refusal = Assert.Throws<ProposalRuleException>(action);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    [Fact]
    public void A_new_proposal_is_a_draft_whose_total_is_the_sum_of_its_sources_and_whose_creation_is_history()
    {
        var proposal = Draft();
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(1_000_000_000, proposal.Budget.Total);
        var created = Assert.Single(proposal.History);
        Assert.Equal((null, ProposalStatus.Draft, Officer), (created.From, created.To, created.ActedBy));
    }

    [Fact]
    public void Every_legal_transition_is_recorded_with_who_when_and_why()
    {
        var proposal = Accepted();
        proposal.Settle(280_000_000, new DateOnly(2024, 11, 30), Rules, Now, "accountant");
        proposal.Close(Now, "officer-2", "Hồ sơ đầy đủ");

        Assert.Equal(
            [ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.UnderAppraisal, ProposalStatus.Approved, ProposalStatus.InImplementation,
             ProposalStatus.Accepted, ProposalStatus.Settled, ProposalStatus.Closed],
            proposal.History.Where(h => h.Kind == HistoryEntryKind.StatusChange).Select(h => h.To));
        Assert.Equal(Enumerable.Range(1, proposal.History.Count), proposal.History.Select(h => h.Sequence));
        var moves = proposal.History.Where(h => h.Kind == HistoryEntryKind.StatusChange).ToList();
        Assert.Equal("accountant", moves[6].ActedBy);
        Assert.Equal("Hồ sơ đầy đủ", moves[7].Reason);
        Assert.Equal(ProposalStatus.Settled, moves[7].From);
    }

    [Fact]
    public void An_illegal_transition_is_a_conflict_naming_both_states()
    {
        var proposal = Draft();
        var refusal = Refused(() => proposal.Reject("Không phù hợp", Now, Officer), "illegal-transition");
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
        Assert.Contains("Draft", refusal.Message);
        Assert.Contains("Rejected", refusal.Message);
    }

    [Fact]
    public void Submitting_twice_is_an_illegal_transition() =>
        Refused(() =>
        {
            var proposal = Draft();
            Submit(proposal);
            Submit(proposal);
        }, "illegal-transition");

    [Theory]
    [InlineData(ProposalStatus.Draft)]
    [InlineData(ProposalStatus.Submitted)]
    [InlineData(ProposalStatus.UnderAppraisal)]
    [InlineData(ProposalStatus.ReturnedForRevision)]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.InImplementation)]
    public void An_open_proposal_can_be_cancelled_with_a_reason(ProposalStatus status)
    {
        Assert.True(ProposalLifecycle.IsOpen(status));
        Assert.True(ProposalLifecycle.CanMove(status, ProposalStatus.Cancelled));
    }

    [Theory]
    [InlineData(ProposalStatus.Accepted)]
    [InlineData(ProposalStatus.Settled)]
    [InlineData(ProposalStatus.Closed)]
    [InlineData(ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Cancelled)]
    public void A_proposal_past_acceptance_or_finished_cannot_be_cancelled(ProposalStatus status) =>
        Assert.False(ProposalLifecycle.CanMove(status, ProposalStatus.Cancelled));

    [Fact]
    public void Cancelling_needs_a_reason_and_keeps_it()
    {
        var proposal = InImplementation();
        var decision = new CancellationDecision("20/QĐ-SCT", new DateOnly(2024, 3, 20));
        Refused(() => proposal.Cancel(" ", Now.AddDays(30), Officer, decision), "reason-required");
        proposal.Cancel("Cơ sở ngừng sản xuất", Now.AddDays(30), Officer, decision);
        Assert.Equal(ProposalStatus.Cancelled, proposal.Status);
        Assert.Equal("Cơ sở ngừng sản xuất", proposal.CancellationReason);
        Refused(() => Accepted().Cancel("Muộn", Now, Officer), "illegal-transition");
    }

    [Fact]
    public void A_proposal_returned_for_revision_can_be_edited_resubmitted_and_appraised_again()
    {
        var proposal = Draft();
        Submit(proposal);
        proposal.StartAppraisal(Council, Rules, Now, Officer);
        Refused(() => proposal.Revise(Details(stateSupport: 250_000_000), Now, "author"), "not-editable");
        proposal.ReturnForRevision("Bổ sung dự toán", Now, Officer);
        proposal.Revise(Details(stateSupport: 250_000_000), Now, "author");
        Submit(proposal, Now.AddDays(10));
        var second = proposal.StartAppraisal(Council, Rules, Now, Officer);

        Assert.Equal(250_000_000, proposal.Budget.StateSupport);
        Assert.Equal(2, second.Round);
        Assert.Equal(Now, proposal.SubmittedAt);
    }

    [Theory]
    [InlineData("2023-05-20T16:59:00Z", false)] // 23:59 on 20 May in Vietnam
    [InlineData("2023-05-20T17:00:00Z", true)]  // 00:00 on 21 May in Vietnam
    [InlineData("2022-11-01T00:00:00Z", false)]
    [InlineData("2024-01-10T00:00:00Z", true)]
    public void A_proposal_for_year_Y_submitted_after_20_May_of_Y_minus_1_is_late(string submittedAt, bool late)
    {
        var proposal = Draft();
        Submit(proposal, DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(late, proposal.IsLate);
    }

    [Fact]
    public void The_registration_deadline_is_configuration()
    {
        var proposal = Draft();
        Submit(proposal, new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), new ProposalRules { RegistrationDeadlineMonth = 6, RegistrationDeadlineDay = 30 });
        Assert.False(proposal.IsLate);
    }

    [Fact]
    public void The_appraisal_average_is_the_mean_of_the_members_totals_and_decides_the_recommendation()
    {
        var proposal = Draft();
        Submit(proposal);
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, Officer);
        proposal.ScoreAppraisal(appraisal.Members[0].Id, appraisal.Members[0].UserId!, new AppraisalSheet(20, 25, 20, 15, 10, 10), Now); // 100
        proposal.ScoreAppraisal(appraisal.Members[1].Id, appraisal.Members[1].UserId!, new AppraisalSheet(10, 15, 10, 10, 5, 5), Now);   // 55
        proposal.ScoreAppraisal(appraisal.Members[2].Id, appraisal.Members[2].UserId!, new AppraisalSheet(12, 15, 12, 10, 5, 6), Now);   // 60
        proposal.CompleteAppraisal(null, Now, "officer");

        Assert.Equal(71.67m, appraisal.AverageScore);
        Assert.Equal(AppraisalRecommendation.Recommend, appraisal.Recommendation);
    }

    [Fact]
    public void An_appraisal_below_the_threshold_does_not_recommend_and_blocks_approval()
    {
        var proposal = Appraised(percent: 60);
        Assert.Equal(AppraisalRecommendation.DoNotRecommend, proposal.CurrentAppraisal!.Recommendation);
        Refused(() => proposal.Approve(100_000_000, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "appraisal-not-passed");
    }

    [Fact]
    public void The_pass_threshold_is_configuration()
    {
        var proposal = Draft();
        var strict = new ProposalRules { AppraisalPassThreshold = 85m };
        Submit(proposal, rules: strict);
        var appraisal = proposal.StartAppraisal(Council, strict, Now, Officer);
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, SheetOf(80), Now);
        }
        proposal.CompleteAppraisal(null, Now, "officer");
        Assert.Equal(AppraisalRecommendation.DoNotRecommend, appraisal.Recommendation);
    }

    [Fact]
    public void Scores_are_bounded_by_each_criterion_maximum_and_only_members_score()
    {
        var proposal = Draft();
        Submit(proposal);
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, Officer);
        var refusal = Refused(() => proposal.ScoreAppraisal(appraisal.Members[0].Id, appraisal.Members[0].UserId!, new AppraisalSheet(21, 25, 20, 15, 10, -1), Now), "score-out-of-range");
        Assert.Contains("fitWithRules", refusal.Message);
        Assert.Contains("dossierCompleteness", refusal.Message);
        Refused(() => proposal.ScoreAppraisal(Guid.NewGuid(), "u-a", SheetOf(80), Now), "not-a-council-member");
    }

    [Fact]
    public void An_appraisal_completes_only_when_every_member_scored_and_needs_three_members()
    {
        var proposal = Draft();
        Submit(proposal);
        Refused(() => proposal.StartAppraisal(Council[..2], Rules, Now, Officer), "council-too-small");
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, Officer);
        proposal.ScoreAppraisal(appraisal.Members[0].Id, appraisal.Members[0].UserId!, SheetOf(80), Now);
        var refusal = Refused(() => proposal.CompleteAppraisal(null, Now, "officer"), "appraisal-incomplete");
        Assert.Contains("B", refusal.Message);
    }

    [Fact]
    public void Approval_requires_a_completed_appraisal()
    {
        var proposal = Draft();
        Submit(proposal);
        proposal.StartAppraisal(Council, Rules, Now, Officer);
        Refused(() => proposal.Approve(100_000_000, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "appraisal-required");
    }

    [Fact]
    public void Approving_above_the_norm_is_refused_citing_the_norm()
    {
        var proposal = Appraised();
        // Before 1 June 2024 the cap is 400 million; 50 % of the 1,000 million total is 500 million.
        var refusal = Refused(() => proposal.Approve(300_000_000, "1", new DateOnly(2024, 6, 1), Norms, ManagementNorms, Now, Officer), "support-exceeds-norm");
        Assert.Contains("Quy định B", refusal.Message);
        Assert.Contains("200,000,000", refusal.Message);
    }

    [Fact]
    public void A_norm_change_applies_only_to_approvals_decided_after_its_effective_date()
    {
        var before = Appraised();
        before.Approve(300_000_000, "1", new DateOnly(2024, 5, 31), Norms, ManagementNorms, Now, Officer);
        Assert.Equal(400_000_000, before.Approval!.SupportLimit);

        var after = Appraised();
        Refused(() => after.Approve(300_000_000, "2", new DateOnly(2024, 6, 1), Norms, ManagementNorms, Now, Officer), "support-exceeds-norm");
        after.Approve(200_000_000, "2", new DateOnly(2024, 6, 1), Norms, ManagementNorms, Now, Officer);
        Assert.Equal(200_000_000, after.Approval!.SupportLimit);
    }

    [Fact]
    public void A_priority_area_raises_the_cap_by_the_multiplier()
    {
        var proposal = Appraised(details: Details(priorityArea: true));
        proposal.Approve(300_000_000, "1", new DateOnly(2024, 6, 1), Norms, ManagementNorms, Now, Officer);
        Assert.Equal(300_000_000, proposal.Approval!.SupportLimit); // 200 million × 1.5
    }

    [Fact]
    public void Each_activity_is_held_to_its_own_norm()
    {
        var proposal = Appraised(details: Details(activity: SupportActivity.DemonstrationModel));
        // 30 % of the 1,000 million total: 300 million.
        Refused(() => proposal.Approve(300_000_001, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "support-exceeds-request");
        var limited = Appraised(details: Details(stateSupport: 400_000_000, ownCapital: 600_000_000, activity: SupportActivity.DemonstrationModel));
        Refused(() => limited.Approve(300_000_001, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "support-exceeds-norm");
        limited.Approve(300_000_000, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer);
    }

    [Fact]
    public void An_activity_must_belong_to_the_content_group() =>
        Refused(() => Draft(Details(contentGroup: 5, activity: SupportActivity.DemonstrationModel)), "activity-outside-group");

    [Fact]
    public void Without_a_norm_in_force_approval_is_refused()
    {
        var proposal = Appraised(details: Details(activity: SupportActivity.ProductionLine));
        Refused(() => proposal.Approve(100_000_000, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "no-norm");
    }

    [Fact]
    public void Approving_more_than_requested_is_refused() =>
        Refused(() => Appraised().Approve(300_000_001, "1", new DateOnly(2024, 3, 10), Norms, ManagementNorms, Now, Officer), "support-exceeds-request");

    [Fact]
    public void Advances_may_total_at_most_70_percent_of_the_approved_support()
    {
        var proposal = InImplementation(support: 300_000_000);
        proposal.PayAdvance(150_000_000, new DateOnly(2024, 4, 1), AdvanceRates, null, Now, Officer);
        var refusal = Refused(() => proposal.PayAdvance(60_000_001, new DateOnly(2024, 5, 1), AdvanceRates, null, Now, Officer), "advance-exceeds-limit");
        Assert.Contains("210,000,000", refusal.Message);
        proposal.PayAdvance(60_000_000, new DateOnly(2024, 5, 1), AdvanceRates, null, Now, Officer);
        Assert.Equal(210_000_000, proposal.AdvancesPaid);
    }

    [Fact]
    public void Advances_are_paid_only_during_implementation() =>
        Refused(() => Approved().PayAdvance(1_000_000, new DateOnly(2024, 4, 1), AdvanceRates, null, Now, Officer), "illegal-transition");

    [Fact]
    public void The_balance_is_paid_only_after_acceptance_and_within_the_support_due()
    {
        Refused(() => InImplementation().PayBalance(1_000_000, new DateOnly(2024, 4, 1), Now, Officer), "balance-before-acceptance");
        var proposal = Accepted(supportUsed: 280_000_000, advance: 200_000_000);
        Refused(() => proposal.PayBalance(80_000_001, new DateOnly(2024, 12, 1), Now, Officer), "payment-exceeds-support");
        proposal.PayBalance(80_000_000, new DateOnly(2024, 12, 1), Now, Officer);
        Assert.Equal(280_000_000, proposal.TotalPaid);
    }

    [Fact]
    public void Acceptance_records_actual_figures_that_add_up_within_the_approved_support()
    {
        var proposal = InImplementation();
        Refused(() => proposal.Accept(AcceptanceOf(supportUsed: 300_000_001), Rules, Now, Officer), "support-used-exceeds-approved");
        Refused(() => proposal.Accept(AcceptanceOf() with { ActualTotalSpend = 1 }, Rules, Now, Officer), "actual-budget-mismatch");
        proposal.Accept(AcceptanceOf(), Rules, Now, Officer);
        Assert.Equal(15, proposal.Acceptance!.JobsCreated);
    }

    [Fact]
    public void Acceptance_schedules_follow_ups_at_6_12_and_24_months()
    {
        var proposal = Accepted();
        Assert.Equal(
            [new DateOnly(2025, 5, 20), new DateOnly(2025, 11, 20), new DateOnly(2026, 11, 20)],
            proposal.FollowUps.Select(f => f.DueOn));
        Assert.All(proposal.FollowUps, f => Assert.Equal(FollowUpStatus.Scheduled, f.Status));
    }

    [Fact]
    public void Follow_up_months_are_configuration()
    {
        var proposal = InImplementation();
        proposal.Accept(AcceptanceOf(), new ProposalRules { FollowUpMonths = [3, 36] }, Now, Officer);
        Assert.Equal([3, 36], proposal.FollowUps.Select(f => f.MonthsAfterAcceptance));
    }

    [Fact]
    public void A_follow_up_past_its_due_date_turns_overdue_once_and_recording_it_notes_the_delay()
    {
        var proposal = Accepted();
        var first = proposal.FollowUps[0];
        Assert.False(first.MarkOverdueIfLate(new DateOnly(2025, 5, 20), Now));
        Assert.True(first.MarkOverdueIfLate(new DateOnly(2025, 5, 21), Now));
        Assert.False(first.MarkOverdueIfLate(new DateOnly(2025, 5, 22), Now));

        var (recorded, wasOverdue) = proposal.RecordFollowUp(first.Id, new Evaluation(new DateOnly(2025, 6, 1), 2_000_000_000, 18, 6_800_000, true, 4, ""));
        Assert.True(wasOverdue);
        Assert.Equal(FollowUpStatus.Done, recorded.Status);
        Refused(() => proposal.RecordFollowUp(first.Id, recorded.Evaluation!), "follow-up-done");
    }

    [Fact]
    public void Settled_support_cannot_exceed_the_approved_support()
    {
        var proposal = Accepted();
        Refused(() => proposal.Settle(300_000_001, new DateOnly(2024, 11, 30), Rules, Now, Officer), "settlement-exceeds-approved");
    }

    [Fact]
    public void Settlement_computes_the_unused_advance_to_refund()
    {
        var proposal = Accepted(supportUsed: 150_000_000, advance: 210_000_000);
        proposal.Settle(150_000_000, new DateOnly(2024, 11, 30), Rules, Now, Officer);
        Assert.Equal(60_000_000, proposal.Settlement!.RefundDue);
        Assert.Equal(0, proposal.Settlement.BalanceDue);
    }

    [Fact]
    public void Settlement_computes_the_balance_still_due_and_whether_it_is_late()
    {
        var proposal = Accepted(supportUsed: 280_000_000, advance: 200_000_000);
        proposal.Settle(280_000_000, new DateOnly(2024, 12, 6), Rules, Now, Officer); // 16 days after acceptance
        Assert.Equal(80_000_000, proposal.Settlement!.BalanceDue);
        Assert.Equal(0, proposal.Settlement.RefundDue);
        Assert.True(proposal.Settlement.IsLate);
    }

    [Fact]
    public void Settlement_is_due_15_days_after_acceptance_but_never_after_22_January_following_the_budget_year()
    {
        Assert.Equal(new DateOnly(2024, 6, 16), Rules.SettlementDeadline(new DateOnly(2024, 6, 1), budgetYear: 2024));
        Assert.Equal(new DateOnly(2025, 1, 4), Rules.SettlementDeadline(new DateOnly(2024, 12, 20), budgetYear: 2024));
        Assert.Equal(new DateOnly(2025, 1, 22), Rules.SettlementDeadline(new DateOnly(2025, 1, 15), budgetYear: 2024));
    }

    [Theory]
    [InlineData(2024, 2026, true)]
    [InlineData(2024, 2028, true)]
    [InlineData(2024, 2025, false)]
    [InlineData(2024, 2029, false)]
    public void A_pilot_proposal_runs_three_to_five_years(int start, int end, bool valid)
    {
        if (valid)
        {
            Assert.Equal(end - start + 1, PilotPeriod.Of(start, end, 2024, null, 900_000_000).Years);
        }
        else
        {
            Refused(() => PilotPeriod.Of(start, end, 2024, null, 900_000_000), "pilot-length");
        }
    }

    [Fact]
    public void A_pilot_proposal_splits_its_support_by_year_as_it_states_or_evenly_with_the_rest_in_the_first_year()
    {
        var stated = PilotPeriod.Of(2024, 2026, 2024, [500_000_000, 300_000_000, 100_000_000], 900_000_000);
        Assert.Equal([500_000_000, 300_000_000, 100_000_000], stated.Shares);
        Assert.Equal(300_000_000, stated.ShareOf(2025, 900_000_000));
        Assert.Equal(0, stated.ShareOf(2023, 900_000_000));
        Assert.Equal(0, stated.ShareOf(2027, 900_000_000));

        var even = PilotPeriod.Of(2024, 2026, 2024, null, 1_000_000_001);
        Assert.Equal([333_333_335, 333_333_333, 333_333_333], even.Shares);

        Refused(() => PilotPeriod.Of(2024, 2026, 2024, [500_000_000, 400_000_000], 900_000_000), "pilot-shares");
        Refused(() => PilotPeriod.Of(2024, 2026, 2024, [500_000_000, 300_000_000, 100_000_001], 900_000_000), "pilot-shares");
        Refused(() => PilotPeriod.Of(2024, 2026, 2024, [1_000_000_000, 0, -100_000_000], 900_000_000), "pilot-shares");
        Refused(() => PilotPeriod.Of(2024, 2026, 2024, [long.MaxValue, long.MaxValue, 2], 900_000_000), "pilot-shares");
    }

    [Theory]
    [InlineData(900_000_000)]
    [InlineData(700_000_001)]
    [InlineData(1)]
    [InlineData(long.MaxValue)]
    public void The_parts_of_an_amount_by_the_years_of_a_pilot_add_up_to_it_exactly_in_the_proportions_of_its_shares(long total)
    {
        var pilot = PilotPeriod.Of(2024, 2028, 2024, [100, 0, 300, 200, 400], 1_000);
        var parts = Enumerable.Range(2024, 5).Select(y => pilot.ShareOf(y, total)).ToList();

        Assert.Equal(total, parts.Aggregate(Int128.Zero, (sum, p) => sum + p));
        Assert.Equal(0, parts[1]);
        Assert.All(parts, p => Assert.InRange(p, 0, total));
        Assert.InRange(parts[4] - (Int128)total * 4 / 10, -1, 1);
    }

    [Fact]
    public void A_norm_limit_takes_the_lower_of_share_and_cap()
    {
        var norm = SupportNorm.Create(Guid.NewGuid(), FundingSource.National, 5, SupportActivity.Consulting, new DateOnly(2014, 4, 8), 0.5m, 35_000_000,
            NormUnit.Facility, 1.5m, "TTLT 26/2014");
        Assert.Equal(20_000_000, norm.LimitFor(40_000_000, 1, priorityArea: false));
        Assert.Equal(35_000_000, norm.LimitFor(100_000_000, 1, priorityArea: false));
        Assert.Equal(50_000_000, norm.LimitFor(100_000_000, 1, priorityArea: true));
    }
}

using KhuyenCong.Contracts;
using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The rules of a proposal after approval: progress reports, amendments, cancellation by decision, settlement and refunds.</summary>
public sealed class ImplementationTests
{
    private static readonly ProposalRules Rules = new();
    private const string Officer = "officer-1";

    /// <summary>An instant on a day in the province (UTC+7), at 10:00 there.</summary>
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The norms of the tests: a cap of 400 million (half the cost) until June 2024, then 200 million.</summary>
    private static readonly SupportNorm[] Norms =
    [
        SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, SupportActivity.AdvancedMachinery, new DateOnly(2014, 4, 8), 0.5m, 400_000_000, NormUnit.Facility, 1.5m, "Quy định A"),
        SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, SupportActivity.AdvancedMachinery, new DateOnly(2024, 6, 1), 0.5m, 200_000_000, NormUnit.Facility, 1.5m, "Quy định B"),
    ];

    /// <summary>Approved on 2024-03-10 for 300 million of a 1,000 million budget; in implementation from a contract of <paramref name="signedOn"/>.</summary>
    private static Proposal InImplementation(DateOnly? signedOn = null, DateOnly? plannedEnd = null)
    {
        var proposal = ProposalTests.Approved();
        proposal.PlanEnd(plannedEnd);
        proposal.StartImplementation("HĐ-01", signedOn ?? new DateOnly(2024, 3, 15), On(2024, 3, 15), Officer);
        return proposal;
    }

    private static ProgressStatement Progress(int year, int month, int percent, string? reason = null) =>
        new(new DateOnly(year, month, 1), percent, 10_000_000, 20_000_000, 0, "Đang lắp đặt", reason);

    private static ProposalRuleException Refused(Action action, string code)
    {
        var refusal = Assert.Throws<ProposalRuleException>(action);
        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Vietnamese), $"{code} has no Vietnamese text");
        Assert.False(string.IsNullOrWhiteSpace(refusal.LegalBasis), $"{code} cites no legal basis");
        return refusal;
    }

    private static AmendmentDecision Decision(DateOnly on, long? support = null, long? ownCapital = null, DateOnly? plannedEnd = null) =>
        new("30/QĐ-SCT", on, "Điều chỉnh theo thực tế", support, ownCapital, null, plannedEnd);

    [Fact]
    public void A_months_report_is_due_by_the_25th_and_overdue_from_the_26th()
    {
        var proposal = InImplementation(new DateOnly(2024, 3, 15));

        Assert.Empty(proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 3, 25)));
        Assert.Equal([new DateOnly(2024, 3, 1)], proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 3, 26)));

        proposal.ReportProgress(Progress(2024, 3, 10), On(2024, 3, 25), Officer);
        Assert.Empty(proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 4, 25)));
        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 1)], proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 5, 26)));
    }

    [Fact]
    public void The_due_day_is_configuration()
    {
        var proposal = InImplementation(new DateOnly(2024, 4, 5));
        var rules = new ProposalRules { ProgressReportDueDay = 10 };
        Assert.Empty(proposal.OverdueProgressPeriods(rules, new DateOnly(2024, 4, 10)));
        Assert.Single(proposal.OverdueProgressPeriods(rules, new DateOnly(2024, 4, 11)));
    }

    [Fact]
    public void A_contract_signed_after_the_due_day_owes_its_first_report_the_next_month()
    {
        var proposal = InImplementation(new DateOnly(2024, 3, 28));
        Assert.Empty(proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 4, 25)));
        Assert.Equal([new DateOnly(2024, 4, 1)], proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 4, 26)));
        proposal.ReportProgress(Progress(2024, 3, 0), On(2024, 4, 2), Officer);
        Assert.Equal([new DateOnly(2024, 4, 1)], proposal.OverdueProgressPeriods(Rules, new DateOnly(2024, 4, 26)));
    }

    [Fact]
    public void A_report_for_the_month_before_the_contract_or_a_future_month_is_refused()
    {
        var proposal = InImplementation(new DateOnly(2024, 3, 31));
        Refused(() => proposal.ReportProgress(Progress(2024, 2, 5), On(2024, 3, 31), Officer), "progress-before-contract");
        Refused(() => proposal.ReportProgress(Progress(2024, 4, 5), On(2024, 3, 31), Officer), "progress-in-future");
        proposal.ReportProgress(Progress(2024, 3, 5), On(2024, 3, 31), Officer);
        Assert.Single(proposal.ProgressReports);
    }

    [Fact]
    public void The_first_and_last_instant_of_a_month_in_the_province_decide_whether_it_is_the_future()
    {
        var proposal = InImplementation(new DateOnly(2024, 3, 10));
        // 2024-03-31 17:00 UTC is already 1 April in the province.
        proposal.ReportProgress(Progress(2024, 4, 5), new DateTimeOffset(2024, 3, 31, 17, 0, 0, TimeSpan.Zero), Officer);
        Refused(() => proposal.ReportProgress(Progress(2024, 5, 5), new DateTimeOffset(2024, 4, 30, 16, 59, 59, TimeSpan.Zero), Officer), "progress-in-future");
    }

    [Fact]
    public void A_month_has_one_report()
    {
        var proposal = InImplementation();
        proposal.ReportProgress(Progress(2024, 3, 10), On(2024, 3, 20), Officer);
        var refusal = Refused(() => proposal.ReportProgress(Progress(2024, 3, 12), On(2024, 3, 21), Officer), "progress-report-exists");
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
        Assert.Equal(10, Assert.Single(proposal.ProgressReports).PercentDone);
    }

    [Fact]
    public void Progress_does_not_go_down_unless_the_report_says_why()
    {
        var proposal = InImplementation();
        proposal.ReportProgress(Progress(2024, 3, 40), On(2024, 3, 20), Officer);
        Refused(() => proposal.ReportProgress(Progress(2024, 4, 39), On(2024, 4, 20), Officer), "progress-went-down");
        proposal.ReportProgress(Progress(2024, 4, 40), On(2024, 4, 20), Officer);
        proposal.ReportProgress(Progress(2024, 5, 30, "Phải lắp lại lò nung do hỏng"), On(2024, 5, 20), Officer);
        Assert.Equal(30, proposal.LatestPercentDone);
        Assert.Equal("Phải lắp lại lò nung do hỏng", proposal.LatestProgressReport!.RegressionReason);
    }

    [Fact]
    public void A_late_report_for_an_earlier_month_may_not_claim_more_than_a_later_month()
    {
        var proposal = InImplementation();
        proposal.ReportProgress(Progress(2024, 4, 50), On(2024, 4, 20), Officer);
        Refused(() => proposal.ReportProgress(Progress(2024, 3, 60), On(2024, 4, 21), Officer), "progress-went-down");
        proposal.ReportProgress(Progress(2024, 3, 20), On(2024, 4, 21), Officer);
        Assert.Equal(50, proposal.LatestPercentDone);
    }

    [Fact]
    public void Progress_is_reported_only_in_implementation()
    {
        var approved = ProposalTests.Approved();
        var refusal = Refused(() => approved.ReportProgress(Progress(2024, 3, 10), On(2024, 3, 20), Officer), "progress-not-in-implementation");
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
        Assert.Equal(0, approved.LatestPercentDone);
        Assert.Empty(approved.OverdueProgressPeriods(Rules, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void An_amendment_keeps_old_and_new_and_the_advance_limit_follows_the_new_support()
    {
        var proposal = InImplementation();
        proposal.PayAdvance(150_000_000, new DateOnly(2024, 4, 1), ProposalTests.AdvanceRates, null, On(2024, 4, 1), Officer);

        var amendment = proposal.Amend(Decision(new DateOnly(2024, 5, 2), support: 350_000_000, ownCapital: 750_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer);

        Assert.Equal((300_000_000L, 350_000_000L), (amendment.ApprovedSupportBefore, amendment.ApprovedSupportAfter));
        Assert.Equal((700_000_000L, 750_000_000L), (amendment.OwnCapitalBefore, amendment.OwnCapitalAfter));
        Assert.Equal(350_000_000, proposal.Approval!.ApprovedSupport);
        Assert.Equal("15/QĐ-SCT", proposal.Approval.DecisionNumber);
        Assert.Equal(new Budget(350_000_000, 750_000_000, 0), proposal.Budget);
        Assert.Equal(400_000_000, amendment.SupportLimit);
        proposal.PayAdvance(95_000_000, new DateOnly(2024, 5, 5), ProposalTests.AdvanceRates, null, On(2024, 5, 5), Officer);
        Assert.Equal("advance-exceeds-limit", Assert.Throws<ProposalRuleException>(() => proposal.PayAdvance(1, new DateOnly(2024, 5, 5), ProposalTests.AdvanceRates, null, On(2024, 5, 5), Officer)).Code);
    }

    [Fact]
    public void An_amended_support_is_checked_against_the_norm_in_force_on_the_amendment_date()
    {
        var proposal = InImplementation();
        proposal.Amend(Decision(new DateOnly(2024, 5, 31), support: 400_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 6, 2), Officer);
        // From June the cap is 200 million: the same figure is no longer allowed.
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 6, 1), support: 250_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 6, 2), Officer), "support-exceeds-norm");
        Assert.Equal(400_000_000, proposal.Approval!.ApprovedSupport);
        Assert.Single(proposal.Amendments);
    }

    [Fact]
    public void A_cut_in_own_capital_lowers_the_share_of_cost_limit()
    {
        var proposal = InImplementation();
        // Half of (300 + 200) million is 250 million, below the 300 million approved.
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 2), ownCapital: 200_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "support-exceeds-norm");
    }

    [Fact]
    public void An_amendment_may_not_fall_below_what_is_paid_nor_leave_advances_above_their_share()
    {
        var proposal = InImplementation();
        proposal.PayAdvance(210_000_000, new DateOnly(2024, 4, 1), ProposalTests.AdvanceRates, null, On(2024, 4, 1), Officer);

        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 2), support: 209_999_999), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "amended-support-below-paid");
        // 70 % of 299,999,999 is 209,999,999.3: the 210 million advanced would exceed it.
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 2), support: 299_999_999), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "advances-exceed-amended-share");
        proposal.Amend(Decision(new DateOnly(2024, 5, 2), support: 300_000_001), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer);
        Assert.Equal(300_000_001, proposal.Approval!.ApprovedSupport);
    }

    [Fact]
    public void An_amendment_decision_is_dated_between_the_approval_and_today_and_after_the_previous_amendment()
    {
        var proposal = InImplementation(plannedEnd: new DateOnly(2024, 10, 31));
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 3, 9), support: 310_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "decision-before-approval");
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 4), support: 310_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "decision-in-future");
        proposal.Amend(Decision(new DateOnly(2024, 5, 3), support: 310_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer);
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 2), plannedEnd: new DateOnly(2024, 12, 31)), Norms, ProposalTests.AdvanceRates, On(2024, 5, 10), Officer), "amendment-before-previous");
    }

    [Fact]
    public void An_amendment_that_changes_nothing_is_refused()
    {
        var proposal = InImplementation();
        Refused(() => proposal.Amend(Decision(new DateOnly(2024, 5, 2), support: 300_000_000, ownCapital: 700_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "amendment-without-change");
        Assert.Empty(proposal.Amendments);
    }

    [Fact]
    public void An_extension_needs_a_planned_end_and_moves_it_later()
    {
        var unplanned = InImplementation();
        Refused(() => unplanned.Amend(Decision(new DateOnly(2024, 5, 2), plannedEnd: new DateOnly(2025, 3, 31)), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "planned-end-unknown");

        var planned = InImplementation(plannedEnd: new DateOnly(2024, 10, 31));
        Refused(() => planned.Amend(Decision(new DateOnly(2024, 5, 2), plannedEnd: new DateOnly(2024, 10, 31)), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "amendment-without-change");
        Refused(() => planned.Amend(Decision(new DateOnly(2024, 5, 2), plannedEnd: new DateOnly(2024, 9, 30)), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "extension-not-later");
        var extension = planned.Amend(Decision(new DateOnly(2024, 5, 2), plannedEnd: new DateOnly(2025, 3, 31)), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer);
        Assert.Equal((new DateOnly(2024, 10, 31), new DateOnly(2025, 3, 31)), (extension.PlannedEndBefore!.Value, extension.PlannedEndAfter!.Value));
        Assert.Equal(new DateOnly(2025, 3, 31), planned.PlannedEndOn);
        Assert.Equal(300_000_000, planned.Approval!.ApprovedSupport);
    }

    [Fact]
    public void A_planned_end_cannot_precede_the_approval()
    {
        var proposal = ProposalTests.Approved();
        Refused(() => proposal.PlanEnd(new DateOnly(2024, 3, 9)), "planned-end-before-approval");
        proposal.PlanEnd(new DateOnly(2024, 3, 10));
        Assert.Equal(new DateOnly(2024, 3, 10), proposal.PlannedEndOn);
    }

    [Fact]
    public void Only_an_approved_proposal_or_one_in_implementation_is_amended()
    {
        var draft = ProposalTests.Draft();
        Assert.Equal(RuleKind.Conflict, Refused(() => draft.Amend(Decision(new DateOnly(2024, 5, 2), support: 1), Norms, ProposalTests.AdvanceRates, On(2024, 5, 3), Officer), "amendment-not-allowed").Kind);
        var approved = ProposalTests.Approved();
        approved.Amend(Decision(new DateOnly(2024, 3, 12), support: 250_000_000), Norms, ProposalTests.AdvanceRates, On(2024, 3, 12), Officer);
        Assert.Equal(250_000_000, approved.Approval!.ApprovedSupport);
    }

    [Fact]
    public void After_approval_a_cancellation_needs_a_decision_dated_between_the_approval_and_today()
    {
        var proposal = InImplementation();
        Refused(() => proposal.Cancel("Cơ sở ngừng sản xuất", On(2024, 5, 3), Officer), "cancellation-decision-required");
        Refused(() => proposal.Cancel("Cơ sở ngừng sản xuất", On(2024, 5, 3), Officer, new CancellationDecision("40/QĐ-SCT", new DateOnly(2024, 3, 9))), "decision-before-approval");
        Refused(() => proposal.Cancel("Cơ sở ngừng sản xuất", On(2024, 5, 3), Officer, new CancellationDecision("40/QĐ-SCT", new DateOnly(2024, 5, 4))), "decision-in-future");
        Assert.Equal(ProposalStatus.InImplementation, proposal.Status);

        proposal.Cancel("Cơ sở ngừng sản xuất", On(2024, 5, 3), Officer, new CancellationDecision("40/QĐ-SCT", new DateOnly(2024, 5, 3)));
        Assert.Equal(ProposalStatus.Cancelled, proposal.Status);
        Assert.Equal(new CancellationDecision("40/QĐ-SCT", new DateOnly(2024, 5, 3)), proposal.CancellationDecision);
    }

    [Fact]
    public void Before_approval_the_reason_alone_cancels()
    {
        var draft = ProposalTests.Draft();
        draft.Cancel("Trùng đề án khác", On(2024, 3, 1), Officer);
        Assert.Equal(ProposalStatus.Cancelled, draft.Status);
        Assert.Null(draft.CancellationDecision);
        Assert.Equal(0, draft.RefundOutstanding);
    }

    [Fact]
    public void A_settlement_above_the_support_used_at_acceptance_is_refused()
    {
        var proposal = InImplementation();
        proposal.Accept(new Acceptance(new DateOnly(2024, 11, 20), 950_000_000, 250_000_000, 700_000_000, 0, 10, 6_000_000, "1 lò"), Rules, On(2024, 11, 20), Officer);
        Refused(() => proposal.Settle(250_000_001, new DateOnly(2024, 11, 30), Rules, On(2024, 11, 30), Officer), "settlement-exceeds-support-used");
        proposal.Settle(250_000_000, new DateOnly(2024, 11, 30), Rules, On(2024, 11, 30), Officer);
        Assert.Equal(250_000_000, proposal.Settlement!.SettledSupport);
    }

    private static Proposal SettledWithRefundDue()
    {
        var proposal = InImplementation();
        proposal.PayAdvance(210_000_000, new DateOnly(2024, 4, 1), ProposalTests.AdvanceRates, null, On(2024, 4, 1), Officer);
        proposal.Accept(new Acceptance(new DateOnly(2024, 11, 20), 850_000_000, 150_000_000, 700_000_000, 0, 10, 6_000_000, "1 lò"), Rules, On(2024, 11, 20), Officer);
        proposal.Settle(150_000_000, new DateOnly(2024, 11, 30), Rules, On(2024, 11, 30), Officer);
        return proposal;
    }

    [Fact]
    public void Refunds_after_settlement_never_exceed_what_was_paid_above_the_settled_support()
    {
        var proposal = SettledWithRefundDue();
        Assert.Equal(60_000_000, proposal.RefundOutstanding);

        proposal.RecordRefund(40_000_000, new DateOnly(2024, 12, 2), "PT-01", On(2024, 12, 2), Officer);
        Assert.Equal(20_000_000, proposal.RefundOutstanding);
        Refused(() => proposal.RecordRefund(20_000_001, new DateOnly(2024, 12, 3), "PT-02", On(2024, 12, 3), Officer), "refund-exceeds-due");
        proposal.RecordRefund(20_000_000, new DateOnly(2024, 12, 3), "PT-02", On(2024, 12, 3), Officer);
        Assert.Equal(0, proposal.RefundOutstanding);
        Assert.Equal(60_000_000, proposal.Refunded);
        Refused(() => proposal.RecordRefund(1, new DateOnly(2024, 12, 3), "PT-03", On(2024, 12, 3), Officer), "refund-exceeds-due");
        proposal.Close(On(2024, 12, 4), Officer, null);
        Assert.Equal(0, proposal.RefundOutstanding);
    }

    [Fact]
    public void A_refund_is_dated_neither_before_the_settlement_it_returns_nor_after_today()
    {
        var proposal = SettledWithRefundDue();
        Refused(() => proposal.RecordRefund(1_000_000, new DateOnly(2024, 11, 29), "PT-01", On(2024, 12, 2), Officer), "refund-before-payment");
        Refused(() => proposal.RecordRefund(1_000_000, new DateOnly(2024, 12, 3), "PT-01", On(2024, 12, 2), Officer), "refund-in-future");
        Refused(() => proposal.RecordRefund(0, new DateOnly(2024, 12, 2), "PT-01", On(2024, 12, 2), Officer), "invalid-amount");
        Assert.Empty(proposal.Refunds);
    }

    [Fact]
    public void A_proposal_cancelled_after_advances_owes_them_all_and_not_before_they_were_paid()
    {
        var proposal = InImplementation();
        proposal.PayAdvance(100_000_000, new DateOnly(2024, 4, 10), ProposalTests.AdvanceRates, null, On(2024, 4, 10), Officer);
        Refused(() => proposal.RecordRefund(1_000_000, new DateOnly(2024, 4, 12), "PT-01", On(2024, 4, 12), Officer), "refund-not-due");
        proposal.Cancel("Cơ sở ngừng sản xuất", On(2024, 5, 3), Officer, new CancellationDecision("40/QĐ-SCT", new DateOnly(2024, 5, 3)));

        Assert.Equal(100_000_000, proposal.RefundOutstanding);
        Refused(() => proposal.RecordRefund(1_000_000, new DateOnly(2024, 4, 9), "PT-01", On(2024, 5, 5), Officer), "refund-before-payment");
        Refused(() => proposal.RecordRefund(100_000_001, new DateOnly(2024, 5, 5), "PT-01", On(2024, 5, 5), Officer), "refund-exceeds-due");
        proposal.RecordRefund(100_000_000, new DateOnly(2024, 5, 5), "PT-01", On(2024, 5, 5), Officer);
        Assert.Equal(0, proposal.RefundOutstanding);
    }

    [Fact]
    public void Nothing_is_refundable_when_the_settlement_covers_what_was_paid()
    {
        var proposal = InImplementation();
        proposal.PayAdvance(100_000_000, new DateOnly(2024, 4, 10), ProposalTests.AdvanceRates, null, On(2024, 4, 10), Officer);
        proposal.Accept(new Acceptance(new DateOnly(2024, 11, 20), 950_000_000, 250_000_000, 700_000_000, 0, 10, 6_000_000, "1 lò"), Rules, On(2024, 11, 20), Officer);
        proposal.Settle(250_000_000, new DateOnly(2024, 11, 30), Rules, On(2024, 11, 30), Officer);
        Assert.Equal(0, proposal.RefundOutstanding);
        Refused(() => proposal.RecordRefund(1, new DateOnly(2024, 12, 1), "PT-01", On(2024, 12, 1), Officer), "refund-exceeds-due");
    }
}

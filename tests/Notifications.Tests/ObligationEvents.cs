using KhuyenCong.Contracts.Proposals;

namespace KhuyenCong.Notifications.Tests;

/// <summary>The Proposals events of the progress reports owed, the advances and the approvals over the plan, as they are published.</summary>
internal static class ObligationEvents
{
    public static ProgressReportDue ReportDue(Guid id, ProposalProfile profile, int year, int month) => new()
    {
        ProposalId = id, Proposal = profile, Period = new DateOnly(year, month, 1), DueOn = new DateOnly(year, month, 25), At = Events.At,
    };

    public static AdvancePaid Advanced(Guid id, string code, DateOnly? settleBy, long total = 100_000_000) => new()
    {
        ProposalId = id, Code = code, PaymentId = Guid.NewGuid(), Amount = 100_000_000, TotalAdvanced = total, ApprovedSupport = 300_000_000,
        PaidOn = new DateOnly(2026, 3, 10), SettleBy = settleBy,
    };

    public static ProposalAccepted AcceptedBy(Guid id, ProposalProfile profile, DateOnly acceptedOn, DateOnly settlementDueOn, long advancesPaid = 100_000_000) =>
        Events.Accepted(id, profile, acceptedOn) with { AdvancesPaid = advancesPaid, SettlementDueOn = settlementDueOn };

    public static BalancePaid BalancePaid(Guid id, string code) => new()
    {
        ProposalId = id, Code = code, PaymentId = Guid.NewGuid(), Amount = 200_000_000, TotalPaid = 300_000_000, PaidOn = new DateOnly(2026, 6, 5),
    };

    public static ProposalApproved ApprovedOverPlan(Guid id, ProposalProfile profile, string? decision = "25/QĐ-UBND") =>
        Events.Approved(id, profile) with { PlanExceedanceDecisionNumber = decision };
}

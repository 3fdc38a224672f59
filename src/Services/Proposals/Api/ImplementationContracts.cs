using System.Globalization;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// A monthly progress report. <c>period</c> is the month reported, "yyyy-MM"; the spend is to date, in VND, by
/// source. <c>regressionReason</c> explains a percentage below an earlier month's.
/// </summary>
public sealed record ProgressReportRequest(
    string? Period, int? PercentDone, long? StateSupportSpent, long? OwnCapitalSpent, long? OtherSourcesSpent, string? Notes, string? RegressionReason);

/// <summary>
/// An amendment decision; each of the changes is optional, and at least one is given. <paramref name="ExceedPlan"/> records
/// the decision to raise the support beyond what remains of the budget envelope.
/// </summary>
public sealed record AmendProposalRequest(
    string? DecisionNumber, DateOnly? DecisionDate, string? Reason,
    long? ApprovedSupport, long? OwnCapital, long? OtherSources, DateOnly? PlannedEndOn, ExceedPlanRequest? ExceedPlan = null);

/// <summary>A cancellation: a reason always; after approval also the decision's number and date.</summary>
public sealed record CancelProposalRequest(string? Reason, string? DecisionNumber = null, DateOnly? DecisionDate = null);

/// <summary>A refund of unused support, with the document (receipt, treasury slip) that records it.</summary>
public sealed record RefundRequest(long? Amount, DateOnly? RefundedOn, string? DocumentNumber);

public sealed record ProgressReportResponse(
    Guid Id, string Period, int PercentDone, long StateSupportSpent, long OwnCapitalSpent, long OtherSourcesSpent,
    string Notes, string? RegressionReason, DateTimeOffset ReportedAt, string ReportedBy)
{
    public static ProgressReportResponse Of(ProgressReport r) => new(
        r.Id, PeriodText.Of(r.Period), r.PercentDone, r.StateSupportSpent, r.OwnCapitalSpent, r.OtherSourcesSpent, r.Notes, r.RegressionReason,
        r.ReportedAt, r.ReportedBy);
}

/// <summary>
/// The progress of a proposal under contract: the latest percentage and report, the months whose report is
/// overdue today ("yyyy-MM"), the day the next report is due, and every report by month.
/// </summary>
public sealed record ProgressResponse(
    int PercentDone, ProgressReportResponse? Latest, bool IsOverdue, IReadOnlyList<string> OverduePeriods, int DueDay,
    IReadOnlyList<ProgressReportResponse> Reports)
{
    public static ProgressResponse? Of(Proposal p, ProposalRules rules, DateOnly today)
    {
        if (p.Contract is null)
        {
            return null;
        }
        var overdue = p.OverdueProgressPeriods(rules, today);
        return new ProgressResponse(
            p.LatestPercentDone, p.LatestProgressReport is { } latest ? ProgressReportResponse.Of(latest) : null,
            overdue.Count > 0, overdue.Select(PeriodText.Of).ToList(), rules.ProgressReportDueDay,
            p.ProgressReports.OrderBy(r => r.Period).Select(ProgressReportResponse.Of).ToList());
    }
}

public sealed record AmendmentResponse(
    int Sequence, string DecisionNumber, DateOnly DecisionDate, string Reason,
    long ApprovedSupportBefore, long ApprovedSupportAfter,
    long OwnCapitalBefore, long OwnCapitalAfter, long OtherSourcesBefore, long OtherSourcesAfter,
    DateOnly? PlannedEndBefore, DateOnly? PlannedEndAfter, long SupportLimit, DateTimeOffset AmendedAt, string AmendedBy,
    AmendmentExceedanceResponse? PlanExceedance)
{
    public static AmendmentResponse Of(Amendment a) => new(
        a.Sequence, a.DecisionNumber, a.DecisionDate, a.Reason, a.ApprovedSupportBefore, a.ApprovedSupportAfter,
        a.OwnCapitalBefore, a.OwnCapitalAfter, a.OtherSourcesBefore, a.OtherSourcesAfter, a.PlannedEndBefore, a.PlannedEndAfter,
        a.SupportLimit, a.AmendedAt, a.AmendedBy,
        a.ExceedsPlan ? new AmendmentExceedanceResponse(a.ExceedanceDecisionNumber!, a.ExceedanceDecisionDate!.Value, a.ExceedanceReason!, a.RemainingBefore!.Value) : null);
}

/// <summary>The decision under which an amendment raised the support beyond the envelope, with the room left before the raise.</summary>
public sealed record AmendmentExceedanceResponse(string DecisionNumber, DateOnly DecisionDate, string Reason, long RemainingBefore);

public sealed record RefundResponse(Guid Id, long Amount, DateOnly RefundedOn, string DocumentNumber, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>What is still to be refunded, what was, and each refund; for an approved proposal.</summary>
public sealed record RefundsResponse(long Outstanding, long Refunded, IReadOnlyList<RefundResponse> Items)
{
    public static RefundsResponse? Of(Proposal p) => p.Approval is null
        ? null
        : new RefundsResponse(p.RefundOutstanding, p.Refunded,
            p.Refunds.OrderBy(r => r.RecordedAt).Select(r => new RefundResponse(r.Id, r.Amount, r.RefundedOn, r.DocumentNumber, r.RecordedAt, r.RecordedBy)).ToList());
}

/// <summary>A proposal in implementation with months whose progress report is overdue.</summary>
public sealed record OverdueProgressRow(
    Guid ProposalId, string Code, string Title, string District, DateOnly ContractSignedOn, int MissingReports, string? LatestPeriod);

/// <summary>A proposal with support still to give back.</summary>
public sealed record RefundDueRow(
    Guid ProposalId, string Code, string Title, string District, ProposalStatus Status, long TotalPaid, long? SettledSupport, long Refunded, long RefundOutstanding);

/// <summary>An accepted proposal past its settlement deadline without settlement.</summary>
public sealed record SettlementOverdueRow(
    Guid ProposalId, string Code, string Title, string District, DateOnly AcceptedOn, long ActualSupportUsed, DateOnly DueOn);

/// <summary>Months as the API writes and reads them: "2024-03".</summary>
public static class PeriodText
{
    public static string Of(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period)
            ? period
            : null;
}

using KhuyenCong.Contracts;
using KhuyenCong.Platform.Time;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The proposal after approval: monthly progress reports, amendments and extensions by decision,
/// cancellation by decision, and refunds of unused support.
/// </summary>
public sealed partial class Proposal
{
    private const string ProgressBasis = "Thông tư 36/2013/TT-BCT, Điều 23 khoản 3 điểm a";
    private const string AmendmentBasis = "Thông tư 36/2013/TT-BCT, Điều 11";
    private const string AdvanceBasis = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 8 khoản 2 điểm b";
    private const string NormBasis = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6";
    private const string RefundBasis = "Thông tư 36/2013/TT-BCT, Điều 12 khoản 6";

    private readonly List<ProgressReport> _progressReports = [];
    private readonly List<Amendment> _amendments = [];
    private readonly List<Refund> _refunds = [];

    /// <summary>When the implementation is planned to end; optional at approval, needed to extend it.</summary>
    public DateOnly? PlannedEndOn { get; private set; }
    public CancellationDecision? CancellationDecision { get; private set; }
    public IReadOnlyList<ProgressReport> ProgressReports => _progressReports;
    public IReadOnlyList<Amendment> Amendments => _amendments;
    public IReadOnlyList<Refund> Refunds => _refunds;

    public ProgressReport? LatestProgressReport => _progressReports.MaxBy(r => r.Period);

    /// <summary>How far the work is by the latest report (0 before any): what progress-conditioned advances read.</summary>
    public int LatestPercentDone => LatestProgressReport?.PercentDone ?? 0;

    public long Refunded => _refunds.Sum(r => r.Amount);

    /// <summary>
    /// What the implementing unit still has to give back: the payments above the settled support, or every
    /// payment of a proposal cancelled after advances, less the refunds recorded.
    /// </summary>
    public long RefundOutstanding => Status switch
    {
        ProposalStatus.Settled or ProposalStatus.Closed => Math.Max(0, TotalPaid - Settlement!.SettledSupport) - Refunded,
        ProposalStatus.Cancelled => TotalPaid - Refunded,
        _ => 0,
    };

    /// <summary>Sets the planned end of the implementation at approval; it cannot precede the approval decision.</summary>
    public void PlanEnd(DateOnly? plannedEndOn)
    {
        if (plannedEndOn is { } end && end < Approval!.DecisionDate)
        {
            throw new ProposalRuleException("planned-end-before-approval", RuleKind.Unprocessable,
                $"The planned end of {end:yyyy-MM-dd} cannot precede the approval decision of {Approval.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Thời hạn kết thúc dự kiến {ProvinceCalendar.FormatDate(end)} không được trước ngày quyết định phê duyệt {ProvinceCalendar.FormatDate(Approval.DecisionDate)}.",
                LegalBasis = AmendmentBasis,
            };
        }
        PlannedEndOn = plannedEndOn;
    }

    /// <summary>
    /// Records the monthly progress report of a month of implementation: one per month, not before the
    /// contract's month nor after the current one. The percentage never falls below an earlier month's
    /// (nor rises above a later one's) unless the report says why.
    /// </summary>
    public ProgressReport ReportProgress(ProgressStatement statement, DateTimeOffset now, string actedBy)
    {
        if (Status != ProposalStatus.InImplementation)
        {
            throw new ProposalRuleException("progress-not-in-implementation", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; progress is reported only while it is in implementation.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ báo cáo tiến độ khi đề án đang triển khai.",
                LegalBasis = ProgressBasis,
            };
        }
        var period = MonthOf(statement.Period);
        var contractMonth = MonthOf(Contract!.SignedOn);
        if (period < contractMonth)
        {
            throw new ProposalRuleException("progress-before-contract", RuleKind.Unprocessable,
                $"A report for {period:yyyy-MM} cannot precede the month of the contract ({contractMonth:yyyy-MM}).")
            {
                Vietnamese = $"Không thể báo cáo tiến độ tháng {period:MM/yyyy}, trước tháng ký hợp đồng ({contractMonth:MM/yyyy}).",
                LegalBasis = ProgressBasis,
            };
        }
        var currentMonth = MonthOf(ProvinceCalendar.DateOf(now));
        if (period > currentMonth)
        {
            throw new ProposalRuleException("progress-in-future", RuleKind.Unprocessable,
                $"A report for {period:yyyy-MM} cannot be made before that month ({currentMonth:yyyy-MM} now).")
            {
                Vietnamese = $"Chưa thể báo cáo tiến độ tháng {period:MM/yyyy} (hiện là tháng {currentMonth:MM/yyyy}).",
                LegalBasis = ProgressBasis,
            };
        }
        if (statement.PercentDone is < 0 or > 100)
        {
            throw new ProposalRuleException("invalid-percent", RuleKind.Unprocessable, "The work done is a percentage from 0 to 100.")
            {
                Vietnamese = "Khối lượng hoàn thành là tỷ lệ phần trăm từ 0 đến 100.",
                LegalBasis = ProgressBasis,
            };
        }
        if (_progressReports.Any(r => r.Period == period))
        {
            throw new ProposalRuleException("progress-report-exists", RuleKind.Conflict,
                $"Proposal {Code} already has its progress report for {period:yyyy-MM}; a month has one report.")
            {
                Vietnamese = $"Đề án {Code} đã có báo cáo tiến độ tháng {period:MM/yyyy}; mỗi tháng một báo cáo.",
                LegalBasis = ProgressBasis,
            };
        }
        var reason = string.IsNullOrWhiteSpace(statement.RegressionReason) ? null : statement.RegressionReason.Trim();
        var earlier = _progressReports.Where(r => r.Period < period).MaxBy(r => r.Period);
        var later = _progressReports.Where(r => r.Period > period).MinBy(r => r.Period);
        if (reason is null && (earlier?.PercentDone > statement.PercentDone || later?.PercentDone < statement.PercentDone))
        {
            var other = earlier?.PercentDone > statement.PercentDone ? earlier : later!;
            throw new ProposalRuleException("progress-went-down", RuleKind.Unprocessable,
                $"The report for {period:yyyy-MM} says {statement.PercentDone} % done against {other.PercentDone} % for {other.Period:yyyy-MM}; " +
                "progress does not go down from one month to the next unless the report gives the reason.")
            {
                Vietnamese = $"Báo cáo tháng {period:MM/yyyy} ghi {statement.PercentDone} % khối lượng, so với {other.PercentDone} % của tháng {other.Period:MM/yyyy}; " +
                    "tiến độ không giảm giữa các tháng trừ khi báo cáo nêu rõ lý do.",
                LegalBasis = ProgressBasis,
            };
        }
        var report = new ProgressReport(Guid.CreateVersion7(), period, statement.PercentDone, statement.StateSupportSpent, statement.OwnCapitalSpent,
            statement.OtherSourcesSpent, statement.Notes.Trim(), reason, now, actedBy);
        _progressReports.Add(report);
        return report;
    }

    /// <summary>
    /// The months of implementation whose report is overdue today: each month from the contract's (or the
    /// next, when the contract was signed after that month's due day) whose due day has passed without one.
    /// </summary>
    public IReadOnlyList<DateOnly> OverdueProgressPeriods(ProposalRules rules, DateOnly today)
    {
        if (Status != ProposalStatus.InImplementation || Contract is null)
        {
            return [];
        }
        var first = FirstReportPeriod(Contract.SignedOn, rules.ProgressReportDueDay);
        var last = LastDuePeriod(today, rules.ProgressReportDueDay);
        var overdue = new List<DateOnly>();
        for (var period = first; period <= last; period = period.AddMonths(1))
        {
            if (!_progressReports.Any(r => r.Period == period))
            {
                overdue.Add(period);
            }
        }
        return overdue;
    }

    /// <summary>
    /// The month whose progress report the proposal owes next: the earliest from the first due month
    /// (<see cref="FirstReportPeriod"/>) without a report; null when it is not in implementation. Reports are only ever added,
    /// so the month owed only moves on.
    /// </summary>
    public DateOnly? NextProgressPeriod(ProposalRules rules)
    {
        if (Status != ProposalStatus.InImplementation || Contract is null)
        {
            return null;
        }
        var period = FirstReportPeriod(Contract.SignedOn, rules.ProgressReportDueDay);
        while (_progressReports.Any(r => r.Period == period))
        {
            period = period.AddMonths(1);
        }
        return period;
    }

    /// <summary>The budget year whose money the proposal spends: a pilot's last year, or its plan year.</summary>
    public int BudgetYear => Pilot?.EndYear ?? PlanYear;

    /// <summary>The first month whose report is due: the contract's, unless it was signed after that month's due day.</summary>
    public static DateOnly FirstReportPeriod(DateOnly signedOn, int dueDay) =>
        signedOn.Day <= dueDay ? MonthOf(signedOn) : MonthOf(signedOn).AddMonths(1);

    /// <summary>The latest month whose due day has passed by <paramref name="today"/>: a month's report is overdue from the day after.</summary>
    public static DateOnly LastDuePeriod(DateOnly today, int dueDay) =>
        today.Day > dueDay ? MonthOf(today) : MonthOf(today).AddMonths(-1);

    /// <summary>The first day of the month of <paramref name="date"/>, as periods are kept.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// Amends the approved proposal by a decision: the approved support and the budget lines (re-checked
    /// against the norm in force on the decision date), and/or the planned end (an extension). The new
    /// support stays at or above what is paid, and the advances paid within the advance share of it. The
    /// amended budget is the one the decision approves: a changed support becomes its state-support line.
    /// A raise of the support goes through <paramref name="admitRaise"/> (old and new support), the budget
    /// envelope's check: it refuses the raise or returns the decision under which it exceeds the plan.
    /// </summary>
    public Amendment Amend(
        AmendmentDecision decision, IEnumerable<SupportNorm> norms, IEnumerable<AdvanceRate> rates, DateTimeOffset now, string actedBy,
        Func<long, long, PlanExceedance?>? admitRaise = null)
    {
        if (Status is not (ProposalStatus.Approved or ProposalStatus.InImplementation))
        {
            throw new ProposalRuleException("amendment-not-allowed", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; only an approved proposal or one in implementation can be amended.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ điều chỉnh đề án đã phê duyệt hoặc đang triển khai.",
                LegalBasis = AmendmentBasis,
            };
        }
        var reason = Required(decision.Reason);
        EnsureDecisionDate(decision.DecisionDate, now, "amendment");
        if (_amendments.LastOrDefault() is { } previous && decision.DecisionDate < previous.DecisionDate)
        {
            throw new ProposalRuleException("amendment-before-previous", RuleKind.Unprocessable,
                $"The amendment of {decision.DecisionDate:yyyy-MM-dd} cannot precede the previous amendment of {previous.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Quyết định điều chỉnh ngày {ProvinceCalendar.FormatDate(decision.DecisionDate)} không được trước quyết định điều chỉnh trước đó ngày {ProvinceCalendar.FormatDate(previous.DecisionDate)}.",
                LegalBasis = AmendmentBasis,
            };
        }

        var approval = Approval!;
        var support = decision.ApprovedSupport ?? approval.ApprovedSupport;
        var budget = new Budget(
            support == approval.ApprovedSupport ? Budget.StateSupport : support,
            decision.OwnCapital ?? Budget.OwnCapital,
            decision.OtherSources ?? Budget.OtherSources);
        var plannedEnd = decision.PlannedEndOn ?? PlannedEndOn;
        var moneyChanged = support != approval.ApprovedSupport || budget != Budget;
        if (!moneyChanged && plannedEnd == PlannedEndOn)
        {
            throw new ProposalRuleException("amendment-without-change", RuleKind.Unprocessable,
                "The amendment changes nothing: give a new approved support, budget line or planned end.")
            {
                Vietnamese = "Quyết định điều chỉnh không thay đổi nội dung nào: cần nêu mức hỗ trợ, nguồn kinh phí hoặc thời hạn kết thúc mới.",
                LegalBasis = AmendmentBasis,
            };
        }
        if (plannedEnd != PlannedEndOn)
        {
            EnsureExtension(plannedEnd!.Value);
        }
        var (normId, limit) = (approval.NormId, approval.SupportLimit);
        if (moneyChanged)
        {
            (normId, limit) = CheckAmendedSupport(support, budget, decision.DecisionDate, norms, rates);
        }
        var exceedance = support > approval.ApprovedSupport && admitRaise is not null ? admitRaise(approval.ApprovedSupport, support) : null;

        var amendment = new Amendment(_amendments.Count + 1, decision.DecisionNumber.Trim(), decision.DecisionDate, reason,
            approval.ApprovedSupport, support, Budget.OwnCapital, budget.OwnCapital, Budget.OtherSources, budget.OtherSources,
            PlannedEndOn, plannedEnd, normId, limit, now, actedBy,
            exceedance?.DecisionNumber, exceedance?.DecisionDate, exceedance?.Reason, exceedance?.RemainingBefore);
        Approval = approval with { ApprovedSupport = support, NormId = normId, SupportLimit = limit };
        Budget = budget;
        PlannedEndOn = plannedEnd;
        _amendments.Add(amendment);
        return amendment;
    }

    private void EnsureExtension(DateOnly plannedEnd)
    {
        if (PlannedEndOn is not { } current)
        {
            throw new ProposalRuleException("planned-end-unknown", RuleKind.Unprocessable,
                $"Proposal {Code} has no planned end, so it cannot be extended; its approval did not set one.")
            {
                Vietnamese = $"Đề án {Code} chưa có thời hạn kết thúc dự kiến nên không thể gia hạn.",
                LegalBasis = AmendmentBasis + " khoản 2 điểm a",
            };
        }
        if (plannedEnd <= current)
        {
            throw new ProposalRuleException("extension-not-later", RuleKind.Unprocessable,
                $"An extension moves the planned end later than {current:yyyy-MM-dd}, not to {plannedEnd:yyyy-MM-dd}.")
            {
                Vietnamese = $"Gia hạn phải lùi thời hạn kết thúc sau ngày {ProvinceCalendar.FormatDate(current)}, không phải ngày {ProvinceCalendar.FormatDate(plannedEnd)}.",
                LegalBasis = AmendmentBasis + " khoản 2 điểm a",
            };
        }
    }

    /// <summary>The amended support against the norm in force on the decision date, the payments and the advance share.</summary>
    private (Guid NormId, long Limit) CheckAmendedSupport(long support, Budget budget, DateOnly decisionDate, IEnumerable<SupportNorm> norms, IEnumerable<AdvanceRate> rates)
    {
        if (support <= 0)
        {
            throw new ProposalRuleException("invalid-support", RuleKind.Unprocessable, "The approved support must be greater than zero.")
            {
                Vietnamese = "Mức kinh phí hỗ trợ được duyệt phải lớn hơn 0.",
                LegalBasis = AmendmentBasis,
            };
        }
        var (norm, limit) = NormLimit(norms, decisionDate, budget);
        if (support > limit)
        {
            throw new ProposalRuleException("support-exceeds-norm", RuleKind.Unprocessable,
                $"The amended support of {support:N0} VND exceeds the limit of {limit:N0} VND set by {norm.Describe(Units, IsPriorityArea)} on {decisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Mức hỗ trợ điều chỉnh {support:N0} đồng vượt mức tối đa {limit:N0} đồng theo định mức có hiệu lực ngày {ProvinceCalendar.FormatDate(decisionDate)}.",
                LegalBasis = NormBasis,
            };
        }
        if (support < TotalPaid)
        {
            throw new ProposalRuleException("amended-support-below-paid", RuleKind.Unprocessable,
                $"The amended support of {support:N0} VND is below the {TotalPaid:N0} VND already paid.")
            {
                Vietnamese = $"Mức hỗ trợ điều chỉnh {support:N0} đồng thấp hơn số kinh phí đã tạm ứng {TotalPaid:N0} đồng.",
                LegalBasis = AdvanceBasis,
            };
        }
        var rate = AdvanceRate.InForce(rates, Activity, decisionDate);
        var advanceLimit = rate is null ? 0 : AdvanceLimitOf(support, rate);
        if (AdvancesPaid > advanceLimit)
        {
            var share = rate?.Share ?? 0;
            throw new ProposalRuleException("advances-exceed-amended-share", RuleKind.Unprocessable,
                $"The {AdvancesPaid:N0} VND already advanced exceeds {share:P0} of the amended support ({advanceLimit:N0} VND).")
            {
                Vietnamese = $"Số đã tạm ứng {AdvancesPaid:N0} đồng vượt {share:P0} mức hỗ trợ điều chỉnh ({advanceLimit:N0} đồng).",
                LegalBasis = rate?.LegalBasis ?? AdvanceBasis,
            };
        }
        return (norm.Id, limit);
    }

    /// <summary>The norm in force on a date and the limit it sets for a budget, as the approval checks it.</summary>
    private (SupportNorm Norm, long Limit) NormLimit(IEnumerable<SupportNorm> norms, DateOnly on, Budget budget)
    {
        var norm = SupportNorm.InForce(norms, FundingSource, ContentGroup, Activity, on)
            ?? throw new ProposalRuleException("no-norm", RuleKind.Unprocessable,
                $"No support norm for {FundingSource} content group {ContentGroup} is in force on {on:yyyy-MM-dd}.")
            {
                Vietnamese = $"Không có định mức hỗ trợ cho nguồn {CodeNames.VietnameseOf(FundingSource)}, nhóm nội dung {ContentGroup} có hiệu lực ngày {ProvinceCalendar.FormatDate(on)}.",
                LegalBasis = NormBasis,
            };
        return (norm, norm.LimitFor(budget.Total, Units, IsPriorityArea));
    }

    /// <summary>
    /// Checks the decision needed to cancel: after approval a written decision (number and date, not before
    /// the approval nor in the future) is required; before it the reason suffices.
    /// </summary>
    private void EnsureCancellationDecision(CancellationDecision? decision, DateTimeOffset now)
    {
        EnsureCanMove(ProposalStatus.Cancelled);
        if (decision is null)
        {
            if (Approval is not null)
            {
                throw new ProposalRuleException("cancellation-decision-required", RuleKind.Unprocessable,
                    $"Proposal {Code} is approved; stopping it needs a decision (number and date).")
                {
                    Vietnamese = $"Đề án {Code} đã được phê duyệt; ngừng triển khai phải có quyết định bằng văn bản (số và ngày quyết định).",
                    LegalBasis = AmendmentBasis + " khoản 1 và khoản 3",
                };
            }
            return;
        }
        EnsureDecisionDate(decision.DecisionDate, now, "cancellation");
    }

    /// <summary>A decision after approval is dated on or after the approval decision and not after today in the province.</summary>
    private void EnsureDecisionDate(DateOnly decisionDate, DateTimeOffset now, string what)
    {
        if (Approval is { } approval && decisionDate < approval.DecisionDate)
        {
            throw new ProposalRuleException("decision-before-approval", RuleKind.Unprocessable,
                $"The {what} decision of {decisionDate:yyyy-MM-dd} cannot precede the approval decision of {approval.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Quyết định ngày {ProvinceCalendar.FormatDate(decisionDate)} không được trước quyết định phê duyệt ngày {ProvinceCalendar.FormatDate(approval.DecisionDate)}.",
                LegalBasis = AmendmentBasis,
            };
        }
        var today = ProvinceCalendar.DateOf(now);
        if (decisionDate > today)
        {
            throw new ProposalRuleException("decision-in-future", RuleKind.Unprocessable,
                $"The {what} decision of {decisionDate:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Quyết định ngày {ProvinceCalendar.FormatDate(decisionDate)} mang ngày sau hôm nay ({ProvinceCalendar.FormatDate(today)}).",
                LegalBasis = AmendmentBasis,
            };
        }
    }

    /// <summary>
    /// Records support returned: after settlement the payments above the settled support, after a
    /// cancellation every payment. Refunds never exceed what is outstanding, and are dated neither before
    /// the payment or settlement they return nor after today.
    /// </summary>
    public Refund RecordRefund(long amount, DateOnly refundedOn, string documentNumber, DateTimeOffset now, string actedBy)
    {
        if (Status is not (ProposalStatus.Settled or ProposalStatus.Closed or ProposalStatus.Cancelled))
        {
            throw new ProposalRuleException("refund-not-due", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; a refund is due only after settlement or cancellation.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ hoàn trả kinh phí sau khi quyết toán hoặc ngừng triển khai.",
                LegalBasis = RefundBasis,
            };
        }
        if (amount <= 0)
        {
            throw new ProposalRuleException("invalid-amount", RuleKind.Unprocessable, "A refund is a positive amount of VND.")
            {
                Vietnamese = "Số tiền hoàn trả phải lớn hơn 0.",
                LegalBasis = RefundBasis,
            };
        }
        var outstanding = RefundOutstanding;
        if (amount > outstanding)
        {
            throw new ProposalRuleException("refund-exceeds-due", RuleKind.Unprocessable,
                $"A refund of {amount:N0} VND exceeds the {outstanding:N0} VND still to be refunded.")
            {
                Vietnamese = $"Số hoàn trả {amount:N0} đồng vượt số kinh phí còn phải hoàn trả {outstanding:N0} đồng.",
                LegalBasis = RefundBasis,
            };
        }
        var returns = _payments.Max(p => p.PaidOn);
        if (Settlement is { } settlement && settlement.SettledOn > returns)
        {
            returns = settlement.SettledOn;
        }
        if (refundedOn < returns)
        {
            throw new ProposalRuleException("refund-before-payment", RuleKind.Unprocessable,
                $"A refund on {refundedOn:yyyy-MM-dd} cannot precede the payment or settlement it returns ({returns:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày hoàn trả {ProvinceCalendar.FormatDate(refundedOn)} không được trước ngày chi hoặc quyết toán khoản kinh phí được hoàn trả ({ProvinceCalendar.FormatDate(returns)}).",
                LegalBasis = RefundBasis,
            };
        }
        var today = ProvinceCalendar.DateOf(now);
        if (refundedOn > today)
        {
            throw new ProposalRuleException("refund-in-future", RuleKind.Unprocessable,
                $"A refund on {refundedOn:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày hoàn trả {ProvinceCalendar.FormatDate(refundedOn)} sau ngày hôm nay ({ProvinceCalendar.FormatDate(today)}).",
                LegalBasis = RefundBasis,
            };
        }
        var refund = new Refund(Guid.CreateVersion7(), amount, refundedOn, documentNumber.Trim(), now, actedBy);
        _refunds.Add(refund);
        return refund;
    }
}

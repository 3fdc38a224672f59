using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

public enum EnvelopeEntryKind
{
    /// <summary>The allocation decision (quyết định giao dự toán): the first entry of an envelope.</summary>
    Allocation = 1,
    /// <summary>A later decision adding to the envelope (bổ sung dự toán).</summary>
    Addition = 2,
    /// <summary>A later decision cutting the envelope (cắt giảm dự toán).</summary>
    Cut = 3,
}

/// <summary>One decision on an envelope: kept as it was recorded, never overwritten.</summary>
public sealed record EnvelopeEntry(
    Guid Id, EnvelopeEntryKind Kind, long Amount, string DecisionNumber, DateOnly DecisionDate, string? Note,
    DateTimeOffset RecordedAt, string RecordedBy)
{
    /// <summary>What the entry adds to the allocated amount: a cut subtracts.</summary>
    public long SignedAmount => Kind == EnvelopeEntryKind.Cut ? -Amount : Amount;
}

/// <summary>The decision to approve support beyond what remains of the envelope (quyết định phê duyệt vượt kế hoạch).</summary>
public sealed record PlanExceedance(string DecisionNumber, DateOnly DecisionDate, string Reason, long RemainingBefore);

/// <summary>
/// The budget envelope (dự toán được giao) of one plan year and funding source: what the province (or the
/// Ministry, for the national programme) allocated by decision, with the later additions and cuts. Approvals
/// of support are checked against what remains of it, under its row lock, so parallel approvals never exceed it.
/// </summary>
public sealed class BudgetEnvelope
{
    private readonly List<EnvelopeEntry> _entries = [];

    private BudgetEnvelope()
    {
    }

    public Guid Id { get; private set; }
    public int PlanYear { get; private set; }
    public FundingSource FundingSource { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<EnvelopeEntry> Entries => _entries;
    public uint Version { get; private set; }

    /// <summary>The allocation with every addition and cut recorded since.</summary>
    public long Allocated => _entries.Sum(e => e.SignedAmount);

    public EnvelopeEntry Allocation => _entries.Single(e => e.Kind == EnvelopeEntryKind.Allocation);

    /// <summary>Opens the envelope of a year and source with its allocation decision.</summary>
    public static BudgetEnvelope Allocate(
        int planYear, FundingSource fundingSource, long amount, string decisionNumber, DateOnly decisionDate, string? note,
        DateTimeOffset now, string actedBy)
    {
        EnsurePositive(amount);
        EnsureNotInFuture(decisionDate, now);
        var envelope = new BudgetEnvelope { Id = Guid.CreateVersion7(), PlanYear = planYear, FundingSource = fundingSource, CreatedAt = now };
        envelope._entries.Add(new EnvelopeEntry(Guid.CreateVersion7(), EnvelopeEntryKind.Allocation, amount, decisionNumber, decisionDate, note, now, actedBy));
        return envelope;
    }

    /// <summary>Records a later decision adding to or cutting the envelope. A cut may leave less than is committed (the figures then show it), never less than nothing.</summary>
    public EnvelopeEntry Change(
        EnvelopeEntryKind kind, long amount, string decisionNumber, DateOnly decisionDate, string? note, DateTimeOffset now, string actedBy)
    {
        if (kind == EnvelopeEntryKind.Allocation)
        {
            throw new ProposalRuleException("envelope-already-allocated", RuleKind.Conflict,
                $"The {PlanYear} {FundingSource} envelope is already allocated; record an addition or a cut.")
            {
                Vietnamese = $"Dự toán năm {PlanYear} nguồn {SourceVietnamese(FundingSource)} đã được giao; hãy ghi quyết định bổ sung hoặc cắt giảm.",
            };
        }
        EnsurePositive(amount);
        EnsureNotInFuture(decisionDate, now);
        if (decisionDate < Allocation.DecisionDate)
        {
            throw new ProposalRuleException("envelope-change-before-allocation", RuleKind.Unprocessable,
                $"A decision of {decisionDate:yyyy-MM-dd} cannot change an envelope allocated on {Allocation.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Quyết định ngày {decisionDate:dd/MM/yyyy} không thể điều chỉnh dự toán được giao ngày {Allocation.DecisionDate:dd/MM/yyyy}.",
            };
        }
        if (_entries.Any(e => string.Equals(e.DecisionNumber, decisionNumber, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ProposalRuleException("envelope-decision-recorded", RuleKind.Conflict,
                $"Decision {decisionNumber} is already recorded on the {PlanYear} {FundingSource} envelope.")
            {
                Vietnamese = $"Quyết định số {decisionNumber} đã được ghi vào dự toán năm {PlanYear} nguồn {SourceVietnamese(FundingSource)}.",
            };
        }
        if (kind == EnvelopeEntryKind.Cut && amount > Allocated)
        {
            throw new ProposalRuleException("envelope-cut-exceeds-allocation", RuleKind.Unprocessable,
                $"A cut of {amount:N0} VND exceeds the {Allocated:N0} VND allocated.")
            {
                Vietnamese = $"Số cắt giảm {amount:N0} đồng vượt số dự toán được giao {Allocated:N0} đồng.",
            };
        }
        var entry = new EnvelopeEntry(Guid.CreateVersion7(), kind, amount, decisionNumber, decisionDate, note, now, actedBy);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Checks an approval of <paramref name="support"/> against what remains once <paramref name="committedByOthers"/>
    /// is counted. Beyond it, the approval needs a recorded decision to exceed the plan, which this returns (with what
    /// remained) so that the proposal carries the flag; within it, nothing is recorded.
    /// </summary>
    public PlanExceedance? Admit(string proposalCode, long support, long committedByOthers, ExceedanceDecision? decision)
    {
        var remaining = Allocated - committedByOthers;
        if (support <= remaining)
        {
            return null;
        }
        if (decision is null)
        {
            throw new ProposalRuleException("budget-envelope-exceeded", RuleKind.Conflict,
                $"Approving {support:N0} VND for {proposalCode} exceeds the {remaining:N0} VND remaining of the {PlanYear} {FundingSource} envelope "
                + $"(allocated {Allocated:N0} VND, committed {committedByOthers:N0} VND). Record a decision to exceed the plan to approve it.")
            {
                Vietnamese = $"Phê duyệt {support:N0} đồng cho đề án {proposalCode} vượt số dự toán còn lại {remaining:N0} đồng của dự toán năm {PlanYear} "
                    + $"nguồn {SourceVietnamese(FundingSource)} (được giao {Allocated:N0} đồng, đã cam kết {committedByOthers:N0} đồng). "
                    + "Muốn phê duyệt, hãy ghi quyết định phê duyệt vượt kế hoạch (số, ngày, lý do).",
            };
        }
        return new PlanExceedance(decision.DecisionNumber, decision.DecisionDate, decision.Reason, remaining);
    }

    /// <summary>
    /// Checks an amendment raising a proposal's support from <paramref name="supportBefore"/> to <paramref name="supportAfter"/>:
    /// the proposal's own support before it is not counted in <paramref name="committedByOthers"/>, so only the raise has to fit
    /// into what remains. Beyond it, the amendment needs a recorded decision to exceed the plan, which this returns with the
    /// room that was left before the raise; within it, nothing is recorded.
    /// </summary>
    public PlanExceedance? AdmitRaise(string proposalCode, long supportBefore, long supportAfter, long committedByOthers, ExceedanceDecision? decision)
    {
        var raise = supportAfter - supportBefore;
        var remaining = Allocated - committedByOthers - supportBefore;
        if (raise <= remaining)
        {
            return null;
        }
        if (decision is null)
        {
            throw new ProposalRuleException("budget-envelope-exceeded-by-amendment", RuleKind.Conflict,
                $"Amending {proposalCode} to {supportAfter:N0} VND raises its support by {raise:N0} VND, beyond the {Math.Max(0, remaining):N0} VND remaining "
                + $"of the {PlanYear} {FundingSource} envelope (allocated {Allocated:N0} VND, committed {committedByOthers + supportBefore:N0} VND). "
                + "Record a decision to exceed the plan to amend it.")
            {
                Vietnamese = $"Điều chỉnh đề án {proposalCode} lên {supportAfter:N0} đồng tăng kinh phí hỗ trợ thêm {raise:N0} đồng, vượt số dự toán còn lại "
                    + $"{Math.Max(0, remaining):N0} đồng của dự toán năm {PlanYear} nguồn {SourceVietnamese(FundingSource)} (được giao {Allocated:N0} đồng, "
                    + $"đã cam kết {committedByOthers + supportBefore:N0} đồng). Muốn điều chỉnh, hãy ghi quyết định điều chỉnh vượt kế hoạch (số, ngày, lý do).",
            };
        }
        return new PlanExceedance(decision.DecisionNumber, decision.DecisionDate, decision.Reason, remaining);
    }

    private static string SourceVietnamese(FundingSource source) => source == FundingSource.National ? "khuyến công quốc gia" : "khuyến công địa phương";

    private static void EnsurePositive(long amount)
    {
        if (amount <= 0)
        {
            throw new ProposalRuleException("invalid-envelope-amount", RuleKind.Unprocessable, "The amount of a budget decision must be greater than zero.")
            {
                Vietnamese = "Số tiền của quyết định dự toán phải lớn hơn 0.",
            };
        }
    }

    private static void EnsureNotInFuture(DateOnly decisionDate, DateTimeOffset now)
    {
        var today = ProvinceCalendar.DateOf(now);
        if (decisionDate > today)
        {
            throw new ProposalRuleException("decision-in-future", RuleKind.Unprocessable,
                $"The decision of {decisionDate:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày quyết định {decisionDate:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy}).",
            };
        }
    }
}

/// <summary>What an approval beyond the envelope must carry: the decision to exceed the plan.</summary>
public sealed record ExceedanceDecision(string DecisionNumber, DateOnly DecisionDate, string Reason);

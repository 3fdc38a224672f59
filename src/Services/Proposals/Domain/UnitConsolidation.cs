using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>Where a unit's consolidation of a call's registrations stands.</summary>
public enum UnitConsolidationStatus
{
    /// <summary>Being prepared by the unit's economic office: the list, its order and its opinions may change.</summary>
    Preparing = 1,

    /// <summary>Sent to the Centre by a dispatch: frozen.</summary>
    Sent = 2,
}

/// <summary>What the unit says of one proposal of its consolidation.</summary>
public enum UnitOpinion
{
    /// <summary>The unit recommends the proposal for the plan (đề nghị hỗ trợ).</summary>
    Recommend = 1,

    /// <summary>The unit does not recommend it (không đề nghị hỗ trợ).</summary>
    NotRecommend = 2,
}

/// <summary>
/// A unit's consolidation of the registrations of one call (tổng hợp đăng ký của cấp huyện / đơn vị hành chính): the
/// economic office of the administrative unit lists its unit's filed proposals of the call, ranks them by its own
/// priority (1 … n, each once), gives its opinion on each, and sends the list to the Centre by a dispatch (công văn số
/// …, ngày …). Once sent it is frozen: a proposal filed later is simply not in it, and the plan shows such a proposal
/// as not having gone through the unit's consolidation.
/// </summary>
public sealed class UnitConsolidation
{
    private readonly List<UnitConsolidationItem> _items = [];

    private UnitConsolidation()
    {
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public string UnitCode { get; private set; } = "";
    public UnitConsolidationStatus Status { get; private set; }
    public string? DispatchNumber { get; private set; }
    public DateOnly? DispatchDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentBy { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<UnitConsolidationItem> Items => _items;

    /// <summary>Starts the unit's consolidation of the call with its filed proposals, in the order of their codes.</summary>
    public static UnitConsolidation Prepare(Guid callId, string unitCode, IEnumerable<ConsolidationCandidate> candidates, DateTimeOffset now, string actedBy)
    {
        var consolidation = new UnitConsolidation
        {
            Id = Guid.CreateVersion7(), CallId = callId, UnitCode = unitCode, Status = UnitConsolidationStatus.Preparing, CreatedAt = now,
            CreatedBy = actedBy,
        };
        consolidation.Refresh(candidates);
        return consolidation;
    }

    /// <summary>
    /// Takes the unit's filed proposals of the call as they stand now: those no longer filed (rejected, cancelled) leave
    /// and the priorities after them close up; new ones join at the end of the list (by code); those that stay keep
    /// their priority, opinion and note with their figures brought up to date.
    /// </summary>
    public void Refresh(IEnumerable<ConsolidationCandidate> candidates)
    {
        EnsurePreparing();
        var now = candidates.ToDictionary(c => c.ProposalId);
        _items.RemoveAll(i => !now.ContainsKey(i.ProposalId));
        var ordered = _items.OrderBy(i => i.Priority).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Place(i + 1);
            ordered[i].Describe(now[ordered[i].ProposalId]);
        }
        foreach (var candidate in now.Values.Where(c => _items.All(i => i.ProposalId != c.ProposalId)).OrderBy(c => c.ProposalCode, StringComparer.Ordinal))
        {
            _items.Add(UnitConsolidationItem.Of(candidate, _items.Count + 1));
        }
    }

    /// <summary>
    /// Puts the proposal at <paramref name="priority"/> (1 is the unit's first choice) with the unit's opinion and note.
    /// The others between its old and new place move up or down by one, so the priorities stay 1 … n, each once; a
    /// priority beyond n would leave a gap and is refused.
    /// </summary>
    public void Assess(Guid proposalId, int priority, UnitOpinion opinion, string? note)
    {
        EnsurePreparing();
        var item = _items.SingleOrDefault(i => i.ProposalId == proposalId)
            ?? throw new ProposalRuleException("not-in-consolidation", RuleKind.Unprocessable,
                $"The proposal is not among the filed proposals of unit {UnitCode} for this call.")
            {
                Vietnamese = $"Đề án không có trong danh sách tổng hợp của đơn vị {UnitCode} cho đợt đăng ký này.",
            };
        if (priority < 1 || priority > _items.Count)
        {
            throw new ProposalRuleException("consolidation-priority-out-of-range", RuleKind.Unprocessable,
                $"Priorities run from 1 to {_items.Count} (one for each proposal of the list, no gaps), not {priority}.")
            {
                Vietnamese = $"Thứ tự ưu tiên phải từ 1 đến {_items.Count} (mỗi đề án một thứ tự, không bỏ trống), không thể là {priority}.",
            };
        }
        var from = item.Priority;
        foreach (var other in _items.Where(i => i != item))
        {
            if (priority < from && other.Priority >= priority && other.Priority < from)
            {
                other.Place(other.Priority + 1);
            }
            else if (priority > from && other.Priority <= priority && other.Priority > from)
            {
                other.Place(other.Priority - 1);
            }
        }
        item.Place(priority);
        item.Assess(opinion, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>
    /// Sends the list to the Centre by a dispatch dated between the day the call opened and today; every proposal of
    /// the list carries the unit's opinion. Sending the same dispatch again changes nothing; another one is refused.
    /// </summary>
    public bool Send(string dispatchNumber, DateOnly dispatchDate, DateOnly callOpenedOn, DateTimeOffset now, string actedBy)
    {
        if (Status == UnitConsolidationStatus.Sent)
        {
            if (string.Equals(DispatchNumber, dispatchNumber, StringComparison.OrdinalIgnoreCase) && DispatchDate == dispatchDate)
            {
                return false;
            }
            throw new ProposalRuleException("consolidation-already-sent", RuleKind.Conflict,
                $"Unit {UnitCode} already sent its consolidation by dispatch {DispatchNumber} of {DispatchDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Đơn vị {UnitCode} đã gửi bản tổng hợp theo công văn số {DispatchNumber} ngày {DispatchDate:dd/MM/yyyy}.",
            };
        }
        if (_items.Count == 0)
        {
            throw new ProposalRuleException("consolidation-empty", RuleKind.Unprocessable,
                $"Unit {UnitCode} has no filed proposal of this call to send.")
            {
                Vietnamese = $"Đơn vị {UnitCode} chưa có đề án nào đã nộp trong đợt đăng ký này để gửi.",
            };
        }
        var unassessed = _items.Where(i => i.Opinion is null).OrderBy(i => i.Priority).Select(i => i.ProposalCode).ToList();
        if (unassessed.Count > 0)
        {
            throw new ProposalRuleException("consolidation-opinion-missing", RuleKind.Unprocessable,
                $"Every proposal of the list carries the unit's opinion before it is sent; not yet: {string.Join(", ", unassessed)}.")
            {
                Vietnamese = $"Mọi đề án trong danh sách phải có ý kiến của đơn vị trước khi gửi; chưa có ý kiến: {string.Join(", ", unassessed)}.",
            };
        }
        var today = ProvinceCalendar.DateOf(now);
        if (dispatchDate > today)
        {
            throw new ProposalRuleException("dispatch-in-future", RuleKind.Unprocessable,
                $"The dispatch of {dispatchDate:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày công văn {dispatchDate:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy}).",
            };
        }
        if (dispatchDate < callOpenedOn)
        {
            throw new ProposalRuleException("dispatch-before-call", RuleKind.Unprocessable,
                $"The dispatch of {dispatchDate:yyyy-MM-dd} predates the call, opened on {callOpenedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày công văn {dispatchDate:dd/MM/yyyy} trước ngày mở đợt đăng ký ({callOpenedOn:dd/MM/yyyy}).",
            };
        }
        Status = UnitConsolidationStatus.Sent;
        DispatchNumber = dispatchNumber;
        DispatchDate = dispatchDate;
        SentAt = now;
        SentBy = actedBy;
        return true;
    }

    private void EnsurePreparing()
    {
        if (Status != UnitConsolidationStatus.Preparing)
        {
            throw new ProposalRuleException("consolidation-sent", RuleKind.Conflict,
                $"Unit {UnitCode} sent its consolidation by dispatch {DispatchNumber}: it no longer changes.")
            {
                Vietnamese = $"Đơn vị {UnitCode} đã gửi bản tổng hợp theo công văn số {DispatchNumber} nên không thể thay đổi.",
            };
        }
    }
}

/// <summary>A filed proposal of the unit and call as the consolidation takes it.</summary>
public sealed record ConsolidationCandidate(Guid ProposalId, string ProposalCode, string Title, int ContentGroup, long RequestedSupport);

/// <summary>One proposal of a unit's consolidation: the unit's priority, its opinion and note.</summary>
public sealed class UnitConsolidationItem
{
    private UnitConsolidationItem()
    {
    }

    public Guid ProposalId { get; private set; }
    public string ProposalCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public long RequestedSupport { get; private set; }
    public int Priority { get; private set; }

    /// <summary>Null until the unit gives it.</summary>
    public UnitOpinion? Opinion { get; private set; }
    public string? Note { get; private set; }

    internal static UnitConsolidationItem Of(ConsolidationCandidate candidate, int priority)
    {
        var item = new UnitConsolidationItem { ProposalId = candidate.ProposalId, Priority = priority };
        item.Describe(candidate);
        return item;
    }

    internal void Describe(ConsolidationCandidate candidate)
    {
        ProposalCode = candidate.ProposalCode;
        Title = candidate.Title;
        ContentGroup = candidate.ContentGroup;
        RequestedSupport = candidate.RequestedSupport;
    }

    internal void Place(int priority) => Priority = priority;

    internal void Assess(UnitOpinion opinion, string? note)
    {
        Opinion = opinion;
        Note = note;
    }
}

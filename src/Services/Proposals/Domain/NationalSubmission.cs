using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>Where the province's registration of national proposals for a plan year stands.</summary>
public enum NationalSubmissionStatus
{
    /// <summary>Being prepared: the list and each dossier's completeness may change.</summary>
    Preparing = 1,

    /// <summary>Sent to the Ministry's Agency for Regional Industry (Cục Công nghiệp địa phương); its decisions are awaited.</summary>
    Submitted = 2,

    /// <summary>The Ministry has decided on every proposal of the list.</summary>
    Decided = 3,
}

/// <summary>What the Ministry decided on one proposal of the list.</summary>
public enum MinistryOutcome
{
    /// <summary>Put into the national plan with an approved amount.</summary>
    Approved = 1,

    /// <summary>Not put into the national plan.</summary>
    NotSelected = 2,
}

/// <summary>
/// The province's registration of national proposals for one plan year (báo cáo đăng ký đề án khuyến công quốc gia,
/// Circular 36/2013/TT-BCT, Articles 6 and 10): the list of the year's national proposals with the support each
/// asks, whether each dossier is complete, the dispatch that sent the list to the Ministry before 15 June of the
/// year before the plan year, and the Ministry's decision on each proposal recorded back. Once the Ministry has
/// decided, a proposal's approval may not exceed the amount the Ministry approved, and one the Ministry did not
/// select cannot be approved.
/// </summary>
public sealed class NationalSubmission
{
    /// <summary>The units' dossiers reach the Agency for Regional Industry before 15 June each year.</summary>
    public const string DeadlineBasis = "Thông tư 36/2013/TT-BCT, Điều 10 khoản 2 điểm b";

    private readonly List<NationalSubmissionItem> _items = [];

    private NationalSubmission()
    {
    }

    public Guid Id { get; private set; }
    public int PlanYear { get; private set; }
    public NationalSubmissionStatus Status { get; private set; }
    public string? DispatchNumber { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<NationalSubmissionItem> Items => _items;

    /// <summary>The day before which the list reaches the Ministry: 15 June of the year before the plan year.</summary>
    public DateOnly Deadline => DeadlineFor(PlanYear);

    public static DateOnly DeadlineFor(int planYear) => new(planYear - 1, 6, 15);

    /// <summary>Sent after the deadline (the Agency may accept other cases, so it is flagged, not refused).</summary>
    public bool IsLate => SentOn is { } sent && sent > Deadline;

    public long RequestedTotal => _items.Sum(i => i.RequestedSupport);

    public long ApprovedTotal => _items.Sum(i => i.ApprovedSupport ?? 0);

    /// <summary>Starts the list of a plan year with the year's national proposals.</summary>
    public static NationalSubmission Prepare(int planYear, IEnumerable<NationalCandidate> candidates, DateTimeOffset now, string actedBy)
    {
        var submission = new NationalSubmission
        {
            Id = Guid.CreateVersion7(), PlanYear = planYear, Status = NationalSubmissionStatus.Preparing, CreatedAt = now, CreatedBy = actedBy,
        };
        submission.Refresh(candidates);
        return submission;
    }

    /// <summary>
    /// Takes the year's national proposals as they stand now: new ones join (dossier not yet checked), ones no longer
    /// candidates leave, and those that stay keep their dossier check with their figures brought up to date.
    /// </summary>
    public void Refresh(IEnumerable<NationalCandidate> candidates)
    {
        EnsurePreparing("refresh");
        var now = candidates.ToDictionary(c => c.ProposalId);
        _items.RemoveAll(i => !now.ContainsKey(i.ProposalId));
        foreach (var candidate in now.Values)
        {
            if (_items.SingleOrDefault(i => i.ProposalId == candidate.ProposalId) is { } item)
            {
                item.Describe(candidate);
            }
            else
            {
                _items.Add(NationalSubmissionItem.Of(candidate));
            }
        }
    }

    /// <summary>Records whether a proposal's dossier is complete (thuyết minh, dự toán, phiếu thẩm định cấp cơ sở, …) and what it lacks.</summary>
    public void CheckDossier(Guid proposalId, bool complete, string? note)
    {
        EnsurePreparing("check-dossier");
        if (!complete && string.IsNullOrWhiteSpace(note))
        {
            throw new ProposalRuleException("dossier-gap-unnamed", RuleKind.Unprocessable, "An incomplete dossier says what it lacks.")
            {
                Vietnamese = "Hồ sơ chưa đủ phải ghi rõ còn thiếu tài liệu gì.",
            };
        }
        ItemOf(proposalId).CheckDossier(complete, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>Sends the list to the Ministry by a dispatch: only a list of complete dossiers goes. Sending the same dispatch again changes nothing.</summary>
    public bool Submit(string dispatchNumber, DateOnly sentOn, DateTimeOffset now, string actedBy)
    {
        if (Status != NationalSubmissionStatus.Preparing)
        {
            if (DispatchNumber == dispatchNumber && SentOn == sentOn)
            {
                return false;
            }
            throw new ProposalRuleException("national-submission-already-sent", RuleKind.Conflict,
                $"The {PlanYear} list was already sent to the Ministry by dispatch {DispatchNumber} of {SentOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Danh mục năm {PlanYear} đã gửi Bộ Công Thương theo công văn số {DispatchNumber} ngày {SentOn:dd/MM/yyyy}.",
            };
        }
        if (_items.Count == 0)
        {
            throw new ProposalRuleException("national-submission-empty", RuleKind.Unprocessable, $"The {PlanYear} list has no national proposal to send.")
            {
                Vietnamese = $"Danh mục năm {PlanYear} chưa có đề án khuyến công quốc gia nào để gửi.",
            };
        }
        var notComplete = _items.Where(i => i.DossierComplete != true).Select(i => i.ProposalCode).ToList();
        if (notComplete.Count > 0)
        {
            throw new ProposalRuleException("national-dossiers-incomplete", RuleKind.Unprocessable,
                $"Every dossier is checked complete before the list is sent; not yet: {string.Join(", ", notComplete)}.")
            {
                Vietnamese = $"Chỉ gửi Bộ khi mọi hồ sơ đã được kiểm tra là đủ; chưa đủ hoặc chưa kiểm tra: {string.Join(", ", notComplete)}.",
            };
        }
        if (sentOn.Year > PlanYear)
        {
            throw new ProposalRuleException("national-submission-after-plan-year", RuleKind.Unprocessable,
                $"A list for plan year {PlanYear} is sent before the plan year ends, not on {sentOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Danh mục năm kế hoạch {PlanYear} phải gửi trước khi hết năm {PlanYear}, không thể gửi ngày {sentOn:dd/MM/yyyy}.",
            };
        }
        Status = NationalSubmissionStatus.Submitted;
        DispatchNumber = dispatchNumber;
        SentOn = sentOn;
        SubmittedAt = now;
        SubmittedBy = actedBy;
        return true;
    }

    /// <summary>
    /// Records the Ministry's decision on one proposal of the sent list. The approved amount is more than nothing and
    /// at most what the province asked; the decision is dated on or after the dispatch. The same decision recorded
    /// again changes nothing; another one for a proposal already decided is refused.
    /// </summary>
    public bool RecordDecision(Guid proposalId, MinistryDecision decision, DateTimeOffset now, string actedBy)
    {
        if (Status == NationalSubmissionStatus.Preparing)
        {
            throw new ProposalRuleException("national-submission-not-sent", RuleKind.Conflict,
                $"The {PlanYear} list has not been sent to the Ministry: there is no decision to record yet.")
            {
                Vietnamese = $"Danh mục năm {PlanYear} chưa gửi Bộ Công Thương nên chưa thể ghi quyết định của Bộ.",
            };
        }
        var item = ItemOf(proposalId);
        if (decision.Outcome == MinistryOutcome.NotSelected)
        {
            decision = decision with { ApprovedSupport = null };
        }
        if (decision.DecisionDate < SentOn)
        {
            throw new ProposalRuleException("ministry-decision-before-dispatch", RuleKind.Unprocessable,
                $"The Ministry's decision of {decision.DecisionDate:yyyy-MM-dd} predates the dispatch of {SentOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Quyết định của Bộ ngày {decision.DecisionDate:dd/MM/yyyy} không thể trước ngày gửi công văn {SentOn:dd/MM/yyyy}.",
            };
        }
        if (decision.Outcome == MinistryOutcome.Approved && (decision.ApprovedSupport is not > 0 || decision.ApprovedSupport > item.RequestedSupport))
        {
            throw new ProposalRuleException("ministry-amount-out-of-range", RuleKind.Unprocessable,
                $"The Ministry's approved amount of {item.ProposalCode} is more than 0 and at most the {item.RequestedSupport:N0} VND asked.")
            {
                Vietnamese = $"Kinh phí Bộ phê duyệt cho đề án {item.ProposalCode} phải lớn hơn 0 và không vượt {item.RequestedSupport:N0} đồng đã đề nghị.",
            };
        }
        if (item.Outcome is not null)
        {
            if (item.Decision == decision)
            {
                return false;
            }
            throw new ProposalRuleException("ministry-decision-recorded", RuleKind.Conflict,
                $"The Ministry's decision on {item.ProposalCode} is already recorded (decision {item.DecisionNumber} of {item.DecisionDate:yyyy-MM-dd}).")
            {
                Vietnamese = $"Đã ghi quyết định của Bộ cho đề án {item.ProposalCode} (quyết định số {item.DecisionNumber} ngày {item.DecisionDate:dd/MM/yyyy}).",
            };
        }
        item.Decide(decision, now, actedBy);
        if (_items.All(i => i.Outcome is not null))
        {
            Status = NationalSubmissionStatus.Decided;
        }
        return true;
    }

    /// <summary>
    /// Whether the province may approve <paramref name="support"/> for the proposal under this list: not while the
    /// Ministry's decision is awaited, not when it did not select the proposal, not beyond what it approved.
    /// </summary>
    public void EnsureApprovable(Guid proposalId, long support)
    {
        var item = _items.SingleOrDefault(i => i.ProposalId == proposalId);
        if (item is null || Status == NationalSubmissionStatus.Preparing)
        {
            return;
        }
        switch (item.Outcome)
        {
            case null:
                throw new ProposalRuleException("ministry-decision-awaited", RuleKind.Conflict,
                    $"{item.ProposalCode} was sent to the Ministry by dispatch {DispatchNumber}; its decision is awaited before approval.")
                {
                    Vietnamese = $"Đề án {item.ProposalCode} đã gửi Bộ Công Thương theo công văn số {DispatchNumber}; cần có quyết định của Bộ trước khi phê duyệt.",
                };
            case MinistryOutcome.NotSelected:
                throw new ProposalRuleException("ministry-not-selected", RuleKind.Conflict,
                    $"The Ministry did not select {item.ProposalCode} (decision {item.DecisionNumber} of {item.DecisionDate:yyyy-MM-dd}).")
                {
                    Vietnamese = $"Bộ Công Thương không đưa đề án {item.ProposalCode} vào kế hoạch (quyết định số {item.DecisionNumber} ngày {item.DecisionDate:dd/MM/yyyy}).",
                };
            case MinistryOutcome.Approved when support > item.ApprovedSupport:
                throw new ProposalRuleException("beyond-ministry-approval", RuleKind.Unprocessable,
                    $"{support:N0} VND exceeds the {item.ApprovedSupport:N0} VND the Ministry approved for {item.ProposalCode} (decision {item.DecisionNumber}).")
                {
                    Vietnamese = $"{support:N0} đồng vượt {item.ApprovedSupport:N0} đồng Bộ Công Thương phê duyệt cho đề án {item.ProposalCode} (quyết định số {item.DecisionNumber}).",
                };
        }
    }

    private NationalSubmissionItem ItemOf(Guid proposalId) =>
        _items.SingleOrDefault(i => i.ProposalId == proposalId)
        ?? throw new ProposalRuleException("not-in-national-submission", RuleKind.Unprocessable,
            $"Proposal {proposalId} is not on the {PlanYear} list of national proposals.")
        {
            Vietnamese = $"Đề án không có trong danh mục đề án khuyến công quốc gia năm {PlanYear}.",
        };

    private void EnsurePreparing(string action)
    {
        if (Status != NationalSubmissionStatus.Preparing)
        {
            throw new ProposalRuleException("national-submission-sent", RuleKind.Conflict,
                $"The {PlanYear} list was sent to the Ministry by dispatch {DispatchNumber}: it no longer changes ({action}).")
            {
                Vietnamese = $"Danh mục năm {PlanYear} đã gửi Bộ Công Thương theo công văn số {DispatchNumber} nên không thể thay đổi.",
            };
        }
    }
}

/// <summary>A national proposal of the year as the list takes it.</summary>
public sealed record NationalCandidate(Guid ProposalId, string ProposalCode, string Title, int ContentGroup, string District, long RequestedSupport);

/// <summary>The Ministry's decision on one proposal: the amount approved (for an approval), its number and date.</summary>
public sealed record MinistryDecision(MinistryOutcome Outcome, long? ApprovedSupport, string DecisionNumber, DateOnly DecisionDate);

/// <summary>One proposal of the list: what it asks, whether its dossier is complete, and what the Ministry decided.</summary>
public sealed class NationalSubmissionItem
{
    private NationalSubmissionItem()
    {
    }

    public Guid ProposalId { get; private set; }
    public string ProposalCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public string District { get; private set; } = "";
    public long RequestedSupport { get; private set; }

    /// <summary>Null until checked; true when complete; false with what it lacks.</summary>
    public bool? DossierComplete { get; private set; }
    public string? DossierNote { get; private set; }
    public MinistryOutcome? Outcome { get; private set; }
    public long? ApprovedSupport { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }

    public MinistryDecision? Decision => Outcome is { } outcome ? new MinistryDecision(outcome, ApprovedSupport, DecisionNumber!, DecisionDate!.Value) : null;

    internal static NationalSubmissionItem Of(NationalCandidate candidate)
    {
        var item = new NationalSubmissionItem { ProposalId = candidate.ProposalId };
        item.Describe(candidate);
        return item;
    }

    internal void Describe(NationalCandidate candidate)
    {
        ProposalCode = candidate.ProposalCode;
        Title = candidate.Title;
        ContentGroup = candidate.ContentGroup;
        District = candidate.District;
        RequestedSupport = candidate.RequestedSupport;
    }

    internal void CheckDossier(bool complete, string? note)
    {
        DossierComplete = complete;
        DossierNote = note;
    }

    internal void Decide(MinistryDecision decision, DateTimeOffset now, string actedBy)
    {
        Outcome = decision.Outcome;
        ApprovedSupport = decision.Outcome == MinistryOutcome.Approved ? decision.ApprovedSupport : null;
        DecisionNumber = decision.DecisionNumber;
        DecisionDate = decision.DecisionDate;
        RecordedAt = now;
        RecordedBy = actedBy;
    }
}

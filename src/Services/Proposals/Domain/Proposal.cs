using KhuyenCong.Contracts;
using KhuyenCong.Platform.Time;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// A khuyến công proposal (đề án) through its whole life: registration, appraisal, approval against
/// the norms, implementation with advances, acceptance, settlement and post-support follow-up. Every
/// move is checked against <see cref="ProposalLifecycle"/> and recorded in <see cref="History"/>.
/// </summary>
public sealed partial class Proposal
{
    private readonly List<Beneficiary> _beneficiaries = [];
    private readonly List<ProposalTransition> _history = [];
    private readonly List<Appraisal> _appraisals = [];
    private readonly List<Payment> _payments = [];
    private readonly List<FollowUp> _followUps = [];
    private readonly List<EstimateLine> _estimate = [];

    private Proposal() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public FundingSource FundingSource { get; private set; }
    public int PlanYear { get; private set; }
    public string Title { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public SupportActivity? Activity { get; private set; }
    public string ImplementingUnit { get; private set; } = "";
    public IReadOnlyList<Beneficiary> Beneficiaries => _beneficiaries;
    public string AdministrativeUnitCode { get; private set; } = "";
    public string District { get; private set; } = "";
    public string Location { get; private set; } = "";
    public string Objectives { get; private set; } = "";
    public Budget Budget { get; private set; } = new(0, 0, 0);
    public int ExpectedJobs { get; private set; }
    public long ExpectedAverageWage { get; private set; }
    /// <summary>Whether the unit is a priority area in the plan year, from the reference data.</summary>
    public bool DerivedPriorityArea { get; private set; }
    /// <summary>An officer's decision that overrides <see cref="DerivedPriorityArea"/>, with its reason.</summary>
    public PriorityOverride? PriorityOverride { get; private set; }
    public bool IsPriorityArea => PriorityOverride?.IsPriorityArea ?? DerivedPriorityArea;
    /// <summary>How many of the norm's units (facilities, models, fairs...) the proposal covers.</summary>
    public int Units { get; private set; } = 1;
    /// <summary>The detailed estimate (dự toán): its lines sum to the budget's three sources.</summary>
    public IReadOnlyList<EstimateLine> Estimate => _estimate;
    public PilotPeriod? Pilot { get; private set; }
    public Contracts.Sector Sector { get; private set; }

    public ProposalStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The day the Department received the dossier (a paper record keeps its real day).</summary>
    public DateOnly? ReceivedOn { get; private set; }
    /// <summary>The day the current appraisal council met and completed its appraisal.</summary>
    public DateOnly? AppraisalCompletedOn { get; private set; }
    /// <summary>First submitted after the registration deadline of its plan year: accepted, but shown as late.</summary>
    public bool IsLate { get; private set; }
    /// <summary>The call for registration the proposal was filed against, if any; its deadline then decides lateness.</summary>
    public Guid? CallId { get; private set; }
    public Approval? Approval { get; private set; }
    /// <summary>The decision under which the approval exceeded what remained of the budget envelope; null when it did not.</summary>
    public PlanExceedance? PlanExceedance { get; private set; }
    public ImplementationContract? Contract { get; private set; }
    public Acceptance? Acceptance { get; private set; }
    public Settlement? Settlement { get; private set; }
    public string? CancellationReason { get; private set; }

    public IReadOnlyList<ProposalTransition> History => _history;
    public IReadOnlyList<Appraisal> Appraisals => _appraisals;
    public IReadOnlyList<Payment> Payments => _payments;
    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    /// <summary>Concurrency token: two officers acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Appraisal? CurrentAppraisal => _appraisals.MaxBy(a => a.Round);
    public long AdvancesPaid => _payments.Where(p => p.Kind == PaymentKind.Advance).Sum(p => p.Amount);
    public long TotalPaid => _payments.Sum(p => p.Amount);
    public string LeadTaxCode => _beneficiaries.OrderBy(b => b.Position).First().TaxCode;

    public static Proposal CreateDraft(string code, FundingSource fundingSource, int planYear, ProposalDetails details, DateTimeOffset now, string actedBy)
    {
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            FundingSource = fundingSource,
            PlanYear = planYear,
            Status = ProposalStatus.Draft,
            CreatedAt = now,
        };
        proposal.Apply(details);
        proposal._history.Add(new ProposalTransition(1, null, ProposalStatus.Draft, now, actedBy, "Created"));
        return proposal;
    }

    /// <summary>
    /// Revises what the authors wrote; only a draft or a proposal returned for revision can be revised.
    /// The history records the fields the edit changed, each with its old and new value.
    /// </summary>
    public void Revise(ProposalDetails details, DateTimeOffset now, string actedBy)
    {
        if (!ProposalLifecycle.IsEditable(Status))
        {
            throw new ProposalRuleException("not-editable", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; only a Draft or ReturnedForRevision proposal can be edited.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; chỉ sửa được đề án ở trạng thái Bản nháp hoặc Trả lại để chỉnh sửa.",
            };
        }
        var before = Snapshot().ToList();
        Apply(details);
        var changes = Snapshot().Zip(before, (after, old) => new FieldChange(after.Field, old.Value, after.Value))
            .Where(c => c.Old != c.New).ToList();
        if (changes.Count > 0)
        {
            _history.Add(Entry(now, actedBy, null) with
            {
                Kind = HistoryEntryKind.Revision,
                Changes = changes,
            });
        }
    }

    /// <summary>What the authors wrote, field by field in an invariant form, for the history of an edit.</summary>
    private IEnumerable<(string Field, string? Value)> Snapshot()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        yield return ("title", Title);
        yield return ("contentGroup", ContentGroup.ToString(invariant));
        yield return ("activity", Activity?.ToString());
        yield return ("implementingUnit", ImplementingUnit);
        yield return ("beneficiaries", string.Join("; ", _beneficiaries.OrderBy(b => b.Position).Select(b => b.Name)));
        yield return ("administrativeUnitCode", AdministrativeUnitCode);
        yield return ("location", Location);
        yield return ("objectives", Objectives);
        yield return ("stateSupport", Budget.StateSupport.ToString(invariant));
        yield return ("ownCapital", Budget.OwnCapital.ToString(invariant));
        yield return ("otherSources", Budget.OtherSources.ToString(invariant));
        yield return ("expectedJobs", ExpectedJobs.ToString(invariant));
        yield return ("expectedAverageWage", ExpectedAverageWage.ToString(invariant));
        yield return ("units", Units.ToString(invariant));
        yield return ("sector", Sector.ToString());
        yield return ("pilotEndYear", Pilot?.EndYear.ToString(invariant));
    }

    private void Apply(ProposalDetails d)
    {
        if (d.ContentGroup is < 1 or > 9)
        {
            throw new ProposalRuleException("invalid-content-group", RuleKind.Unprocessable, "Content groups are 1 to 9 (Decree 45, Art. 4).")
            {
                Vietnamese = "Nhóm nội dung từ 1 đến 9 (Nghị định 45/2012/NĐ-CP, Điều 4).",
            };
        }
        if (d.Activity is { } undefined && !undefined.IsDefined())
        {
            throw new ProposalRuleException("unknown-activity", RuleKind.Unprocessable, $"{(int)undefined} is not a support activity.")
            {
                Vietnamese = $"{(int)undefined} không phải là một hoạt động hỗ trợ.", LegalBasis = Basis.Article6Clause2,
            };
        }
        if (d.Activity is { } activity && activity.ContentGroupOf() != d.ContentGroup)
        {
            throw new ProposalRuleException("activity-outside-group", RuleKind.Unprocessable,
                $"{activity} belongs to content group {activity.ContentGroupOf()}, not {d.ContentGroup}.")
            {
                Vietnamese = $"Hoạt động {activity.Vietnamese()} thuộc nội dung {activity.ContentGroupOf()}, không thuộc nội dung {d.ContentGroup}.",
                LegalBasis = Basis.Article6Clause2,
            };
        }
        if (d.Beneficiaries.Count == 0)
        {
            throw new ProposalRuleException("no-beneficiary", RuleKind.Unprocessable, "A proposal names at least one beneficiary establishment.")
            {
                Vietnamese = "Đề án phải nêu ít nhất một cơ sở thụ hưởng.",
            };
        }
        if (d.Budget.StateSupport <= 0 || d.Budget.OwnCapital < 0 || d.Budget.OtherSources < 0)
        {
            throw new ProposalRuleException("invalid-budget", RuleKind.Unprocessable, "State support is positive; own capital and other sources are not negative.")
            {
                Vietnamese = "Kinh phí hỗ trợ phải lớn hơn 0; vốn đối ứng và nguồn khác không được âm.",
            };
        }
        if (d.Units is < 1 or > MaxUnits)
        {
            throw new ProposalRuleException("invalid-units", RuleKind.Unprocessable, $"A proposal covers 1 to {MaxUnits} units of its norm.")
            {
                Vietnamese = $"Số đơn vị (cơ sở, mô hình...) của đề án từ 1 đến {MaxUnits}.", LegalBasis = Basis.Article6Clause2,
            };
        }
        EnsureEstimateMatches(d.Estimate, d.Budget);
        if (d.Pilot is { } pilot && pilot.StartYear != PlanYear)
        {
            throw new ProposalRuleException("pilot-start", RuleKind.Unprocessable, $"A pilot proposal starts in its plan year {PlanYear}.")
            {
                Vietnamese = $"Đề án thí điểm bắt đầu trong năm kế hoạch {PlanYear}.",
            };
        }
        Title = d.Title;
        ContentGroup = d.ContentGroup;
        Activity = d.Activity;
        ImplementingUnit = d.ImplementingUnit;
        _beneficiaries.Clear();
        _beneficiaries.AddRange(d.Beneficiaries);
        AdministrativeUnitCode = d.AdministrativeUnitCode;
        District = d.District;
        Location = d.Location;
        Objectives = d.Objectives;
        Budget = d.Budget;
        ExpectedJobs = d.ExpectedJobs;
        ExpectedAverageWage = d.ExpectedAverageWage;
        DerivedPriorityArea = d.DerivedPriorityArea;
        Pilot = d.Pilot;
        Sector = d.Sector;
        Units = d.Units;
        _estimate.Clear();
        _estimate.AddRange(d.Estimate);
    }

    /// <summary>The most units a proposal may cover: far above any real one, far below what could overflow a limit.</summary>
    public const int MaxUnits = 1000;

    /// <summary>The estimate's lines, when there are any, pay exactly the budget's three sources.</summary>
    private static void EnsureEstimateMatches(IReadOnlyList<EstimateLine> estimate, Budget budget)
    {
        if (estimate.Count == 0)
        {
            return;
        }
        if (estimate.Any(l => l.StateSupport < 0 || l.OwnCapital < 0 || l.OtherSources < 0 || l.Total == 0))
        {
            throw new ProposalRuleException("invalid-estimate", RuleKind.Unprocessable, "Every estimate line has an amount, and none is negative.")
            {
                Vietnamese = "Mỗi dòng dự toán có số tiền, không dòng nào âm.", LegalBasis = Basis.Article6,
            };
        }
        // In decimal: lines near the bound of a long must not wrap into a sum that happens to match.
        var state = estimate.Sum(l => (decimal)l.StateSupport);
        var own = estimate.Sum(l => (decimal)l.OwnCapital);
        var other = estimate.Sum(l => (decimal)l.OtherSources);
        if (state != budget.StateSupport || own != budget.OwnCapital || other != budget.OtherSources)
        {
            throw new ProposalRuleException("estimate-mismatch", RuleKind.Unprocessable,
                $"The estimate's lines sum to {state:N0} / {own:N0} / {other:N0} VND (state support / own capital / other sources), " +
                $"not the budget's {budget.StateSupport:N0} / {budget.OwnCapital:N0} / {budget.OtherSources:N0} VND.")
            {
                Vietnamese = $"Tổng các dòng dự toán ({state:N0} / {own:N0} / {other:N0} đồng: kinh phí khuyến công / vốn đối ứng / nguồn khác) " +
                    $"phải bằng kinh phí của đề án ({budget.StateSupport:N0} / {budget.OwnCapital:N0} / {budget.OtherSources:N0} đồng).",
                LegalBasis = Basis.Article6,
            };
        }
    }

    /// <summary>
    /// A proposal has a detailed estimate, and the implementing unit's management cost in it stays within
    /// the share the norm in force on <paramref name="on"/> allows.
    /// </summary>
    private void EnsureEstimateWithinNorms(IEnumerable<ManagementCostNorm> managementNorms, DateOnly on)
    {
        if (_estimate.Count == 0)
        {
            throw new ProposalRuleException("estimate-required", RuleKind.Unprocessable,
                $"Proposal {Code} has no detailed estimate: list its budget lines (item and amount by source).")
            {
                Vietnamese = $"Đề án {Code} chưa có dự toán chi tiết: cần liệt kê các khoản chi (nội dung và số tiền theo từng nguồn).",
                LegalBasis = Basis.Joint2014 + ", Điều 8 khoản 1",
            };
        }
        var management = _estimate.Where(l => l.IsManagementCost).Sum(l => (decimal)l.Total);
        if (management == 0)
        {
            return;
        }
        var norm = ManagementCostNorm.InForce(managementNorms, on)
            ?? throw new ProposalRuleException("no-management-cost-norm", RuleKind.Unprocessable,
                $"No management-cost norm is in force on {on:yyyy-MM-dd}, so no management cost can be allowed.")
            {
                Vietnamese = $"Không có định mức chi quản lý đề án có hiệu lực ngày {on:dd/MM/yyyy}, nên không được dự toán chi quản lý.",
                LegalBasis = Basis.ManagementCost,
            };
        var limit = norm.LimitFor(Budget.Total);
        if (management > limit)
        {
            throw new ProposalRuleException("management-cost-exceeds-norm", RuleKind.Unprocessable,
                $"The management cost of {management:N0} VND exceeds {norm.MaxShare:P1} of the estimate ({limit:N0} VND), set by {norm.LegalBasis} in force from {norm.EffectiveFrom:yyyy-MM-dd}.")
            {
                Vietnamese = $"Chi quản lý {management:N0} đồng vượt {norm.MaxShare * 100:0.##} % dự toán đề án ({limit:N0} đồng) theo {norm.LegalBasis}, hiệu lực từ {norm.EffectiveFrom:dd/MM/yyyy}.",
                LegalBasis = norm.LegalBasis,
            };
        }
    }

    /// <summary>A group whose levels differ by activity cannot be checked against a cap without one.</summary>
    private void EnsureActivityNamed()
    {
        if (Activity is null && SupportActivities.RequiresActivity(ContentGroup))
        {
            throw new ProposalRuleException("activity-required", RuleKind.Unprocessable,
                $"Content group {ContentGroup} has different support levels by activity: name the proposal's activity.")
            {
                Vietnamese = $"Nội dung {ContentGroup} có mức hỗ trợ khác nhau theo từng hoạt động: đề án phải nêu hoạt động (activity).",
                LegalBasis = Basis.Article6Clause2,
            };
        }
    }

    /// <summary>
    /// Files the proposal. The first submission records the day the dossier was received (today, or the
    /// real day of a paper dossier an officer enters) and decides from it whether the proposal is late.
    /// </summary>
    public void Submit(
        ProposalRules rules, DateOnly? receivedOn, IEnumerable<ManagementCostNorm> managementNorms, DateTimeOffset now, string actedBy,
        RegistrationCall? call = null)
    {
        EnsureCanMove(ProposalStatus.Submitted);
        var today = ProvinceCalendar.DateOf(now);
        if (receivedOn is { } day && (day > today || day.Year < PlanYear - 2))
        {
            throw new ProposalRuleException("invalid-received-on", RuleKind.Unprocessable,
                $"A dossier for plan year {PlanYear} is received between {PlanYear - 2}-01-01 and today ({today:yyyy-MM-dd}), not on {day:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày nhận hồ sơ của đề án năm {PlanYear} phải từ 01/01/{PlanYear - 2} đến hôm nay ({today:dd/MM/yyyy}), không phải {day:dd/MM/yyyy}.",
                LegalBasis = Basis.Decree45Appraisal,
            };
        }
        EnsureActivityNamed();
        var received = ReceivedOn ?? receivedOn ?? today;
        EnsureEstimateWithinNorms(managementNorms, received);
        var wasReturned = Status == ProposalStatus.ReturnedForRevision;
        MoveTo(ProposalStatus.Submitted, now, actedBy, wasReturned ? "Resubmitted after revision" : null, received);
        if (SubmittedAt is null)
        {
            SubmittedAt = now;
            ReceivedOn = received;
            IsLate = call?.IsLate(received) ?? received > rules.RegistrationDeadline(PlanYear);
        }
    }

    /// <summary>The unit's priority-area status in the plan year as the reference data holds it now (it may have changed since drafting).</summary>
    public void Rederive(bool derivedPriorityArea)
    {
        if (Approval is null)
        {
            DerivedPriorityArea = derivedPriorityArea;
        }
    }

    /// <summary>
    /// Sets whether the proposal counts as in a priority area against what the reference data derives,
    /// with the reason (an officer's decision, recorded in the history). Only before approval.
    /// </summary>
    public void OverridePriorityArea(bool isPriorityArea, string reason, DateTimeOffset now, string actedBy)
    {
        if (Status is not (ProposalStatus.Draft or ProposalStatus.Submitted or ProposalStatus.UnderAppraisal or ProposalStatus.ReturnedForRevision))
        {
            throw new ProposalRuleException("priority-after-approval", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; its priority-area status is settled by its approval.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; địa bàn ưu tiên đã được xác định khi phê duyệt.", LegalBasis = Basis.Priority,
            };
        }
        var why = Required(reason);
        PriorityOverride = new PriorityOverride(isPriorityArea, why, actedBy, now);
        _history.Add(Entry(now, actedBy, why) with
        {
            Kind = HistoryEntryKind.PriorityOverride,
            Changes = [new FieldChange("isPriorityArea", DerivedPriorityArea ? "true" : "false", isPriorityArea ? "true" : "false")],
        });
    }

    public Appraisal StartAppraisal(IReadOnlyList<CouncilSeat> council, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.UnderAppraisal);
        var appraisal = Appraisal.Start(_appraisals.Count + 1, council, rules.AppraisalPassThreshold, now);
        MoveTo(ProposalStatus.UnderAppraisal, now, actedBy, $"Appraisal round {appraisal.Round} by a council of {council.Count}");
        _appraisals.Add(appraisal);
        AppraisalCompletedOn = null;
        return appraisal;
    }

    /// <summary>The member holding the seat (<paramref name="userId"/>, the caller's subject) fills their sheet.</summary>
    public void ScoreAppraisal(Guid memberId, string userId, AppraisalSheet sheet, DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "score the appraisal of");
        CurrentAppraisal!.Score(memberId, userId, sheet, now);
        _history.Add(Entry(now, userId, null) with
        {
            Kind = HistoryEntryKind.AppraisalScored,
            Score = sheet.Total,
        });
    }

    /// <summary>The member holding the seat declares a conflict of interest with one of the beneficiaries and steps out.</summary>
    public void DeclareAppraisalConflict(Guid memberId, string userId, Guid establishmentId, string reason, DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "declare a conflict of interest in the appraisal of");
        CurrentAppraisal!.DeclareConflict(memberId, userId, establishmentId, reason, [.. _beneficiaries.Select(b => b.EstablishmentId)], now);
        _history.Add(Entry(now, userId, reason) with
        {
            Kind = HistoryEntryKind.AppraisalConflictDeclared,
            Document = _beneficiaries.FirstOrDefault(b => b.EstablishmentId == establishmentId)?.Name,
        });
    }

    /// <summary>Completes the appraisal on the day the council met (today, or the real day of a paper record).</summary>
    public void CompleteAppraisal(DateOnly? completedOn, DateTimeOffset now, string actedBy)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "complete the appraisal of");
        var today = ProvinceCalendar.DateOf(now);
        var day = completedOn ?? today;
        if (day > today || (ReceivedOn is { } received && day < received))
        {
            throw new ProposalRuleException("invalid-appraisal-date", RuleKind.Unprocessable,
                $"The council completes its appraisal between the dossier's receipt ({ReceivedOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}), not on {day:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày hội đồng hoàn thành thẩm định phải từ ngày nhận hồ sơ ({ReceivedOn:dd/MM/yyyy}) đến hôm nay ({today:dd/MM/yyyy}), không phải {day:dd/MM/yyyy}.",
                LegalBasis = Basis.Decree45Appraisal,
            };
        }
        CurrentAppraisal!.Complete(now);
        AppraisalCompletedOn = day;
        _history.Add(Entry(now, actedBy, null) with
        {
            Kind = HistoryEntryKind.AppraisalCompleted,
            OccurredOn = day,
            Score = CurrentAppraisal.AverageScore,
        });
    }

    public void ReturnForRevision(string reason, DateTimeOffset now, string actedBy) =>
        MoveTo(ProposalStatus.ReturnedForRevision, now, actedBy, Required(reason));

    public void Reject(string reason, DateTimeOffset now, string actedBy) =>
        MoveTo(ProposalStatus.Rejected, now, actedBy, Required(reason));

    /// <summary>
    /// Approves the state support by a decision. It needs a completed appraisal that recommends the
    /// proposal; the decision is dated between the appraisal (and the dossier's receipt) and today; and the
    /// support may exceed neither the request nor the limit of the norm in force on the decision date for
    /// the proposal's source, group and activity (its share of the total budget, its cap per unit times the
    /// units covered, times the priority multiplier where the proposal is in a priority area).
    /// </summary>
    public void Approve(
        long approvedSupport, string decisionNumber, DateOnly decisionDate, IEnumerable<SupportNorm> norms,
        IEnumerable<ManagementCostNorm> managementNorms, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.Approved);
        var appraisal = CurrentAppraisal;
        if (appraisal is not { IsCompleted: true })
        {
            throw new ProposalRuleException("appraisal-required", RuleKind.Unprocessable,
                $"Proposal {Code} cannot be approved before its appraisal is completed.")
            {
                Vietnamese = $"Đề án {Code} chưa được thẩm định xong nên chưa thể phê duyệt.", LegalBasis = Basis.Decree45Appraisal,
            };
        }
        if (appraisal.Recommendation != AppraisalRecommendation.Recommend)
        {
            throw new ProposalRuleException("appraisal-not-passed", RuleKind.Unprocessable,
                $"The appraisal average of {appraisal.AverageScore} is below the pass threshold of {appraisal.PassThreshold}; return or reject the proposal.")
            {
                Vietnamese = $"Điểm thẩm định bình quân {appraisal.AverageScore} thấp hơn ngưỡng đạt {appraisal.PassThreshold}; hãy trả lại hoặc không phê duyệt đề án.",
            };
        }
        if (approvedSupport <= 0)
        {
            throw new ProposalRuleException("invalid-support", RuleKind.Unprocessable, "The approved support must be greater than zero.")
            {
                Vietnamese = "Kinh phí hỗ trợ được phê duyệt phải lớn hơn 0.",
            };
        }
        if (approvedSupport > Budget.StateSupport)
        {
            throw new ProposalRuleException("support-exceeds-request", RuleKind.Unprocessable,
                $"The approved support of {approvedSupport:N0} VND exceeds the {Budget.StateSupport:N0} VND of state support the proposal requested.")
            {
                Vietnamese = $"Kinh phí phê duyệt {approvedSupport:N0} đồng vượt số kinh phí khuyến công đề án đề nghị ({Budget.StateSupport:N0} đồng).",
                LegalBasis = Basis.Joint2014 + ", Điều 7",
            };
        }
        EnsureDecisionDate(decisionDate, ProvinceCalendar.DateOf(now));
        EnsureActivityNamed();
        EnsureEstimateWithinNorms(managementNorms, decisionDate);
        var norm = SupportNorm.InForce(norms, FundingSource, ContentGroup, Activity, decisionDate)
            ?? throw new ProposalRuleException("no-norm", RuleKind.Unprocessable,
                $"No support norm for {FundingSource} content group {ContentGroup}{(Activity is null ? "" : $" ({Activity})")} is in force on {decisionDate:yyyy-MM-dd}: no support can be approved without one.")
            {
                Vietnamese = $"Không có định mức hỗ trợ nào cho nội dung {ContentGroup}{(Activity is { } named ? $" (hoạt động {named.Vietnamese()})" : "")} có hiệu lực ngày {decisionDate:dd/MM/yyyy}: không thể phê duyệt kinh phí khi chưa có định mức.",
                LegalBasis = Basis.Article6,
            };
        if (norm.Unit.IsPerBeneficiary() && Units > _beneficiaries.Count)
        {
            throw new ProposalRuleException("units-exceed-beneficiaries", RuleKind.Unprocessable,
                $"The norm's cap is per {norm.Unit}: a proposal for {_beneficiaries.Count} beneficiary establishment(s) cannot count {Units}.")
            {
                Vietnamese = $"Định mức tính theo {norm.Unit.Vietnamese()}: đề án có {_beneficiaries.Count} cơ sở thụ hưởng không thể tính {Units} {norm.Unit.Vietnamese()}.",
                LegalBasis = norm.LegalBasis,
            };
        }
        var priority = IsPriorityArea;
        var limit = norm.LimitFor(Budget.Total, Units, priority);
        if (approvedSupport > limit)
        {
            throw new ProposalRuleException("support-exceeds-norm", RuleKind.Unprocessable,
                $"The approved support of {approvedSupport:N0} VND exceeds the limit of {limit:N0} VND set by {norm.Describe(Units, priority)}.")
            {
                Vietnamese = $"Kinh phí phê duyệt {approvedSupport:N0} đồng vượt mức tối đa {limit:N0} đồng theo {norm.DescribeVietnamese(Units, priority)}.",
                LegalBasis = norm.LegalBasis,
            };
        }
        MoveTo(ProposalStatus.Approved, now, actedBy, $"Decision {decisionNumber} of {decisionDate:yyyy-MM-dd}", decisionDate, approvedSupport, decisionNumber);
        Approval = new Approval(approvedSupport, decisionNumber, decisionDate, now, norm.Id, limit, appraisal.AverageScore!.Value, norm.CountedUnits(Units), priority);
    }

    /// <summary>Files the draft against a call for registration that accepts it (<see cref="RegistrationCall.EnsureAccepts"/>).</summary>
    public void FileUnder(RegistrationCall call)
    {
        call.EnsureAccepts(PlanYear, FundingSource, ContentGroup);
        CallId = call.Id;
    }

    /// <summary>Flags the approval as beyond the budget envelope, under the decision that allowed it.</summary>
    public void ExceedPlan(PlanExceedance exceedance)
    {
        if (Status != ProposalStatus.Approved || Approval is null)
        {
            throw new InvalidOperationException($"Proposal {Code} is {Status}: only an approval can exceed the plan.");
        }
        PlanExceedance = exceedance;
    }

    /// <summary>A decision follows the dossier's receipt and the council's appraisal, and is not dated in the future.</summary>
    private void EnsureDecisionDate(DateOnly decisionDate, DateOnly today)
    {
        if (decisionDate > today)
        {
            throw new ProposalRuleException("decision-in-future", RuleKind.Unprocessable,
                $"The decision of {decisionDate:yyyy-MM-dd} is dated after today ({today:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày quyết định {decisionDate:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy}).", LegalBasis = Basis.Decree45Appraisal,
            };
        }
        if (ReceivedOn is { } received && decisionDate < received)
        {
            throw new ProposalRuleException("decision-before-receipt", RuleKind.Unprocessable,
                $"The decision of {decisionDate:yyyy-MM-dd} cannot precede the receipt of the dossier on {received:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày quyết định {decisionDate:dd/MM/yyyy} không thể trước ngày nhận hồ sơ {received:dd/MM/yyyy}.", LegalBasis = Basis.Decree45Appraisal,
            };
        }
        if (AppraisalCompletedOn is { } appraised && decisionDate < appraised)
        {
            throw new ProposalRuleException("decision-before-appraisal", RuleKind.Unprocessable,
                $"The decision of {decisionDate:yyyy-MM-dd} cannot precede the appraisal completed on {appraised:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày quyết định {decisionDate:dd/MM/yyyy} không thể trước ngày hoàn thành thẩm định {appraised:dd/MM/yyyy}.", LegalBasis = Basis.Decree45Appraisal,
            };
        }
    }

    public void StartImplementation(string contractNumber, DateOnly signedOn, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.InImplementation);
        if (signedOn < Approval!.DecisionDate)
        {
            throw new ProposalRuleException("contract-before-approval", RuleKind.Unprocessable,
                $"The contract of {signedOn:yyyy-MM-dd} cannot precede the approval decision of {Approval.DecisionDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Hợp đồng ký ngày {signedOn:dd/MM/yyyy} không thể trước quyết định phê duyệt ngày {Approval.DecisionDate:dd/MM/yyyy}.",
            };
        }
        MoveTo(ProposalStatus.InImplementation, now, actedBy, $"Contract {contractNumber} of {signedOn:yyyy-MM-dd}", signedOn, document: contractNumber);
        Contract = new ImplementationContract(contractNumber, signedOn);
    }

    /// <summary>
    /// Pays an advance during implementation: advances in all stay within the share of the approved support
    /// that the advance rate in force on the payment day allows for the proposal's activity. Where that rate
    /// asks for progress before a further advance, <paramref name="reportedProgressPercent"/> is the work
    /// done by the latest progress report (null when none is reported).
    /// </summary>
    public Payment PayAdvance(long amount, DateOnly paidOn, IEnumerable<AdvanceRate> rates, int? reportedProgressPercent, DateTimeOffset now, string actedBy)
    {
        EnsureStatus(ProposalStatus.InImplementation, "pay an advance on");
        EnsurePositive(amount);
        EnsureNotBeforeContract(paidOn);
        var rate = AdvanceRate.InForce(rates, Activity, paidOn)
            ?? throw new ProposalRuleException("no-advance-rate", RuleKind.Unprocessable, $"No advance rate is in force on {paidOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Không có tỷ lệ tạm ứng nào có hiệu lực ngày {paidOn:dd/MM/yyyy}.", LegalBasis = Basis.Advance,
            };
        if (rate.MinProgressPercent is { } needed && AdvancesPaid > 0 && (reportedProgressPercent ?? 0) < needed)
        {
            throw new ProposalRuleException("advance-needs-progress", RuleKind.Unprocessable,
                $"A further advance needs a progress report of at least {needed} % of the work done; {(reportedProgressPercent is { } done ? $"{done} %" : "none")} is reported.")
            {
                Vietnamese = $"Tạm ứng lần tiếp theo cần báo cáo tiến độ xác định đã hoàn thành ít nhất {needed} % khối lượng; hiện {(reportedProgressPercent is { } d ? $"mới {d} %" : "chưa có báo cáo")}.",
                LegalBasis = rate.LegalBasis,
            };
        }
        var limit = AdvanceLimitOf(Approval!.ApprovedSupport, rate);
        if (checked(AdvancesPaid + amount) > limit)
        {
            throw new ProposalRuleException("advance-exceeds-limit", RuleKind.Unprocessable,
                $"Advances may total at most {rate.Share:P0} of the approved support ({limit:N0} VND); " +
                $"{AdvancesPaid:N0} VND is already advanced, so at most {limit - AdvancesPaid:N0} VND more.")
            {
                Vietnamese = $"Tổng tạm ứng không quá {rate.Share * 100:0.##} % kinh phí được phê duyệt ({limit:N0} đồng); " +
                    $"đã tạm ứng {AdvancesPaid:N0} đồng, chỉ còn được tạm ứng tối đa {limit - AdvancesPaid:N0} đồng.",
                LegalBasis = rate.LegalBasis,
            };
        }
        var payment = new Payment(Guid.CreateVersion7(), PaymentKind.Advance, amount, paidOn, now, actedBy);
        _payments.Add(payment);
        RecordPayment(payment);
        return payment;
    }

    public static long AdvanceLimitOf(long approvedSupport, AdvanceRate rate) => (long)Math.Floor(approvedSupport * rate.Share);

    /// <summary>Pays (part of) the balance, only after acceptance; payments in all stay within the support due.</summary>
    public Payment PayBalance(long amount, DateOnly paidOn, DateTimeOffset now, string actedBy)
    {
        if (Status is not (ProposalStatus.Accepted or ProposalStatus.Settled))
        {
            throw new ProposalRuleException("balance-before-acceptance", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; the balance is paid only after acceptance.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; phần kinh phí còn lại chỉ thanh toán sau nghiệm thu.",
            };
        }
        EnsurePositive(amount);
        EnsureNotBeforeContract(paidOn);
        if (paidOn < Acceptance!.AcceptedOn)
        {
            throw new ProposalRuleException("payment-before-acceptance", RuleKind.Unprocessable,
                $"The balance paid on {paidOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Khoản thanh toán ngày {paidOn:dd/MM/yyyy} không thể trước ngày nghiệm thu {Acceptance.AcceptedOn:dd/MM/yyyy}.",
            };
        }
        var due = Settlement?.SettledSupport ?? Acceptance.ActualSupportUsed;
        var total = checked(TotalPaid + amount);
        if (total > due)
        {
            throw new ProposalRuleException("payment-exceeds-support", RuleKind.Unprocessable,
                $"Payments would total {total:N0} VND, above the {due:N0} VND of support due.")
            {
                Vietnamese = $"Tổng các khoản thanh toán sẽ là {total:N0} đồng, vượt {due:N0} đồng kinh phí hỗ trợ được hưởng.",
            };
        }
        var payment = new Payment(Guid.CreateVersion7(), PaymentKind.Balance, amount, paidOn, now, actedBy);
        _payments.Add(payment);
        RecordPayment(payment);
        return payment;
    }

    /// <summary>Records the acceptance minutes and schedules the post-support evaluations.</summary>
    public void Accept(Acceptance acceptance, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.Accepted);
        if (acceptance.ActualSupportUsed > Approval!.ApprovedSupport)
        {
            throw new ProposalRuleException("support-used-exceeds-approved", RuleKind.Unprocessable,
                $"The support used ({acceptance.ActualSupportUsed:N0} VND) cannot exceed the approved {Approval.ApprovedSupport:N0} VND.")
            {
                Vietnamese = $"Kinh phí hỗ trợ đã sử dụng ({acceptance.ActualSupportUsed:N0} đồng) không được vượt mức được phê duyệt {Approval.ApprovedSupport:N0} đồng.",
            };
        }
        var sum = checked(acceptance.ActualSupportUsed + acceptance.ActualOwnCapital + acceptance.ActualOtherSources);
        if (acceptance.ActualTotalSpend != sum)
        {
            throw new ProposalRuleException("actual-budget-mismatch", RuleKind.Unprocessable,
                $"The actual total spend ({acceptance.ActualTotalSpend:N0} VND) must equal support used + own capital + other sources ({sum:N0} VND).")
            {
                Vietnamese = $"Tổng chi thực tế ({acceptance.ActualTotalSpend:N0} đồng) phải bằng kinh phí hỗ trợ đã dùng + vốn đối ứng + nguồn khác ({sum:N0} đồng).",
            };
        }
        if (acceptance.AcceptedOn < Contract!.SignedOn)
        {
            throw new ProposalRuleException("acceptance-before-contract", RuleKind.Unprocessable,
                $"Acceptance on {acceptance.AcceptedOn:yyyy-MM-dd} cannot precede the contract of {Contract.SignedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày nghiệm thu {acceptance.AcceptedOn:dd/MM/yyyy} không thể trước ngày ký hợp đồng {Contract.SignedOn:dd/MM/yyyy}.",
            };
        }
        MoveTo(ProposalStatus.Accepted, now, actedBy, $"Accepted on {acceptance.AcceptedOn:yyyy-MM-dd}", acceptance.AcceptedOn, acceptance.ActualSupportUsed);
        Acceptance = acceptance;
        _followUps.AddRange(rules.FollowUpMonths.Order().Select(months => FollowUp.Schedule(Id, acceptance.AcceptedOn, months)));
    }

    /// <summary>
    /// Settles the support: at most the approved support. Advances above it are to be refunded; what the
    /// advances do not cover is the balance still due.
    /// </summary>
    public void Settle(long settledSupport, DateOnly settledOn, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.Settled);
        if (settledSupport < 0)
        {
            throw new ProposalRuleException("invalid-settlement", RuleKind.Unprocessable, "The settled support cannot be negative.")
            {
                Vietnamese = "Kinh phí hỗ trợ quyết toán không được âm.",
            };
        }
        if (settledSupport > Approval!.ApprovedSupport)
        {
            throw new ProposalRuleException("settlement-exceeds-approved", RuleKind.Unprocessable,
                $"The settled support of {settledSupport:N0} VND exceeds the approved {Approval.ApprovedSupport:N0} VND.")
            {
                Vietnamese = $"Kinh phí hỗ trợ quyết toán {settledSupport:N0} đồng vượt mức được phê duyệt {Approval.ApprovedSupport:N0} đồng.",
            };
        }
        if (settledSupport > Acceptance!.ActualSupportUsed)
        {
            throw new ProposalRuleException("settlement-exceeds-support-used", RuleKind.Unprocessable,
                $"The settled support of {settledSupport:N0} VND exceeds the {Acceptance.ActualSupportUsed:N0} VND of support used at acceptance.")
            {
                Vietnamese = $"Kinh phí quyết toán {settledSupport:N0} đồng vượt kinh phí hỗ trợ đã sử dụng theo biên bản nghiệm thu ({Acceptance.ActualSupportUsed:N0} đồng).",
                LegalBasis = "Thông tư 36/2013/TT-BCT, Điều 12 khoản 5 và khoản 6, Điều 18 khoản 4",
            };
        }
        if (settledOn < Acceptance.AcceptedOn)
        {
            throw new ProposalRuleException("settlement-before-acceptance", RuleKind.Unprocessable,
                $"Settlement on {settledOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày quyết toán {settledOn:dd/MM/yyyy} không thể trước ngày nghiệm thu {Acceptance.AcceptedOn:dd/MM/yyyy}.",
            };
        }
        MoveTo(ProposalStatus.Settled, now, actedBy, $"Settled on {settledOn:yyyy-MM-dd}", settledOn, settledSupport);
        Settlement = new Settlement(
            settledOn, settledSupport,
            RefundDue: Math.Max(0, TotalPaid - settledSupport),
            BalanceDue: Math.Max(0, settledSupport - TotalPaid),
            IsLate: settledOn > rules.SettlementDeadline(Acceptance.AcceptedOn, BudgetYear));
    }

    public void Close(DateTimeOffset now, string actedBy, string? reason) => MoveTo(ProposalStatus.Closed, now, actedBy, reason);

    /// <summary>Cancels the proposal: for a reason, and after approval by a decision (see <see cref="EnsureCancellationDecision"/>).</summary>
    public void Cancel(string reason, DateTimeOffset now, string actedBy, CancellationDecision? decision = null)
    {
        EnsureCancellationDecision(decision, now);
        MoveTo(ProposalStatus.Cancelled, now, actedBy, Required(reason), decision?.DecisionDate, document: decision?.DecisionNumber);
        CancellationReason = reason;
        CancellationDecision = decision;
    }

    public (FollowUp FollowUp, bool WasOverdue) RecordFollowUp(Guid followUpId, Evaluation evaluation)
    {
        var followUp = _followUps.SingleOrDefault(f => f.Id == followUpId)
            ?? throw new ProposalRuleException("follow-up-not-found", RuleKind.NotFound, $"Proposal {Code} has no follow-up {followUpId}.")
            {
                Vietnamese = $"Đề án {Code} không có lần theo dõi {followUpId}.",
            };
        if (evaluation.EvaluatedOn < Acceptance!.AcceptedOn)
        {
            throw new ProposalRuleException("evaluation-before-acceptance", RuleKind.Unprocessable,
                $"An evaluation on {evaluation.EvaluatedOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Ngày đánh giá {evaluation.EvaluatedOn:dd/MM/yyyy} không thể trước ngày nghiệm thu {Acceptance.AcceptedOn:dd/MM/yyyy}.",
            };
        }
        return (followUp, followUp.Record(evaluation));
    }

    private static string Required(string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ProposalRuleException("reason-required", RuleKind.Unprocessable, "A reason is required for this decision.")
        {
            Vietnamese = "Quyết định này cần nêu lý do.",
        }
        : reason.Trim();

    private static void EnsurePositive(long amount)
    {
        if (amount <= 0)
        {
            throw new ProposalRuleException("invalid-amount", RuleKind.Unprocessable, "A payment is a positive amount of VND.")
            {
                Vietnamese = "Khoản thanh toán phải là số tiền dương (đồng).",
            };
        }
    }

    /// <summary>Support is paid under the implementation contract, so never before the day it was signed.</summary>
    private void EnsureNotBeforeContract(DateOnly paidOn)
    {
        if (paidOn < Contract!.SignedOn)
        {
            throw new ProposalRuleException("payment-before-contract", RuleKind.Unprocessable,
                $"A payment on {paidOn:yyyy-MM-dd} cannot precede the contract of {Contract.SignedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Khoản thanh toán ngày {paidOn:dd/MM/yyyy} không thể trước ngày ký hợp đồng {Contract.SignedOn:dd/MM/yyyy}.",
            };
        }
    }

    private void EnsureCanMove(ProposalStatus to)
    {
        if (!ProposalLifecycle.CanMove(Status, to))
        {
            var allowed = ProposalLifecycle.NextFrom(Status);
            throw new ProposalRuleException("illegal-transition", RuleKind.Conflict,
                $"Proposal {Code} cannot move from {Status} to {to}; from {Status} it can move to " +
                (allowed.Count == 0 ? "nothing (it is final)." : $"{string.Join(", ", allowed)}."))
            {
                Vietnamese = $"Đề án {Code} không thể chuyển từ trạng thái {CodeNames.VietnameseOf(Status)} sang {CodeNames.VietnameseOf(to)}; " + (allowed.Count == 0 ? $"{CodeNames.VietnameseOf(Status)} là trạng thái cuối." : $"từ {CodeNames.VietnameseOf(Status)} chỉ có thể chuyển sang {string.Join(", ", allowed.Select(s => CodeNames.VietnameseOf(s)))}."),
            };
        }
    }

    private void EnsureStatus(ProposalStatus required, string action)
    {
        if (Status != required)
        {
            throw new ProposalRuleException("illegal-transition", RuleKind.Conflict,
                $"Cannot {action} proposal {Code}: it is {Status}, and this needs it {required}.")
            {
                Vietnamese = $"Đề án {Code} đang ở trạng thái {CodeNames.VietnameseOf(Status)}; thao tác này cần đề án ở trạng thái {CodeNames.VietnameseOf(required)}.",
            };
        }
    }

    private void MoveTo(ProposalStatus to, DateTimeOffset now, string actedBy, string? reason,
        DateOnly? occurredOn = null, long? amount = null, string? document = null)
    {
        EnsureCanMove(to);
        _history.Add(Entry(now, actedBy, reason, to) with
        {
            OccurredOn = occurredOn,
            Amount = amount,
            Document = document,
        });
        Status = to;
    }

    /// <summary>The next entry of the history: a move to <paramref name="to"/>, or without one something that happened in the current status.</summary>
    private ProposalTransition Entry(DateTimeOffset now, string actedBy, string? reason, ProposalStatus? to = null) =>
        new(_history.Count + 1, Status, to ?? Status, now, actedBy, reason);

    private void RecordPayment(Payment payment) =>
        _history.Add(Entry(payment.RecordedAt, payment.RecordedBy, null) with
        {
            Kind = HistoryEntryKind.Payment,
            OccurredOn = payment.PaidOn,
            Amount = payment.Amount,
            Document = payment.Kind.ToString(),
        });

    /// <summary>
    /// Puts the actor's display name on the entries recorded since <paramref name="known"/> entries by
    /// <paramref name="actedBy"/>, so the history names the person as they were called when they acted.
    /// </summary>
    public void NameActor(int known, string actedBy, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return;
        }
        for (var i = known; i < _history.Count; i++)
        {
            if (_history[i].ActedBy == actedBy && _history[i].ActedByName is null)
            {
                _history[i] = _history[i] with { ActedByName = displayName.Trim() };
            }
        }
    }
}

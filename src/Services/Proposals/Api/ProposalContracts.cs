using System.Text.Json.Serialization;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Proposals.Domain;
using Sector = KhuyenCong.Contracts.Sector;
using SupportActivity = KhuyenCong.Contracts.SupportActivity;

namespace KhuyenCong.Proposals.Api;

/// <summary>A revision of a draft or of a proposal returned for revision: everything but the funding source and plan year.</summary>
public record UpdateProposalRequest
{
    public string? Title { get; init; }
    public int? ContentGroup { get; init; }
    /// <summary>The kind of support within the content group, when it has its own cap (a demonstration model, a fair...).</summary>
    public SupportActivity? Activity { get; init; }
    public string? ImplementingUnit { get; init; }
    /// <summary>Tax codes of registered establishments; the first is the lead beneficiary.</summary>
    public IReadOnlyList<string>? BeneficiaryTaxCodes { get; init; }
    public string? AdministrativeUnitCode { get; init; }
    public string? Location { get; init; }
    public string? Objectives { get; init; }
    public long? StateSupport { get; init; }
    public long? OwnCapital { get; init; }
    public long? OtherSources { get; init; }
    /// <summary>Optional; when given it must equal the sum of the three sources.</summary>
    public long? TotalBudget { get; init; }
    public int? ExpectedJobs { get; init; }
    /// <summary>VND per person per month.</summary>
    public long? ExpectedAverageWage { get; init; }
    /// <summary>
    /// Not the authors' to set: the priority area comes from the unit's reference data for the plan year
    /// (or an officer's recorded override). Accepted only when it agrees; a different value is refused.
    /// </summary>
    public bool? IsPriorityArea { get; init; }
    /// <summary>How many of the norm's units (facilities, models, fairs...) the proposal covers: 1 to 1000, default 1.</summary>
    public int? Units { get; init; }
    /// <summary>The detailed estimate: lines that sum to the three sources; needed before submission.</summary>
    public IReadOnlyList<EstimateLineRequest>? Estimate { get; init; }
    /// <summary>For a multi-year pilot proposal (3–5 years, starting in the plan year); both or neither.</summary>
    public int? PilotStartYear { get; init; }
    public int? PilotEndYear { get; init; }
    /// <summary>A pilot proposal's state support split by year, from its start year on (phân kỳ kinh phí); split evenly when not given.</summary>
    public IReadOnlyList<long>? PilotShares { get; init; }
}

/// <summary>A new draft. The funding source and plan year make its code and cannot change afterwards.</summary>
public sealed record CreateProposalRequest : UpdateProposalRequest
{
    public FundingSource? FundingSource { get; init; }
    public int? PlanYear { get; init; }
    /// <summary>The call for registration the proposal answers, if any: open, of the same year and source, inviting its content group.</summary>
    public Guid? CallId { get; init; }
}

public sealed record ReasonRequest(string? Reason);

/// <summary>A line of the detailed estimate: the item and what each source pays; one may be the management cost.</summary>
public sealed record EstimateLineRequest(string? Item, long? StateSupport, long? OwnCapital, long? OtherSources, bool? IsManagementCost);

/// <summary>Submission; an officer entering a paper dossier gives the day it was received.</summary>
public sealed record SubmitProposalRequest(DateOnly? ReceivedOn);

/// <summary>Completion of the appraisal; a paper record gives the day the council met.</summary>
public sealed record CompleteAppraisalRequest(DateOnly? CompletedOn);

/// <summary>An officer's decision on the priority-area status, against the reference data, with its reason.</summary>
public sealed record PriorityAreaOverrideRequest(bool? IsPriorityArea, string? Reason);

/// <summary>The priority-area status: what the reference data derives, and any officer's override of it.</summary>
public sealed record PriorityAreaResponse(bool IsPriorityArea, bool Derived, bool? Override, string? Reason, string? OverriddenBy, DateTimeOffset? OverriddenAt);

/// <summary>A seat of the council: the user account (an active Appraiser) that holds it, its position, and whether it is the chair.</summary>
public sealed record CouncilMemberRequest(string? UserId, string? Position, bool? Chair);

public sealed record StartAppraisalRequest(IReadOnlyList<CouncilMemberRequest>? Council);

/// <summary>A member's declaration of a conflict of interest with a beneficiary establishment of the proposal, and why.</summary>
public sealed record ConflictOfInterestRequest(Guid? EstablishmentId, string? Reason);

public sealed record AppraisalScoreRequest(
    int? FitWithRules, int? ObjectivesAndEfficiency, int? BudgetReasonableness, int? UnitCapacity,
    int? CombinationWithOtherProgrammes, int? DossierCompleteness);

/// <summary>An approval decision; <c>plannedEndOn</c>, optional, is when the implementation is to end (needed to extend it later).</summary>
/// <summary>An approval; <paramref name="ExceedPlan"/> records the decision to approve beyond what remains of the budget envelope.</summary>
public sealed record ApproveProposalRequest(
    long? ApprovedSupport, string? DecisionNumber, DateOnly? DecisionDate, DateOnly? PlannedEndOn = null, ExceedPlanRequest? ExceedPlan = null);

/// <summary>The decision to approve support beyond the budget envelope (quyết định phê duyệt vượt kế hoạch): number, date, reason.</summary>
public sealed record ExceedPlanRequest(string? DecisionNumber, DateOnly? DecisionDate, string? Reason);

public sealed record StartImplementationRequest(string? ContractNumber, DateOnly? SignedOn);

public sealed record PaymentRequest(PaymentKind? Kind, long? Amount, DateOnly? PaidOn);

public sealed record AcceptProposalRequest(
    DateOnly? AcceptedOn, long? ActualTotalSpend, long? ActualSupportUsed, long? ActualOwnCapital, long? ActualOtherSources,
    int? JobsCreated, long? AverageWage, string? Outputs);

public sealed record SettleProposalRequest(long? SettledSupport, DateOnly? SettledOn);

public sealed record FollowUpEvaluationRequest(
    DateOnly? EvaluatedOn, long? Revenue, int? Jobs, long? AverageWage, bool? EquipmentInUse, int? Rating, string? Notes);

public sealed record BudgetResponse(long StateSupport, long OwnCapital, long OtherSources, long Total);

public sealed record BeneficiaryResponse(Guid EstablishmentId, string TaxCode, string Name);

/// <summary>
/// One history entry: <c>actedByName</c> is the person's display name when they acted (their id for older
/// entries); <c>occurredOn</c> the day the act bears (decision, contract, payment...); <c>changes</c> what an edit changed.
/// </summary>
public sealed record TransitionResponse(int Sequence, ProposalStatus? From, ProposalStatus To, DateTimeOffset At, string ActedBy, string? Reason,
    HistoryEntryKind Kind, string ActedByName, DateOnly? OccurredOn, long? Amount, string? Document, decimal? Score, IReadOnlyList<FieldChange> Changes)
{
    public static TransitionResponse Of(ProposalTransition h) => new(
        h.Sequence, h.From, h.To, h.At, h.ActedBy, h.Reason, h.Kind, h.ActedByName ?? h.ActedBy, h.OccurredOn, h.Amount, h.Document, h.Score, h.Changes);
}

/// <summary>
/// A seat: the account holding it (null on a seat recorded by name before seats named accounts), the name shown,
/// the chair, the sheet and who filled it when, and whether the member stepped out on a conflict of interest.
/// </summary>
public sealed record AppraisalMemberResponse(
    Guid Id, int Seat, string? UserId, string Name, string Position, bool Chair, AppraisalSheet? Scores, int? Total, DateTimeOffset? ScoredAt,
    string? ScoredBy, bool SteppedOut, DateTimeOffset? SteppedOutAt, Guid? ConflictEstablishmentId, string? ConflictReason);

public sealed record AppraisalResponse(
    Guid Id, int Round, DateTimeOffset StartedAt, decimal PassThreshold, IReadOnlyList<AppraisalMemberResponse> Council,
    DateTimeOffset? CompletedAt, decimal? AverageScore, AppraisalRecommendation? Recommendation, int MembersPresent);

public sealed record PaymentResponse(Guid Id, PaymentKind Kind, long Amount, DateOnly PaidOn, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>Payments against the approval; the advance limit is the rate in force today for the proposal's activity.</summary>
public sealed record FinanceResponse(
    long ApprovedSupport, long AdvanceLimit, long AdvancesPaid, long TotalPaid, IReadOnlyList<PaymentResponse> Payments,
    decimal? AdvanceShare, string? AdvanceLegalBasis);

public sealed record FollowUpResponse(
    Guid Id, Guid ProposalId, string? ProposalCode, int MonthsAfterAcceptance, DateOnly DueOn, FollowUpStatus Status, Evaluation? Evaluation);

public sealed record ProposalResponse(
    Guid Id,
    string Code,
    string Title,
    FundingSource FundingSource,
    int PlanYear,
    int ContentGroup,
    SupportActivity? Activity,
    string ImplementingUnit,
    IReadOnlyList<BeneficiaryResponse> Beneficiaries,
    Sector Sector,
    string AdministrativeUnitCode,
    string District,
    string Location,
    string Objectives,
    BudgetResponse Budget,
    int ExpectedJobs,
    long ExpectedAverageWage,
    bool IsPriorityArea,
    PriorityAreaResponse PriorityArea,
    int Units,
    IReadOnlyList<EstimateLine> Estimate,
    PilotPeriod? Pilot,
    ProposalStatus Status,
    IReadOnlyList<ProposalStatus> AllowedNextStatuses,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateOnly? ReceivedOn,
    bool IsLate,
    DateOnly? AppraisalCompletedOn,
    AppraisalResponse? Appraisal,
    Approval? Approval,
    ImplementationContract? Contract,
    FinanceResponse? Finance,
    Acceptance? Acceptance,
    Settlement? Settlement,
    string? CancellationReason,
    IReadOnlyList<FollowUpResponse> FollowUps,
    IReadOnlyList<TransitionResponse> History,
    DateOnly? PlannedEndOn,
    CancellationDecision? CancellationDecision,
    ProgressResponse? Progress,
    IReadOnlyList<AmendmentResponse> Amendments,
    RefundsResponse? Refunds,
    PlanExceedance? PlanExceedance,
    Guid? CallId)
{
    /// <summary>
    /// The proposal as it stands: <paramref name="advanceRate"/> is the rate in force today for its activity,
    /// and <paramref name="today"/> (in the province) decides which progress reports are overdue.
    /// </summary>
    public static ProposalResponse From(Proposal p, AdvanceRate? advanceRate, ProposalRules rules, DateOnly today) => new(
        p.Id, p.Code, p.Title, p.FundingSource, p.PlanYear, p.ContentGroup, p.Activity, p.ImplementingUnit,
        p.Beneficiaries.OrderBy(b => b.Position).Select(b => new BeneficiaryResponse(b.EstablishmentId, b.TaxCode, b.Name)).ToList(),
        p.Sector, p.AdministrativeUnitCode, p.District, p.Location, p.Objectives,
        new BudgetResponse(p.Budget.StateSupport, p.Budget.OwnCapital, p.Budget.OtherSources, p.Budget.Total),
        p.ExpectedJobs, p.ExpectedAverageWage, p.IsPriorityArea,
        new PriorityAreaResponse(p.IsPriorityArea, p.DerivedPriorityArea, p.PriorityOverride?.IsPriorityArea, p.PriorityOverride?.Reason,
            p.PriorityOverride?.By, p.PriorityOverride?.At),
        p.Units, p.Estimate.OrderBy(l => l.Position).ToList(), p.Pilot,
        p.Status, ProposalLifecycle.NextFrom(p.Status), p.CreatedAt, p.SubmittedAt, p.ReceivedOn, p.IsLate, p.AppraisalCompletedOn,
        p.CurrentAppraisal is { } a ? AppraisalOf(a) : null,
        p.Approval, p.Contract,
        p.Approval is { } approval
            ? new FinanceResponse(approval.ApprovedSupport, advanceRate is null ? 0 : Proposal.AdvanceLimitOf(approval.ApprovedSupport, advanceRate),
                p.AdvancesPaid, p.TotalPaid,
                p.Payments.OrderBy(x => x.RecordedAt).Select(x => new PaymentResponse(x.Id, x.Kind, x.Amount, x.PaidOn, x.RecordedAt, x.RecordedBy)).ToList(),
                advanceRate?.Share, advanceRate?.LegalBasis)
            : null,
        p.Acceptance, p.Settlement, p.CancellationReason,
        p.FollowUps.OrderBy(f => f.DueOn).Select(f => FollowUpOf(f, p.Code, today)).ToList(),
        p.History.OrderBy(h => h.Sequence).Select(TransitionResponse.Of).ToList(),
        p.PlannedEndOn, p.CancellationDecision,
        ProgressResponse.Of(p, rules, today),
        p.Amendments.OrderBy(a => a.Sequence).Select(AmendmentResponse.Of).ToList(),
        RefundsResponse.Of(p),
        p.PlanExceedance,
        p.CallId);

    /// <summary>The evaluation with its status on <paramref name="today"/> (<see cref="FollowUp.StatusOn"/>).</summary>
    public static FollowUpResponse FollowUpOf(FollowUp f, string? code, DateOnly today) =>
        new(f.Id, f.ProposalId, code, f.MonthsAfterAcceptance, f.DueOn, f.StatusOn(today), f.Evaluation);

    private static AppraisalResponse AppraisalOf(Appraisal a) => new(
        a.Id, a.Round, a.StartedAt, a.PassThreshold,
        a.Members.OrderBy(m => m.Seat).ThenBy(m => m.Id).Select(m => new AppraisalMemberResponse(
            m.Id, m.Seat, m.UserId, m.Name, m.Position, m.IsChair, m.Sheet, m.Sheet?.Total, m.ScoredAt,
            m.ScoredBy, m.SteppedOut, m.SteppedOutAt, m.ConflictEstablishmentId, m.ConflictReason)).ToList(),
        a.CompletedAt, a.AverageScore, a.Recommendation, a.Present.Count());
}

/// <summary>A row of the proposal list.</summary>
public sealed record ProposalSummary(
    Guid Id, string Code, string Title, FundingSource FundingSource, int PlanYear, int ContentGroup, string District,
    string LeadTaxCode, ProposalStatus Status, bool IsLate, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources,
    long? ApprovedSupport, DateTimeOffset CreatedAt);

/// <summary>Sums over every proposal matching the filter (not only the page).</summary>
public sealed record ProposalTotals(int Count, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources, long ApprovedSupport);

/// <summary>A page of proposals with the sums over the whole filtered list; <c>totals</c> follows the page fields in JSON.</summary>
public sealed record ProposalPage(
    IReadOnlyList<ProposalSummary> Items, int Total, int Page, int PageSize, [property: JsonPropertyOrder(1)] ProposalTotals Totals)
    : PageOf<ProposalSummary>(Items, Total, Page, PageSize);

namespace KhuyenCong.Web.Api;

// The shapes of the Proposals service (establishment registry, reference data, proposals) as the gateway serves them.

public enum ProposalStatus
{
    Draft = 1, Submitted = 2, UnderAppraisal = 3, ReturnedForRevision = 4, Rejected = 5, Approved = 6, InImplementation = 7,
    Accepted = 8, Settled = 9, Closed = 10, Cancelled = 11,
}

public enum PaymentKind { Advance = 1, Balance = 2 }

public enum HistoryEntryKind { StatusChange, PriorityOverride, Revision, Payment, AppraisalScored, AppraisalConflictDeclared, AppraisalCompleted, AttachmentAdded, AttachmentWithdrawn }

public enum FollowUpStatus { Scheduled = 1, Overdue = 2, Done = 3 }

public enum AppraisalRecommendation { Recommend = 1, DoNotRecommend = 2 }

public enum AdministrativeUnitKind { City = 1, Town = 2, District = 3, Ward = 4, Commune = 5, SpecialZone = 6 }

public sealed record AdministrativeUnit(
    string Code, string Name, AdministrativeUnitKind Kind, string? FormerDistrictCode, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsPriorityArea)
{
    public bool IsDistrictLevel => Kind is AdministrativeUnitKind.City or AdministrativeUnitKind.Town or AdministrativeUnitKind.District;
}

public sealed class EstablishmentRequest
{
    public string? TaxCode { get; set; }
    public string? Name { get; set; }
    public EstablishmentType? Type { get; set; }
    public Sector? Sector { get; set; }
    public string? AdministrativeUnitCode { get; set; }
    public string? Address { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? Employees { get; set; }
    public DateOnly? RegisteredOn { get; set; }
}

public sealed record Establishment(
    Guid Id, string TaxCode, string Name, EstablishmentType Type, Sector Sector, string AdministrativeUnitCode, string District,
    bool IsPriorityArea, string Address, string Representative, string? Phone, string? Email, int Employees,
    DateOnly RegisteredOn, int Revision, DateTimeOffset UpdatedAt);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed class ProposalRequest
{
    public FundingSource? FundingSource { get; set; }
    public int? PlanYear { get; set; }
    public string? Title { get; set; }
    public int? ContentGroup { get; set; }
    public SupportActivity? Activity { get; set; }
    public string? ImplementingUnit { get; set; }
    public IReadOnlyList<string>? BeneficiaryTaxCodes { get; set; }
    public string? AdministrativeUnitCode { get; set; }
    public string? Location { get; set; }
    public string? Objectives { get; set; }
    public long? StateSupport { get; set; }
    public long? OwnCapital { get; set; }
    public long? OtherSources { get; set; }
    public int? ExpectedJobs { get; set; }
    public long? ExpectedAverageWage { get; set; }
    /// <summary>Facilities, models, fairs... the proposal covers: the norm's cap counts per unit.</summary>
    public int? Units { get; set; } = 1;
    public List<EstimateLineRequest> Estimate { get; set; } = [];
    public int? PilotStartYear { get; set; }
    public int? PilotEndYear { get; set; }
    /// <summary>A pilot's state support split by year from its start year (phân kỳ kinh phí); null leaves it to the even split.</summary>
    public List<long>? PilotShares { get; set; }
    /// <summary>The call for registration a new draft answers; sent only when one is chosen, and only at creation.</summary>
    public Guid? CallId { get; set; }
}

/// <summary>A line of the detailed estimate (dự toán): the item and what each source pays.</summary>
public sealed class EstimateLineRequest
{
    public string? Item { get; set; }
    public long? StateSupport { get; set; }
    public long? OwnCapital { get; set; }
    public long? OtherSources { get; set; }
    public bool IsManagementCost { get; set; }
}

public sealed record EstimateLine(int Position, string Item, long StateSupport, long OwnCapital, long OtherSources, bool IsManagementCost);

public sealed class ReasonRequest
{
    public string? Reason { get; set; }
}
/// <summary>A proposal's cancellation: after approval it also names the decision that stops the proposal.</summary>
public sealed class CancelProposalRequest
{
    public string? Reason { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
}
public sealed class CouncilMemberRequest
{
    public string? Name { get; set; }
    public string? Position { get; set; }
}
/// <summary>An appraisal council seat: the appraiser account holding it, its position, and whether it is the chair.</summary>
public sealed class AppraisalSeatRequest
{
    public string? UserId { get; set; }
    public string? Position { get; set; }
    public bool Chair { get; set; }
}
/// <summary>A member's declaration of a conflict of interest with a beneficiary of the proposal.</summary>
public sealed class ConflictOfInterestRequest
{
    public Guid? EstablishmentId { get; set; }
    public string? Reason { get; set; }
}
/// <summary>An account that may take a council seat.</summary>
public sealed record Appraiser(string UserId, string UserName, string DisplayName);
public sealed class StartAppraisalRequest
{
    public List<AppraisalSeatRequest> Council { get; set; } = [];
}
public sealed class AppraisalSheet
{
    public int? FitWithRules { get; set; }
    public int? ObjectivesAndEfficiency { get; set; }
    public int? BudgetReasonableness { get; set; }
    public int? UnitCapacity { get; set; }
    public int? CombinationWithOtherProgrammes { get; set; }
    public int? DossierCompleteness { get; set; }
}
public sealed class ApproveRequest
{
    public long? ApprovedSupport { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    /// <summary>The decision to approve beyond what remains of the budget envelope; sent only when the officer records one.</summary>
    public ExceedPlanRequest? ExceedPlan { get; set; }
}
/// <summary>An amendment decision: a new approved support and/or a later planned end; a raise beyond the envelope also sends the decision to exceed the plan.</summary>
public sealed class AmendProposalRequest
{
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? Reason { get; set; }
    public long? ApprovedSupport { get; set; }
    public DateOnly? PlannedEndOn { get; set; }
    public ExceedPlanRequest? ExceedPlan { get; set; }
}
public sealed class ExceedPlanRequest
{
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? Reason { get; set; }
}
/// <summary>The decision under which an approval (or an amendment's raise) went beyond the budget envelope, and what remained of it before.</summary>
public sealed record PlanExceedance(string DecisionNumber, DateOnly DecisionDate, string Reason, long RemainingBefore);
public sealed class StartImplementationRequest
{
    public string? ContractNumber { get; set; }
    public DateOnly? SignedOn { get; set; }
}
public sealed class PaymentRequest
{
    public PaymentKind? Kind { get; set; }
    public long? Amount { get; set; }
    public DateOnly? PaidOn { get; set; }
}
public sealed class AcceptRequest
{
    public DateOnly? AcceptedOn { get; set; }
    public long? ActualTotalSpend { get; set; }
    public long? ActualSupportUsed { get; set; }
    public long? ActualOwnCapital { get; set; }
    public long? ActualOtherSources { get; set; }
    public int? JobsCreated { get; set; }
    public long? AverageWage { get; set; }
    public string? Outputs { get; set; }
}
public sealed class SettleRequest
{
    public long? SettledSupport { get; set; }
    public DateOnly? SettledOn { get; set; }
}
public sealed class FollowUpEvaluationRequest
{
    public DateOnly? EvaluatedOn { get; set; }
    public long? Revenue { get; set; }
    public int? Jobs { get; set; }
    public long? AverageWage { get; set; }
    public bool? EquipmentInUse { get; set; }
    public int? Rating { get; set; }
    public string? Notes { get; set; }
}

public sealed record Budget(long StateSupport, long OwnCapital, long OtherSources, long Total);
public sealed record Beneficiary(Guid EstablishmentId, string TaxCode, string Name);
/// <summary>
/// One entry of a proposal's history: a status move or, with <see cref="From"/> = <see cref="To"/>, an act without one
/// (payment, score sheet, edit...). <see cref="OccurredOn"/> is the day the act bears (decision, contract, payment...).
/// </summary>
public sealed record Transition(
    int Sequence, ProposalStatus? From, ProposalStatus To, DateTimeOffset At, string ActedBy, string? Reason,
    HistoryEntryKind Kind = HistoryEntryKind.StatusChange, string? ActedByName = null, DateOnly? OccurredOn = null, long? Amount = null,
    string? Document = null, decimal? Score = null, IReadOnlyList<FieldChange>? Changes = null);

/// <summary>A field an edit changed, with its old and new values in an invariant form (digits, code names).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
public sealed record AppraisalMember(
    Guid Id, int Seat, string? UserId, string Name, string Position, bool Chair, AppraisalSheet? Scores, int? Total, DateTimeOffset? ScoredAt,
    string? ScoredBy, bool SteppedOut, DateTimeOffset? SteppedOutAt, Guid? ConflictEstablishmentId, string? ConflictReason);
public sealed record Appraisal(
    Guid Id, int Round, DateTimeOffset StartedAt, decimal PassThreshold, IReadOnlyList<AppraisalMember> Council,
    DateTimeOffset? CompletedAt, decimal? AverageScore, AppraisalRecommendation? Recommendation, int MembersPresent);
public sealed record Approval(long ApprovedSupport, string DecisionNumber, DateOnly DecisionDate, DateTimeOffset ApprovedAt, long SupportLimit, decimal AppraisalScore);
public sealed record ImplementationContract(string ContractNumber, DateOnly SignedOn);
public sealed record Payment(Guid Id, PaymentKind Kind, long Amount, DateOnly PaidOn, DateTimeOffset RecordedAt, string RecordedBy);
public sealed record Finance(long ApprovedSupport, long AdvanceLimit, long AdvancesPaid, long TotalPaid, IReadOnlyList<Payment> Payments, decimal? AdvanceShare = null);
public sealed record Acceptance(
    DateOnly AcceptedOn, long ActualTotalSpend, long ActualSupportUsed, long ActualOwnCapital, long ActualOtherSources,
    int JobsCreated, long AverageWage, string Outputs);
public sealed record Settlement(DateOnly SettledOn, long SettledSupport, long RefundDue, long BalanceDue, bool IsLate);
public sealed record Evaluation(DateOnly EvaluatedOn, long Revenue, int Jobs, long AverageWage, bool EquipmentInUse, int Rating, string Notes);
public sealed record FollowUp(
    Guid Id, Guid ProposalId, string? ProposalCode, int MonthsAfterAcceptance, DateOnly DueOn, FollowUpStatus Status, Evaluation? Evaluation);
/// <summary>A proposal under implementation whose monthly progress reports are missing.</summary>
public sealed record OverdueProgress(
    Guid ProposalId, string Code, string Title, string District, DateOnly ContractSignedOn, int MissingReports, string? LatestPeriod);

/// <summary>An accepted proposal not settled by its deadline.</summary>
public sealed record OverdueSettlement(
    Guid ProposalId, string Code, string Title, string District, DateOnly AcceptedOn, long ActualSupportUsed, DateOnly DueOn);
public sealed record PilotPeriod(int StartYear, int EndYear, IReadOnlyList<long>? Shares = null);
public sealed record CancellationDecision(string DecisionNumber, DateOnly DecisionDate);
public sealed record ProgressReport(
    Guid Id, string Period, int PercentDone, long StateSupportSpent, long OwnCapitalSpent, long OtherSourcesSpent,
    string Notes, string? RegressionReason, DateTimeOffset ReportedAt, string ReportedBy);
public sealed record Progress(int PercentDone, ProgressReport? Latest, bool IsOverdue, IReadOnlyList<string> OverduePeriods, int DueDay, IReadOnlyList<ProgressReport> Reports);
public sealed record Amendment(
    int Sequence, string DecisionNumber, DateOnly DecisionDate, string Reason, long ApprovedSupportBefore, long ApprovedSupportAfter,
    long OwnCapitalBefore, long OwnCapitalAfter, long OtherSourcesBefore, long OtherSourcesAfter,
    DateOnly? PlannedEndBefore, DateOnly? PlannedEndAfter, long SupportLimit, DateTimeOffset AmendedAt, string AmendedBy,
    PlanExceedance? PlanExceedance = null);
public sealed record Refund(Guid Id, long Amount, DateOnly RefundedOn, string DocumentNumber, DateTimeOffset RecordedAt, string RecordedBy);
public sealed record Refunds(long Outstanding, long Refunded, IReadOnlyList<Refund> Items);

public sealed record Proposal(
    Guid Id, string Code, string Title, FundingSource FundingSource, int PlanYear, int ContentGroup, SupportActivity? Activity,
    string ImplementingUnit, IReadOnlyList<Beneficiary> Beneficiaries, Sector Sector, string AdministrativeUnitCode, string District,
    string Location, string Objectives, Budget Budget, int ExpectedJobs, long ExpectedAverageWage, bool IsPriorityArea,
    PilotPeriod? Pilot, ProposalStatus Status, IReadOnlyList<ProposalStatus> AllowedNextStatuses, DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt, bool IsLate, Appraisal? Appraisal, Approval? Approval, ImplementationContract? Contract,
    Finance? Finance, Acceptance? Acceptance, Settlement? Settlement, string? CancellationReason,
    IReadOnlyList<FollowUp> FollowUps, IReadOnlyList<Transition> History, int Units = 1, IReadOnlyList<EstimateLine>? Estimate = null,
    DateOnly? PlannedEndOn = null, CancellationDecision? CancellationDecision = null, Progress? Progress = null,
    IReadOnlyList<Amendment>? Amendments = null, Refunds? Refunds = null, PlanExceedance? PlanExceedance = null,
    Guid? CallId = null)
{
    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.ReturnedForRevision;
    public bool CanMoveTo(ProposalStatus status) => AllowedNextStatuses.Contains(status);
}

public sealed record ProposalSummary(
    Guid Id, string Code, string Title, FundingSource FundingSource, int PlanYear, int ContentGroup, string District,
    string LeadTaxCode, ProposalStatus Status, bool IsLate, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources,
    long? ApprovedSupport, DateTimeOffset CreatedAt);

public sealed record ProposalTotals(int Count, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources, long ApprovedSupport);

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Total, int Page, int PageSize, ProposalTotals Totals);

/// <summary>The Reporting service's headline figures over approved proposals.</summary>
public sealed record ProgrammeSummary(
    int? FromYear, int? ToYear, int Proposals, long TotalBudget, long StateSupport, long OwnCapital, long OtherSources, decimal? Leverage);

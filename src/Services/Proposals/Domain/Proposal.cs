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
    public bool IsPriorityArea { get; private set; }
    public PilotPeriod? Pilot { get; private set; }
    public Contracts.Sector Sector { get; private set; }

    public ProposalStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>First submitted after the registration deadline of its plan year: accepted, but shown as late.</summary>
    public bool IsLate { get; private set; }
    public Approval? Approval { get; private set; }
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

    /// <summary>Revises what the authors wrote; only a draft or a proposal returned for revision can be revised.</summary>
    public void Revise(ProposalDetails details)
    {
        if (!ProposalLifecycle.IsEditable(Status))
        {
            throw new ProposalRuleException("not-editable", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; only a Draft or ReturnedForRevision proposal can be edited.");
        }
        Apply(details);
    }

    private void Apply(ProposalDetails d)
    {
        if (d.ContentGroup is < 1 or > 9)
        {
            throw new ProposalRuleException("invalid-content-group", RuleKind.Unprocessable, "Content groups are 1 to 9 (Decree 45, Art. 4).");
        }
        if (d.Activity is { } activity && activity.ContentGroupOf() != d.ContentGroup)
        {
            throw new ProposalRuleException("activity-outside-group", RuleKind.Unprocessable,
                $"{activity} belongs to content group {activity.ContentGroupOf()}, not {d.ContentGroup}.");
        }
        if (d.Beneficiaries.Count == 0)
        {
            throw new ProposalRuleException("no-beneficiary", RuleKind.Unprocessable, "A proposal names at least one beneficiary establishment.");
        }
        if (d.Budget.StateSupport <= 0 || d.Budget.OwnCapital < 0 || d.Budget.OtherSources < 0)
        {
            throw new ProposalRuleException("invalid-budget", RuleKind.Unprocessable, "State support is positive; own capital and other sources are not negative.");
        }
        if (d.Pilot is { } pilot && pilot.StartYear != PlanYear)
        {
            throw new ProposalRuleException("pilot-start", RuleKind.Unprocessable, $"A pilot proposal starts in its plan year {PlanYear}.");
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
        IsPriorityArea = d.IsPriorityArea;
        Pilot = d.Pilot;
        Sector = d.Sector;
    }

    /// <summary>Files the proposal. The first submission decides whether it is late for its plan year.</summary>
    public void Submit(ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        var wasReturned = Status == ProposalStatus.ReturnedForRevision;
        MoveTo(ProposalStatus.Submitted, now, actedBy, wasReturned ? "Resubmitted after revision" : null);
        if (SubmittedAt is null)
        {
            SubmittedAt = now;
            IsLate = ProvinceCalendar.DateOf(now) > rules.RegistrationDeadline(PlanYear);
        }
    }

    public Appraisal StartAppraisal(IReadOnlyList<CouncilSeat> council, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.UnderAppraisal);
        var appraisal = Appraisal.Start(_appraisals.Count + 1, council, rules.AppraisalPassThreshold, now);
        MoveTo(ProposalStatus.UnderAppraisal, now, actedBy, $"Appraisal round {appraisal.Round} by a council of {council.Count}");
        _appraisals.Add(appraisal);
        return appraisal;
    }

    /// <summary>The member holding the seat (<paramref name="userId"/>, the caller's subject) fills their sheet.</summary>
    public void ScoreAppraisal(Guid memberId, string userId, AppraisalSheet sheet, DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "score the appraisal of");
        CurrentAppraisal!.Score(memberId, userId, sheet, now);
    }

    /// <summary>The member holding the seat declares a conflict of interest with one of the beneficiaries and steps out.</summary>
    public void DeclareAppraisalConflict(Guid memberId, string userId, Guid establishmentId, string reason, DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "declare a conflict of interest in the appraisal of");
        CurrentAppraisal!.DeclareConflict(memberId, userId, establishmentId, reason, [.. _beneficiaries.Select(b => b.EstablishmentId)], now);
    }

    public void CompleteAppraisal(DateTimeOffset now)
    {
        EnsureStatus(ProposalStatus.UnderAppraisal, "complete the appraisal of");
        CurrentAppraisal!.Complete(now);
    }

    public void ReturnForRevision(string reason, DateTimeOffset now, string actedBy) =>
        MoveTo(ProposalStatus.ReturnedForRevision, now, actedBy, Required(reason));

    public void Reject(string reason, DateTimeOffset now, string actedBy) =>
        MoveTo(ProposalStatus.Rejected, now, actedBy, Required(reason));

    /// <summary>
    /// Approves the state support by a decision. It needs a completed appraisal that recommends the
    /// proposal, and the support may exceed neither the request nor the norm in force on the decision date.
    /// </summary>
    public void Approve(long approvedSupport, string decisionNumber, DateOnly decisionDate, IEnumerable<SupportNorm> norms, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.Approved);
        var appraisal = CurrentAppraisal;
        if (appraisal is not { IsCompleted: true })
        {
            throw new ProposalRuleException("appraisal-required", RuleKind.Unprocessable,
                $"Proposal {Code} cannot be approved before its appraisal is completed.");
        }
        if (appraisal.Recommendation != AppraisalRecommendation.Recommend)
        {
            throw new ProposalRuleException("appraisal-not-passed", RuleKind.Unprocessable,
                $"The appraisal average of {appraisal.AverageScore} is below the pass threshold of {appraisal.PassThreshold}; return or reject the proposal.");
        }
        if (approvedSupport <= 0)
        {
            throw new ProposalRuleException("invalid-support", RuleKind.Unprocessable, "The approved support must be greater than zero.");
        }
        if (approvedSupport > Budget.StateSupport)
        {
            throw new ProposalRuleException("support-exceeds-request", RuleKind.Unprocessable,
                $"The approved support of {approvedSupport:N0} VND exceeds the {Budget.StateSupport:N0} VND of state support the proposal requested.");
        }
        var norm = SupportNorm.InForce(norms, FundingSource, ContentGroup, Activity, decisionDate)
            ?? throw new ProposalRuleException("no-norm", RuleKind.Unprocessable,
                $"No support norm for {FundingSource} content group {ContentGroup} is in force on {decisionDate:yyyy-MM-dd}.");
        var limit = norm.LimitFor(Budget.Total, IsPriorityArea);
        if (approvedSupport > limit)
        {
            throw new ProposalRuleException("support-exceeds-norm", RuleKind.Unprocessable,
                $"The approved support of {approvedSupport:N0} VND exceeds the limit of {limit:N0} VND set by {norm.Describe(IsPriorityArea)}.");
        }
        MoveTo(ProposalStatus.Approved, now, actedBy, $"Decision {decisionNumber} of {decisionDate:yyyy-MM-dd}");
        Approval = new Approval(approvedSupport, decisionNumber, decisionDate, now, norm.Id, limit, appraisal.AverageScore!.Value);
    }

    public void StartImplementation(string contractNumber, DateOnly signedOn, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.InImplementation);
        if (signedOn < Approval!.DecisionDate)
        {
            throw new ProposalRuleException("contract-before-approval", RuleKind.Unprocessable,
                $"The contract of {signedOn:yyyy-MM-dd} cannot precede the approval decision of {Approval.DecisionDate:yyyy-MM-dd}.");
        }
        MoveTo(ProposalStatus.InImplementation, now, actedBy, $"Contract {contractNumber} of {signedOn:yyyy-MM-dd}");
        Contract = new ImplementationContract(contractNumber, signedOn);
    }

    /// <summary>Pays an advance during implementation; advances in all stay within the share of the approved support.</summary>
    public Payment PayAdvance(long amount, DateOnly paidOn, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureStatus(ProposalStatus.InImplementation, "pay an advance on");
        EnsurePositive(amount);
        EnsureNotBeforeContract(paidOn);
        var limit = (long)Math.Floor(Approval!.ApprovedSupport * rules.AdvanceShare);
        if (checked(AdvancesPaid + amount) > limit)
        {
            throw new ProposalRuleException("advance-exceeds-limit", RuleKind.Unprocessable,
                $"Advances may total at most {rules.AdvanceShare:P0} of the approved support ({limit:N0} VND); " +
                $"{AdvancesPaid:N0} VND is already advanced, so at most {limit - AdvancesPaid:N0} VND more.");
        }
        var payment = new Payment(Guid.CreateVersion7(), PaymentKind.Advance, amount, paidOn, now, actedBy);
        _payments.Add(payment);
        return payment;
    }

    /// <summary>Pays (part of) the balance, only after acceptance; payments in all stay within the support due.</summary>
    public Payment PayBalance(long amount, DateOnly paidOn, DateTimeOffset now, string actedBy)
    {
        if (Status is not (ProposalStatus.Accepted or ProposalStatus.Settled))
        {
            throw new ProposalRuleException("balance-before-acceptance", RuleKind.Conflict,
                $"Proposal {Code} is {Status}; the balance is paid only after acceptance.");
        }
        EnsurePositive(amount);
        EnsureNotBeforeContract(paidOn);
        if (paidOn < Acceptance!.AcceptedOn)
        {
            throw new ProposalRuleException("payment-before-acceptance", RuleKind.Unprocessable,
                $"The balance paid on {paidOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.");
        }
        var due = Settlement?.SettledSupport ?? Acceptance.ActualSupportUsed;
        var total = checked(TotalPaid + amount);
        if (total > due)
        {
            throw new ProposalRuleException("payment-exceeds-support", RuleKind.Unprocessable,
                $"Payments would total {total:N0} VND, above the {due:N0} VND of support due.");
        }
        var payment = new Payment(Guid.CreateVersion7(), PaymentKind.Balance, amount, paidOn, now, actedBy);
        _payments.Add(payment);
        return payment;
    }

    /// <summary>Records the acceptance minutes and schedules the post-support evaluations.</summary>
    public void Accept(Acceptance acceptance, ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        EnsureCanMove(ProposalStatus.Accepted);
        if (acceptance.ActualSupportUsed > Approval!.ApprovedSupport)
        {
            throw new ProposalRuleException("support-used-exceeds-approved", RuleKind.Unprocessable,
                $"The support used ({acceptance.ActualSupportUsed:N0} VND) cannot exceed the approved {Approval.ApprovedSupport:N0} VND.");
        }
        var sum = checked(acceptance.ActualSupportUsed + acceptance.ActualOwnCapital + acceptance.ActualOtherSources);
        if (acceptance.ActualTotalSpend != sum)
        {
            throw new ProposalRuleException("actual-budget-mismatch", RuleKind.Unprocessable,
                $"The actual total spend ({acceptance.ActualTotalSpend:N0} VND) must equal support used + own capital + other sources ({sum:N0} VND).");
        }
        if (acceptance.AcceptedOn < Contract!.SignedOn)
        {
            throw new ProposalRuleException("acceptance-before-contract", RuleKind.Unprocessable,
                $"Acceptance on {acceptance.AcceptedOn:yyyy-MM-dd} cannot precede the contract of {Contract.SignedOn:yyyy-MM-dd}.");
        }
        MoveTo(ProposalStatus.Accepted, now, actedBy, $"Accepted on {acceptance.AcceptedOn:yyyy-MM-dd}");
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
            throw new ProposalRuleException("invalid-settlement", RuleKind.Unprocessable, "The settled support cannot be negative.");
        }
        if (settledSupport > Approval!.ApprovedSupport)
        {
            throw new ProposalRuleException("settlement-exceeds-approved", RuleKind.Unprocessable,
                $"The settled support of {settledSupport:N0} VND exceeds the approved {Approval.ApprovedSupport:N0} VND.");
        }
        if (settledOn < Acceptance!.AcceptedOn)
        {
            throw new ProposalRuleException("settlement-before-acceptance", RuleKind.Unprocessable,
                $"Settlement on {settledOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.");
        }
        MoveTo(ProposalStatus.Settled, now, actedBy, $"Settled on {settledOn:yyyy-MM-dd}");
        Settlement = new Settlement(
            settledOn, settledSupport,
            RefundDue: Math.Max(0, TotalPaid - settledSupport),
            BalanceDue: Math.Max(0, settledSupport - TotalPaid),
            IsLate: settledOn > rules.SettlementDeadline(Acceptance.AcceptedOn, Pilot?.EndYear ?? PlanYear));
    }

    public void Close(DateTimeOffset now, string actedBy, string? reason) => MoveTo(ProposalStatus.Closed, now, actedBy, reason);

    public void Cancel(string reason, DateTimeOffset now, string actedBy)
    {
        MoveTo(ProposalStatus.Cancelled, now, actedBy, Required(reason));
        CancellationReason = reason;
    }

    public (FollowUp FollowUp, bool WasOverdue) RecordFollowUp(Guid followUpId, Evaluation evaluation)
    {
        var followUp = _followUps.SingleOrDefault(f => f.Id == followUpId)
            ?? throw new ProposalRuleException("follow-up-not-found", RuleKind.NotFound, $"Proposal {Code} has no follow-up {followUpId}.");
        if (evaluation.EvaluatedOn < Acceptance!.AcceptedOn)
        {
            throw new ProposalRuleException("evaluation-before-acceptance", RuleKind.Unprocessable,
                $"An evaluation on {evaluation.EvaluatedOn:yyyy-MM-dd} cannot precede acceptance on {Acceptance.AcceptedOn:yyyy-MM-dd}.");
        }
        return (followUp, followUp.Record(evaluation));
    }

    private static string Required(string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ProposalRuleException("reason-required", RuleKind.Unprocessable, "A reason is required for this decision.")
        : reason.Trim();

    private static void EnsurePositive(long amount)
    {
        if (amount <= 0)
        {
            throw new ProposalRuleException("invalid-amount", RuleKind.Unprocessable, "A payment is a positive amount of VND.");
        }
    }

    /// <summary>Support is paid under the implementation contract, so never before the day it was signed.</summary>
    private void EnsureNotBeforeContract(DateOnly paidOn)
    {
        if (paidOn < Contract!.SignedOn)
        {
            throw new ProposalRuleException("payment-before-contract", RuleKind.Unprocessable,
                $"A payment on {paidOn:yyyy-MM-dd} cannot precede the contract of {Contract.SignedOn:yyyy-MM-dd}.");
        }
    }

    private void EnsureCanMove(ProposalStatus to)
    {
        if (!ProposalLifecycle.CanMove(Status, to))
        {
            var allowed = ProposalLifecycle.NextFrom(Status);
            throw new ProposalRuleException("illegal-transition", RuleKind.Conflict,
                $"Proposal {Code} cannot move from {Status} to {to}; from {Status} it can move to " +
                (allowed.Count == 0 ? "nothing (it is final)." : $"{string.Join(", ", allowed)}."));
        }
    }

    private void EnsureStatus(ProposalStatus required, string action)
    {
        if (Status != required)
        {
            throw new ProposalRuleException("illegal-transition", RuleKind.Conflict,
                $"Cannot {action} proposal {Code}: it is {Status}, and this needs it {required}.");
        }
    }

    private void MoveTo(ProposalStatus to, DateTimeOffset now, string actedBy, string? reason)
    {
        EnsureCanMove(to);
        _history.Add(new ProposalTransition(_history.Count + 1, Status, to, now, actedBy, reason));
        Status = to;
    }
}

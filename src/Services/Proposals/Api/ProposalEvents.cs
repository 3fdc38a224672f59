using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>Maps the domain to the integration events other services rely on.</summary>
internal static class ProposalEvents
{
    public static ProposalProfile Profile(Proposal p) => new()
    {
        Code = p.Code,
        Title = p.Title,
        FundingSource = (Contracts.FundingSource)p.FundingSource,
        PlanYear = p.PlanYear,
        ContentGroup = (ContentGroup)p.ContentGroup,
        ImplementingUnit = p.ImplementingUnit,
        EstablishmentTaxCodes = p.Beneficiaries.OrderBy(b => b.Position).Select(b => b.TaxCode).ToList(),
        Sector = p.Sector,
        AdministrativeUnitCode = p.AdministrativeUnitCode,
        District = p.District,
        Location = p.Location,
        IsPriorityArea = p.IsPriorityArea,
        PilotStartYear = p.Pilot?.StartYear,
        PilotEndYear = p.Pilot?.EndYear,
        PilotShares = p.Pilot?.Shares,
        TotalBudget = p.Budget.Total,
        StateSupport = p.Budget.StateSupport,
        OwnCapital = p.Budget.OwnCapital,
        OtherSources = p.Budget.OtherSources,
        ExpectedJobs = p.ExpectedJobs,
        ExpectedAverageWage = p.ExpectedAverageWage,
        Revision = p.Amendments.Count,
    };

    /// <summary>
    /// The moves (and priority-area overrides) recorded since <paramref name="known"/> history entries, as
    /// events, each with the proposal as it now stands and when the establishment's next step is due;
    /// payments, edits and appraisal entries have events of their own or none.
    /// </summary>
    public static IEnumerable<ProposalStatusChanged> StatusChanges(Proposal p, int known, ProposalRules rules) =>
        p.History.Where(h => h.Sequence > known && h.Kind is HistoryEntryKind.StatusChange or HistoryEntryKind.PriorityOverride).OrderBy(h => h.Sequence).Select(h => new ProposalStatusChanged
        {
            ProposalId = p.Id,
            Code = p.Code,
            Sequence = h.Sequence,
            From = h.From?.ToString() ?? "",
            To = h.To.ToString(),
            Reason = h.Reason,
            At = h.At,
            ActedBy = h.ActedBy,
            Proposal = Profile(p),
            NextStepDueOn = h.To switch
            {
                ProposalStatus.Draft => rules.RegistrationDeadline(p.PlanYear),
                ProposalStatus.InImplementation => p.PlannedEndOn,
                _ => null,
            },
        });

    /// <summary>The council of the current round, each seat naming the account that owes its score sheet.</summary>
    public static AppraisalCouncilFormed CouncilFormed(Proposal p, ProposalRules rules, string actedBy)
    {
        var appraisal = p.CurrentAppraisal!;
        return new AppraisalCouncilFormed
        {
            ProposalId = p.Id,
            Proposal = Profile(p),
            AppraisalId = appraisal.Id,
            Round = appraisal.Round,
            Seats = [.. appraisal.Members.Where(m => m.UserId is not null).OrderBy(m => m.Seat)
                .Select(m => new AppraisalSeat { MemberId = m.Id, UserId = m.UserId!, Name = m.Name, IsChair = m.IsChair })],
            SheetsDueOn = ProvinceCalendar.DateOf(appraisal.StartedAt).AddDays(rules.AppraisalSheetDays),
            FormedAt = appraisal.StartedAt,
            ActedBy = actedBy,
        };
    }

    public static AppraisalSheetSubmitted SheetSubmitted(Proposal p, Guid memberId)
    {
        var appraisal = p.CurrentAppraisal!;
        var member = appraisal.Members.Single(m => m.Id == memberId);
        return new AppraisalSheetSubmitted
        {
            ProposalId = p.Id,
            Code = p.Code,
            AppraisalId = appraisal.Id,
            MemberId = member.Id,
            UserId = member.ScoredBy!,
            Total = member.Sheet!.Total,
            SubmittedAt = member.ScoredAt!.Value,
        };
    }

    public static AppraisalMemberSteppedOut MemberSteppedOut(Proposal p, Guid memberId)
    {
        var appraisal = p.CurrentAppraisal!;
        var member = appraisal.Members.Single(m => m.Id == memberId);
        return new AppraisalMemberSteppedOut
        {
            ProposalId = p.Id,
            Code = p.Code,
            AppraisalId = appraisal.Id,
            MemberId = member.Id,
            UserId = member.UserId ?? "",
            SteppedOutAt = member.SteppedOutAt!.Value,
        };
    }

    /// <summary>
    /// The end of the round that was open before a command (<paramref name="openBefore"/>): it completed, or the proposal
    /// left the appraisal; none while it stays open.
    /// </summary>
    public static IEnumerable<AppraisalEnded> AppraisalEnds(Proposal p, Guid? openBefore, DateTimeOffset now)
    {
        var appraisal = p.Appraisals.SingleOrDefault(a => a.Id == openBefore);
        if (appraisal is null || (!appraisal.IsCompleted && p.Status == ProposalStatus.UnderAppraisal))
        {
            yield break;
        }
        yield return new AppraisalEnded
        {
            ProposalId = p.Id,
            Code = p.Code,
            AppraisalId = appraisal.Id,
            Round = appraisal.Round,
            MemberIds = [.. appraisal.Members.OrderBy(m => m.Seat).Select(m => m.Id)],
            Outcome = appraisal.IsCompleted ? "Completed" : p.Status.ToString(),
            EndedAt = appraisal.CompletedAt ?? now,
        };
    }

    /// <summary>The round open for scoring, if any: the one whose end a command may bring.</summary>
    public static Guid? OpenAppraisal(Proposal p) =>
        p.Status == ProposalStatus.UnderAppraisal && p.CurrentAppraisal is { IsCompleted: false } open ? open.Id : null;

    public static RegistrationCallOpened CallOpened(RegistrationCall call) => new()
    {
        CallId = call.Id,
        PlanYear = call.PlanYear,
        FundingSource = (Contracts.FundingSource)call.FundingSource,
        Title = call.Title,
        Deadline = call.Deadline,
        ContentGroups = call.ContentGroups,
        OpenedAt = call.CreatedAt,
        ActedBy = call.CreatedBy,
    };

    public static RegistrationCallClosed CallClosed(RegistrationCall call, DateTimeOffset at, string actedBy) => new()
    {
        CallId = call.Id,
        ClosedAt = at,
        ActedBy = actedBy,
    };

    public static ProposalSubmitted Submitted(Proposal p, string actedBy) => new()
    {
        ProposalId = p.Id,
        Proposal = Profile(p),
        SubmittedAt = p.History[^1].At,
        IsLate = p.IsLate,
        CallId = p.CallId,
        ActedBy = actedBy,
    };

    public static ProposalApproved Approved(Proposal p, string actedBy, string? actedByName)
    {
        var approval = p.Approval!;
        return new ProposalApproved
        {
            ProposalId = p.Id,
            Proposal = Profile(p),
            ApprovedSupport = approval.ApprovedSupport,
            DecisionNumber = approval.DecisionNumber,
            DecisionDate = approval.DecisionDate,
            AppraisalScore = approval.AppraisalScore,
            ApprovedAt = approval.ApprovedAt,
            ActedBy = actedBy,
            ActedByName = actedByName,
            PlanExceedanceDecisionNumber = p.PlanExceedance?.DecisionNumber,
        };
    }

    public static ProposalRejected Rejected(Proposal p, string actedBy) => new()
    {
        ProposalId = p.Id,
        Proposal = Profile(p),
        Reason = p.History[^1].Reason ?? "",
        RejectedAt = p.History[^1].At,
        ActedBy = actedBy,
    };

    public static ProposalCancelled Cancelled(Proposal p, string actedBy) => new()
    {
        ProposalId = p.Id,
        Proposal = Profile(p),
        PreviousStatus = p.History[^1].From?.ToString() ?? "",
        Reason = p.CancellationReason ?? "",
        AdvancesPaid = p.AdvancesPaid,
        DecisionNumber = p.CancellationDecision?.DecisionNumber,
        DecisionDate = p.CancellationDecision?.DecisionDate,
        CancelledAt = p.History[^1].At,
        ActedBy = actedBy,
    };

    public static AdvancePaid AdvancePaid(Proposal p, Payment payment, ProposalRules rules) => new()
    {
        SettleBy = rules.YearEndSettlementDeadline(p.BudgetYear),
        ProposalId = p.Id,
        Code = p.Code,
        PaymentId = payment.Id,
        Amount = payment.Amount,
        TotalAdvanced = p.AdvancesPaid,
        ApprovedSupport = p.Approval!.ApprovedSupport,
        PaidOn = payment.PaidOn,
        ActedBy = payment.RecordedBy,
    };

    public static BalancePaid BalancePaid(Proposal p, Payment payment) => new()
    {
        ProposalId = p.Id,
        Code = p.Code,
        PaymentId = payment.Id,
        Amount = payment.Amount,
        TotalPaid = p.TotalPaid,
        PaidOn = payment.PaidOn,
        ActedBy = payment.RecordedBy,
    };

    public static ProposalAccepted Accepted(Proposal p, string actedBy, ProposalRules rules)
    {
        var a = p.Acceptance!;
        return new ProposalAccepted
        {
            SettlementDueOn = rules.SettlementDeadline(a.AcceptedOn, p.BudgetYear),
            ProposalId = p.Id,
            Proposal = Profile(p),
            ApprovedSupport = p.Approval!.ApprovedSupport,
            ActualTotalSpend = a.ActualTotalSpend,
            ActualSupportUsed = a.ActualSupportUsed,
            ActualOwnCapital = a.ActualOwnCapital,
            ActualOtherSources = a.ActualOtherSources,
            JobsCreated = a.JobsCreated,
            AverageWage = a.AverageWage,
            Outputs = a.Outputs,
            AdvancesPaid = p.AdvancesPaid,
            AcceptedOn = a.AcceptedOn,
            FollowUps = p.FollowUps.OrderBy(f => f.DueOn)
                .Select(f => new ScheduledFollowUp { FollowUpId = f.Id, MonthsAfterAcceptance = f.MonthsAfterAcceptance, DueOn = f.DueOn })
                .ToList(),
            ActedBy = actedBy,
        };
    }

    /// <summary>The progress report the proposal owes next, when it is in implementation.</summary>
    public static ProgressReportDue? ProgressDue(Proposal p, ProposalRules rules, DateTimeOffset now) =>
        p.NextProgressPeriod(rules) is { } period
            ? new ProgressReportDue { ProposalId = p.Id, Proposal = Profile(p), Period = period, DueOn = rules.ProgressReportDueOn(period), At = now }
            : null;

    public static ProposalSettled Settled(Proposal p, string actedBy)
    {
        var s = p.Settlement!;
        return new ProposalSettled
        {
            ProposalId = p.Id,
            Proposal = Profile(p),
            ApprovedSupport = p.Approval!.ApprovedSupport,
            SettledSupport = s.SettledSupport,
            AdvancesPaid = p.AdvancesPaid,
            RefundDue = s.RefundDue,
            BalanceDue = s.BalanceDue,
            SettledOn = s.SettledOn,
            ActedBy = actedBy,
        };
    }

    public static FollowUpRecorded FollowUpRecorded(Proposal p, FollowUp f, bool wasOverdue, string actedBy)
    {
        var e = f.Evaluation!;
        return new FollowUpRecorded
        {
            FollowUpId = f.Id,
            ProposalId = p.Id,
            Code = p.Code,
            DueOn = f.DueOn,
            EvaluatedOn = e.EvaluatedOn,
            WasOverdue = wasOverdue,
            Revenue = e.Revenue,
            Jobs = e.Jobs,
            AverageWage = e.AverageWage,
            EquipmentInUse = e.EquipmentInUse,
            Rating = e.Rating,
            ActedBy = actedBy,
        };
    }
}

using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
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
    /// events; payments, edits and appraisal entries have events of their own or none.
    /// </summary>
    public static IEnumerable<ProposalStatusChanged> StatusChanges(Proposal p, int known) =>
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
        });

    public static ProposalSubmitted Submitted(Proposal p, string actedBy) => new()
    {
        ProposalId = p.Id,
        Proposal = Profile(p),
        SubmittedAt = p.History[^1].At,
        IsLate = p.IsLate,
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

    public static AdvancePaid AdvancePaid(Proposal p, Payment payment) => new()
    {
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

    public static ProposalAccepted Accepted(Proposal p, string actedBy)
    {
        var a = p.Acceptance!;
        return new ProposalAccepted
        {
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

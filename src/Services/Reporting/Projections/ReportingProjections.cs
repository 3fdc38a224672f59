using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Projections;

/// <summary>
/// Applies one integration event to the read models. The consumers call it for live events and the
/// rebuild calls it for the ledger's events, so both paths share every rule. It does not save: the
/// caller commits. Rows are looked up among the tracked ones first (a rebuild saves in batches),
/// then read with a row lock so that two events of one proposal never interleave.
/// </summary>
public sealed class ReportingProjections(ReportingDbContext db, bool maintainCubes = true)
{
    private delegate Task Projection(ReportingProjections projections, object integrationEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Every event Reporting follows, with how it changes the read models: the one list of them. The ledger's
    /// event types (<see cref="ReportedEvents.All"/>) and the consumers registered with the bus are read from it.
    /// </summary>
    private static readonly (Type Event, Projection Apply)[] Projections =
    [
        On<ProposalStatusChanged>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.StatusChanged(e.Code, e.Sequence, e.To), ct)),
        On<ProposalSubmitted>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.Submitted(Figures(e.Proposal), e.SubmittedAt), ct)),
        On<ProposalApproved>((p, e, ct) => p.ProposalAsync(e.ProposalId, f =>
        {
            f.Approved(Figures(e.Proposal), e.ApprovedSupport, e.ApprovedAt);
            f.ApprovalDecided(e.DecisionNumber, e.DecisionDate, e.PlanExceedanceDecisionNumber);
        }, ct)),
        On<ProposalRejected>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.Rejected(Figures(e.Proposal), e.RejectedAt), ct)),
        On<ProposalCancelled>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.Cancelled(Figures(e.Proposal), e.AdvancesPaid, e.CancelledAt), ct)),
        On<AdvancePaid>(async (p, e, ct) =>
        {
            await p.ProposalAsync(e.ProposalId, f => f.AdvancePaid(e.Code, e.TotalAdvanced, e.ApprovedSupport), ct);
            await p.MovementAsync(MoneyMovementFact.Of(e.PaymentId, e.ProposalId, MoneyMovementKind.Advance, e.Amount, e.PaidOn), ct);
        }),
        On<BalancePaid>((p, e, ct) => p.MovementAsync(MoneyMovementFact.Of(e.PaymentId, e.ProposalId, MoneyMovementKind.Balance, e.Amount, e.PaidOn), ct)),
        On<ProposalAccepted>((p, e, ct) => p.AcceptedAsync(e, ct)),
        On<ProposalSettled>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.Settled(Figures(e.Proposal), e.ApprovedSupport, e.SettledSupport, e.AdvancesPaid, e.SettledOn), ct)),
        On<ProposalAmended>((p, e, ct) => p.ProposalAsync(e.ProposalId, f => f.Amended(Figures(e.Proposal), e.Revision, e.ApprovedSupport, e.AdvancesPaid, e.PlanExceedanceDecisionNumber), ct)),
        On<RefundRecorded>(async (p, e, ct) =>
        {
            await p.ProposalAsync(e.ProposalId, f => f.RefundRecorded(e.Code, e.TotalRefunded), ct);
            await p.MovementAsync(MoneyMovementFact.Of(e.RefundId, e.ProposalId, MoneyMovementKind.Refund, e.Amount, e.RefundedOn), ct);
        }),
        On<BudgetEnvelopeChanged>((p, e, ct) => p.EnvelopeEntryAsync(EnvelopeEntryFact.Of(
            e.EntryId, e.EnvelopeId, e.PlanYear, e.FundingSource.ToString(), e.Kind, e.Amount, e.DecisionNumber, e.DecisionDate), ct)),
        On<AnnualPlanApproved>((p, e, ct) => p.PlanVersionAsync(e, ct)),
        On<NationalSubmissionSent>(async (p, e, ct) =>
        {
            foreach (var item in e.Proposals)
            {
                await p.NationalProposalAsync(item.ProposalId, e.SubmissionId, e.PlanYear, item.Code,
                    f => f.Sent((int)item.ContentGroup, item.District, item.RequestedSupport, e.DispatchNumber, e.SentOn, e.IsLate), ct);
            }
        }),
        On<NationalDecisionRecorded>((p, e, ct) => p.NationalProposalAsync(e.ProposalId, e.SubmissionId, e.PlanYear, e.Code,
            f => f.Decided(e.Outcome, e.ApprovedSupport, e.DecisionNumber, e.DecisionDate), ct)),
        On<FollowUpRecorded>((p, e, ct) => p.FollowUpAsync(e.FollowUpId, e.ProposalId, e.DueOn, f => f.Recorded(e.EvaluatedOn, e.WasOverdue), ct)),
        On<FollowUpOverdue>((p, e, ct) => p.FollowUpAsync(e.FollowUpId, e.ProposalId, e.DueOn, f => f.Overdue(), ct)),
        On<CourseScheduled>((p, e, ct) => p.CourseAsync(e.CourseId, c => c.Scheduled(e.Revision, Details(e.Course)), ct)),
        On<CourseCompleted>((p, e, ct) => p.CourseAsync(e.CourseId, c => c.Finished(e.Revision, Details(e.Course),
            Trainees(e.Enrolled), Trainees(e.Completed), Trainees(e.Certified), e.EmployedAfter.Total), ct)),
        On<CourseCancelled>((p, e, ct) => p.CourseAsync(e.CourseId, c => c.Cancelled(Details(e.Course)), ct)),
        On<ProductRecognized>((p, e, ct) => p.CertificateAsync(e.CertificateId, e.CertificateNumber, e.EstablishmentTaxCode, e.Level,
            c => c.Recognized(e.CertificateNumber, e.EstablishmentTaxCode, (int)e.Level, (int)e.Group, e.ProductName, e.CompetitionYear, e.District, e.IssuedOn, e.ExpiresOn), ct)),
        On<CertificateRevoked>((p, e, ct) => p.CertificateAsync(e.CertificateId, e.CertificateNumber, e.EstablishmentTaxCode, e.Level,
            c => c.Revoked(e.RevokedOn), ct)),
        On<CertificateExpired>((p, e, ct) => p.CertificateAsync(e.CertificateId, e.CertificateNumber, e.EstablishmentTaxCode, e.Level,
            c => c.Expired(e.ExpiredOn), ct)),
        On<EstablishmentRegistered>((p, e, ct) => p.EstablishmentAsync(e, ct)),
        On<EstablishmentUpdated>((p, e, ct) => p.EstablishmentAsync(e, ct)),
        On<FairScheduled>((p, e, ct) => p.FairAsync(e.FairId, e.Fair, f => f.Scheduled(e.ScheduledAt), ct)),
        On<BoothAllocated>((p, e, ct) => p.BoothAllocatedAsync(e, ct)),
        On<FairOutcomeRecorded>((p, e, ct) => p.FairOutcomeRecordedAsync(e, ct)),
        On<FairCancelled>((p, e, ct) => p.FairAsync(e.FairId, e.Fair, f => f.Cancelled(e.CancelledAt), ct)),
    ];

    private static readonly Dictionary<Type, Projection> ByType = Projections.ToDictionary(p => p.Event, p => p.Apply);

    /// <summary>The events Reporting follows, in the order of <see cref="Projections"/>.</summary>
    public static IReadOnlyList<Type> HandledEvents { get; } = [.. Projections.Select(p => p.Event)];

    public Task ApplyAsync(object integrationEvent, CancellationToken cancellationToken) =>
        ByType.TryGetValue(integrationEvent.GetType(), out var apply)
            ? apply(this, integrationEvent, cancellationToken)
            : throw new ArgumentException($"Reporting has no projection for {integrationEvent.GetType().Name}.", nameof(integrationEvent));

    private static (Type, Projection) On<TEvent>(Func<ReportingProjections, TEvent, CancellationToken, Task> apply) =>
        (typeof(TEvent), (projections, integrationEvent, cancellationToken) => apply(projections, (TEvent)integrationEvent, cancellationToken));

    private async Task ProposalAsync(Guid proposalId, Action<ProposalFact> change, CancellationToken cancellationToken)
    {
        var fact = db.ProposalFacts.Local.FindEntry(proposalId)?.Entity
            ?? await db.ProposalFacts.FromSql($"SELECT * FROM proposal_facts WHERE proposal_id = {proposalId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        var before = fact?.Cell();
        if (fact is null)
        {
            fact = ProposalFact.For(proposalId);
            db.ProposalFacts.Add(fact);
        }
        change(fact);
        if (maintainCubes)
        {
            await ProposalCubes.ApplyAsync(db, before, fact.Cell(), cancellationToken);
        }
    }

    /// <summary>A payment or refund: written once, by its own id (a redelivery finds it there).</summary>
    private async Task MovementAsync(MoneyMovementFact movement, CancellationToken cancellationToken)
    {
        if (db.MoneyMovements.Local.FindEntry(movement.MovementId) is null
            && !await db.MoneyMovements.AnyAsync(m => m.MovementId == movement.MovementId, cancellationToken))
        {
            db.MoneyMovements.Add(movement);
        }
    }

    /// <summary>A decision on a budget envelope: written once, by the decision's entry id.</summary>
    private async Task EnvelopeEntryAsync(EnvelopeEntryFact entry, CancellationToken cancellationToken)
    {
        if (db.EnvelopeEntries.Local.FindEntry(entry.EntryId) is null
            && !await db.EnvelopeEntries.AnyAsync(e => e.EntryId == entry.EntryId, cancellationToken))
        {
            db.EnvelopeEntries.Add(entry);
        }
    }

    /// <summary>
    /// An approved version of a plan with its items: written once, by plan and version. Versions are kept side by side,
    /// and readers take the highest one, so a version arriving late (an older one after a newer) changes nothing they read.
    /// </summary>
    private async Task PlanVersionAsync(AnnualPlanApproved e, CancellationToken cancellationToken)
    {
        if (db.PlanVersions.Local.FindEntryUntyped([e.PlanId, e.VersionNumber]) is not null
            || await db.PlanVersions.AnyAsync(v => v.PlanId == e.PlanId && v.VersionNumber == e.VersionNumber, cancellationToken))
        {
            return;
        }
        var source = e.FundingSource.ToString();
        db.PlanVersions.Add(PlanVersionFact.Of(e.PlanId, e.VersionNumber, e.PlanYear, source, e.DecisionNumber, e.DecisionDate, e.ApprovedAt,
            e.Items.Sum(i => i.PlannedSupport), e.Items.Count));
        // One line per proposal: should a version name a proposal twice, its planned support is summed on one line.
        foreach (var item in e.Items.GroupBy(i => i.ProposalId))
        {
            var first = item.First();
            db.PlanItems.Add(PlanItemFact.Of(e.PlanId, e.VersionNumber, item.Key, e.PlanYear, source, first.Code, (int)first.ContentGroup, first.District,
                item.Sum(i => i.PlannedSupport)));
        }
    }

    /// <summary>
    /// A proposal of a list of national proposals: the list's event and the decision's each fill in their own part of the
    /// one row, whichever arrives first, so the row ends the same whatever the order or number of deliveries.
    /// </summary>
    private async Task NationalProposalAsync(
        Guid proposalId, Guid submissionId, int planYear, string code, Action<NationalProposalFact> change, CancellationToken cancellationToken)
    {
        var fact = db.NationalProposals.Local.FindEntry(proposalId)?.Entity
            ?? await db.NationalProposals.FromSql($"SELECT * FROM national_proposal_facts WHERE proposal_id = {proposalId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = NationalProposalFact.For(proposalId, submissionId, planYear, code);
            db.NationalProposals.Add(fact);
        }
        change(fact);
    }

    private async Task AcceptedAsync(ProposalAccepted e, CancellationToken cancellationToken)
    {
        await ProposalAsync(e.ProposalId, f => f.Accepted(Figures(e.Proposal), e.ApprovedSupport, e.ActualSupportUsed, e.JobsCreated, e.AverageWage, e.AdvancesPaid, e.AcceptedOn), cancellationToken);
        foreach (var scheduled in e.FollowUps)
        {
            await FollowUpAsync(scheduled.FollowUpId, e.ProposalId, scheduled.DueOn, f => f.Scheduled(scheduled.MonthsAfterAcceptance, scheduled.DueOn), cancellationToken);
        }
    }

    private async Task FollowUpAsync(Guid followUpId, Guid proposalId, DateOnly dueOn, Action<FollowUpFact> change, CancellationToken cancellationToken)
    {
        var fact = db.FollowUps.Local.FindEntry(followUpId)?.Entity
            ?? await db.FollowUps.FromSql($"SELECT * FROM follow_up_facts WHERE follow_up_id = {followUpId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = FollowUpFact.For(followUpId, proposalId, dueOn);
            db.FollowUps.Add(fact);
        }
        change(fact);
    }

    private async Task CourseAsync(Guid courseId, Action<CourseFact> change, CancellationToken cancellationToken)
    {
        var fact = db.Courses.Local.FindEntry(courseId)?.Entity
            ?? await db.Courses.FromSql($"SELECT * FROM course_facts WHERE course_id = {courseId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = CourseFact.For(courseId);
            db.Courses.Add(fact);
        }
        change(fact);
    }

    private async Task CertificateAsync(Guid certificateId, string number, string taxCode, RecognitionLevel level, Action<CertificateFact> change, CancellationToken cancellationToken)
    {
        var fact = db.Certificates.Local.FindEntry(certificateId)?.Entity
            ?? await db.Certificates.FromSql($"SELECT * FROM certificate_facts WHERE certificate_id = {certificateId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = CertificateFact.For(certificateId, number, taxCode, (int)level);
            db.Certificates.Add(fact);
        }
        change(fact);
    }

    private async Task EstablishmentAsync(EstablishmentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var copy = db.Establishments.Local.FindEntry(snapshot.EstablishmentId)?.Entity
            ?? await db.Establishments.FromSql($"SELECT * FROM known_establishments WHERE establishment_id = {snapshot.EstablishmentId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (copy is null)
        {
            db.Establishments.Add(KnownEstablishment.From(snapshot));
        }
        else
        {
            copy.Apply(snapshot);
        }
    }

    private async Task BoothAllocatedAsync(BoothAllocated e, CancellationToken cancellationToken)
    {
        await FairAsync(e.FairId, e.Fair, _ => { }, cancellationToken);
        await ParticipantAsync(e.RegistrationId, e.FairId, p => p.Allocated(e.AllocationRevision,
            new FairParticipation(e.EstablishmentTaxCode, e.EstablishmentName, e.District, e.BoothsAllocated, e.Support)), cancellationToken);
    }

    private async Task FairOutcomeRecordedAsync(FairOutcomeRecorded e, CancellationToken cancellationToken)
    {
        var o = e.Participant;
        await FairAsync(e.FairId, e.Fair, f => f.OutcomeRecorded(e.OutcomeRevision), cancellationToken);
        await ParticipantAsync(o.RegistrationId, e.FairId, p => p.OutcomeRecorded(e.OutcomeRevision,
            new FairParticipation(o.EstablishmentTaxCode, o.EstablishmentName, o.District, o.BoothsAllocated, o.Support),
            new FairResults(o.ContractsSigned, o.ContractValue, o.Sales, o.Visitors)), cancellationToken);
    }

    /// <summary>The fair's row, locked first, so that the events of one fair's participants apply one after the other.</summary>
    private async Task FairAsync(Guid fairId, FairProfile profile, Action<FairFact> change, CancellationToken cancellationToken)
    {
        var fact = db.Fairs.Local.FindEntry(fairId)?.Entity
            ?? await db.Fairs.FromSql($"SELECT * FROM fair_facts WHERE fair_id = {fairId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = FairFact.For(fairId);
            db.Fairs.Add(fact);
        }
        fact.Profile(new FairDetails(profile.Name, (int)profile.Kind, profile.StartDate, profile.EndDate, profile.BoothCount));
        change(fact);
    }

    private async Task ParticipantAsync(Guid registrationId, Guid fairId, Action<FairParticipantFact> change, CancellationToken cancellationToken)
    {
        var fact = db.FairParticipants.Local.FindEntry(registrationId)?.Entity
            ?? await db.FairParticipants.FromSql($"SELECT * FROM fair_participant_facts WHERE registration_id = {registrationId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (fact is null)
        {
            fact = FairParticipantFact.For(registrationId, fairId);
            db.FairParticipants.Add(fact);
        }
        change(fact);
    }

    private static ProposalFigures Figures(ProposalProfile p) => new(
        p.Code, p.PlanYear, p.District, (int)p.ContentGroup, p.FundingSource.ToString(), (int)p.Sector,
        p.EstablishmentTaxCodes, p.TotalBudget, p.StateSupport, p.OwnCapital, p.OtherSources, p.Revision,
        p.Title, p.ImplementingUnit, p.PilotStartYear, p.PilotEndYear, p.PilotShares);

    private static CourseDetails Details(CourseProfile c) => new(
        c.Title, (int)c.Type, (int)c.ContentGroup, c.District, c.PlanYear, c.Capacity, c.Budget, c.FundingProposalId);

    private static TraineeFigures Trainees(TraineeCount c) => new(c.Total, c.Female, c.EthnicMinority);
}

using System.Security.Claims;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// Budget envelopes (dự toán được giao): one per plan year and funding source, opened by the allocation
/// decision and changed by later additions and cuts. Approvals are checked against them in
/// <see cref="BudgetCheck"/>. Where no envelope is recorded for a year and source, approvals are not checked
/// (the figures say so: <c>hasEnvelope</c> is false), since the platform holds years whose budgets were never entered.
/// </summary>
public static class BudgetApi
{
    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/budget-envelopes").WithTags("Budget").RequireAuthorization(Policies.Read, Policies.Report);
        group.MapGet("/", List).WithName("ListBudgetEnvelopes");
        group.MapGet("/{planYear:int}/{fundingSource}", Get).WithName("GetBudgetEnvelope");
        group.MapPost("/", Allocate).WithName("AllocateBudget").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/{fundingSource}/entries", Change).WithName("ChangeBudgetEnvelope")
            .RequireAuthorization(Policies.Manage).ProducesRefusals().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<List<BudgetEnvelopeResponse>>, ValidationProblem>> List(
        ProposalsDbContext db, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation()
            .Expect(fromYear is null or >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "fromYear",
                $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.")
            .Expect(toYear is null or >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "toYear",
                $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var envelopes = await db.BudgetEnvelopes.AsNoTracking()
            .Where(e => (fromYear == null || e.PlanYear >= fromYear) && (toYear == null || e.PlanYear <= toYear))
            .OrderByDescending(e => e.PlanYear).ThenBy(e => e.FundingSource)
            .ToListAsync(cancellationToken);
        var result = new List<BudgetEnvelopeResponse>(envelopes.Count);
        foreach (var envelope in envelopes)
        {
            var commitments = await BudgetCheck.CommitmentsAsync(db, envelope.PlanYear, envelope.FundingSource, cancellationToken);
            result.Add(BudgetEnvelopeResponse.Of(envelope.PlanYear, envelope.FundingSource, envelope, commitments));
        }
        return TypedResults.Ok(result);
    }

    /// <summary>The envelope of a year and source with its figures; without an envelope, the figures alone (<c>hasEnvelope</c> false).</summary>
    internal static async Task<Results<Ok<BudgetEnvelopeResponse>, ValidationProblem>> Get(
        int planYear, FundingSource fundingSource, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = ValidateYear(new RequestValidation(), planYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var envelope = await db.BudgetEnvelopes.AsNoTracking()
            .SingleOrDefaultAsync(e => e.PlanYear == planYear && e.FundingSource == fundingSource, cancellationToken);
        var commitments = await BudgetCheck.CommitmentsAsync(db, planYear, fundingSource, cancellationToken);
        return TypedResults.Ok(BudgetEnvelopeResponse.Of(planYear, fundingSource, envelope, commitments));
    }

    internal static async Task<Results<Created<BudgetEnvelopeResponse>, ValidationProblem, ProblemHttpResult>> Allocate(
        AllocateBudgetRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.FundingSource is not null, "fundingSource", "is required: National or Local.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FundingSource))}.");
        ValidateYear(validation, request.PlanYear);
        ValidateDecision(validation, request.Amount, request.DecisionNumber, request.DecisionDate, request.Note);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var year = request.PlanYear!.Value;
        var source = request.FundingSource!.Value;
        return await db.RunAsync<Created<BudgetEnvelopeResponse>>(async ct =>
        {
            if (await db.BudgetEnvelopes.AnyAsync(e => e.PlanYear == year && e.FundingSource == source, ct))
            {
                throw new ProposalRuleException("envelope-exists", RuleKind.Conflict,
                    $"The {year} {source} envelope is already allocated; record an addition or a cut.")
                {
                    Vietnamese = $"Dự toán năm {year} nguồn này đã được giao; hãy ghi quyết định bổ sung hoặc cắt giảm.",
                };
            }
            var envelope = BudgetEnvelope.Allocate(year, source, request.Amount!.Value, request.DecisionNumber!.Trim(), request.DecisionDate!.Value,
                NoteOf(request.Note), time.GetUtcNow(), Actor.NameOf(user));
            db.BudgetEnvelopes.Add(envelope);
            db.AddIntegrationEvent(Changed(envelope, envelope.Allocation));
            await db.SaveChangesAsync(ct);
            var commitments = await BudgetCheck.CommitmentsAsync(db, year, source, ct);
            return TypedResults.Created($"/api/proposals/budget-envelopes/{year}/{source}", BudgetEnvelopeResponse.Of(year, source, envelope, commitments));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<BudgetEnvelopeResponse>, ValidationProblem, ProblemHttpResult>> Change(
        int planYear, FundingSource fundingSource, BudgetEntryRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var validation = ValidateYear(new RequestValidation(), planYear)
            .Expect(request.Kind is EnvelopeEntryKind.Addition or EnvelopeEntryKind.Cut, "kind", "is required: Addition or Cut.",
                "là bắt buộc: bổ sung (Addition) hoặc cắt giảm (Cut).");
        ValidateDecision(validation, request.Amount, request.DecisionNumber, request.DecisionDate, request.Note);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Ok<BudgetEnvelopeResponse>>(async ct =>
        {
            // The same lock as the approvals of this year and source, so a cut and an approval never interleave.
            var envelope = await BudgetCheck.LockAsync(db, planYear, fundingSource, tracked: true, ct);
            if (envelope is null)
            {
                return ApiProblems.NotFound("Budget envelope",
                    $"No envelope is allocated for {planYear} {fundingSource}; record the allocation decision first.",
                    $"Chưa có dự toán được giao cho năm {planYear} nguồn này; hãy ghi quyết định giao dự toán trước.");
            }
            var entry = envelope.Change(request.Kind!.Value, request.Amount!.Value, request.DecisionNumber!.Trim(), request.DecisionDate!.Value,
                NoteOf(request.Note), time.GetUtcNow(), Actor.NameOf(user));
            db.AddIntegrationEvent(Changed(envelope, entry));
            db.Touch(envelope);
            await db.SaveChangesAsync(ct);
            var commitments = await BudgetCheck.CommitmentsAsync(db, planYear, fundingSource, ct);
            return TypedResults.Ok(BudgetEnvelopeResponse.Of(planYear, fundingSource, envelope, commitments));
        }, cancellationToken);
    }

    private static RequestValidation ValidateYear(RequestValidation validation, int? planYear) => validation
        .Expect(planYear is >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "planYear",
            $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.");

    private static void ValidateDecision(RequestValidation validation, long? amount, string? decisionNumber, DateOnly? decisionDate, string? note) => validation
        .Positive(amount, "amount")
        .Required(decisionNumber, "decisionNumber", 64)
        .RecordDate(decisionDate, "decisionDate")
        .Check(note is null || note.Length <= 1000, "note", "At most 1000 characters.", "Tối đa 1000 ký tự.");

    private static string? NoteOf(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static BudgetEnvelopeChanged Changed(BudgetEnvelope envelope, EnvelopeEntry entry) => new()
    {
        EnvelopeId = envelope.Id,
        PlanYear = envelope.PlanYear,
        FundingSource = (Contracts.FundingSource)envelope.FundingSource,
        EntryId = entry.Id,
        Kind = entry.Kind.ToString(),
        Amount = entry.Amount,
        DecisionNumber = entry.DecisionNumber,
        DecisionDate = entry.DecisionDate,
        Allocated = envelope.Allocated,
        RecordedAt = entry.RecordedAt,
        ActedBy = entry.RecordedBy,
    };
}

/// <summary>
/// The envelope check of an approval (and of an amendment raising the support), inside its transaction: it locks the envelope row of the
/// proposal's year and source (every approval against it waits its turn), then counts what the other
/// proposals commit as committed at that moment, so parallel approvals never exceed the envelope.
/// </summary>
internal static class BudgetCheck
{
    /// <summary>The envelope of a year and source under its row lock for the rest of the transaction; null when none is allocated.</summary>
    public static async Task<BudgetEnvelope?> LockAsync(ProposalsDbContext db, int planYear, FundingSource source, bool tracked, CancellationToken cancellationToken)
    {
        var sourceName = source.ToString();
        var ids = await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM budget_envelopes WHERE plan_year = {planYear} AND funding_source = {sourceName} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }
        var query = tracked ? db.BudgetEnvelopes : db.BudgetEnvelopes.AsNoTracking();
        return await query.SingleAsync(e => e.Id == ids[0], cancellationToken);
    }

    /// <summary>
    /// Admits the just-approved <paramref name="proposal"/> into its envelope, flagging it when a decision let it exceed the plan.
    /// A pilot proposal is admitted into the envelope of each of its years already allocated, for that year's share, the
    /// envelopes locked year after year (the order every lock of them follows).
    /// </summary>
    public static async Task AdmitAsync(ProposalsDbContext db, Proposal proposal, ExceedanceDecision? decision, CancellationToken cancellationToken)
    {
        var approved = proposal.Approval!.ApprovedSupport;
        var exceedance = await AdmitEachYearAsync(db, proposal, (envelope, year, byOthers) =>
            envelope.Admit(proposal.Code, Share(proposal, year, approved), byOthers, decision), cancellationToken);
        if (exceedance is not null)
        {
            proposal.ExceedPlan(exceedance);
        }
    }

    /// <summary>
    /// For an amendment that raises the support of <paramref name="proposal"/>: locks the envelopes of its years and source (the locks
    /// of the approvals) and answers the check of the raise from the old to the new support, which counts the other proposals'
    /// commitments at this moment and refuses what does not fit unless <paramref name="decision"/> lets it exceed the plan.
    /// Null when no envelope is allocated: then a raise is not checked, as an approval is not.
    /// </summary>
    public static async Task<Func<long, long, PlanExceedance?>?> RaiseAdmissionAsync(
        ProposalsDbContext db, Proposal proposal, ExceedanceDecision? decision, CancellationToken cancellationToken)
    {
        var checks = new List<Func<long, long, PlanExceedance?>>();
        await AdmitEachYearAsync(db, proposal, (envelope, year, byOthers) =>
        {
            checks.Add((before, after) =>
                envelope.AdmitRaise(proposal.Code, Share(proposal, year, before), Share(proposal, year, after), byOthers, decision));
            return null;
        }, cancellationToken);
        return checks.Count == 0 ? null : (before, after) => checks.Select(check => check(before, after)).ToList().FirstOrDefault(e => e is not null);
    }

    /// <summary>
    /// Runs <paramref name="admit"/> on the envelope of each year the proposal takes money from (its plan year; each year of a pilot)
    /// that is allocated, under that envelope's row lock, with what the other proposals commit in that year; answers the first exceedance.
    /// </summary>
    private static async Task<PlanExceedance?> AdmitEachYearAsync(
        ProposalsDbContext db, Proposal proposal, Func<BudgetEnvelope, int, long, PlanExceedance?> admit, CancellationToken cancellationToken)
    {
        PlanExceedance? first = null;
        var years = proposal.Pilot is { } pilot ? Enumerable.Range(pilot.StartYear, pilot.Years) : [proposal.PlanYear];
        foreach (var year in years)
        {
            var envelope = await LockAsync(db, year, proposal.FundingSource, tracked: false, cancellationToken);
            if (envelope is null)
            {
                continue;
            }
            var commitments = await CommitmentsAsync(db, year, proposal.FundingSource, cancellationToken);
            var byOthers = commitments.Where(c => c.ProposalId != proposal.Id).Sum(c => c.Committed);
            var exceedance = admit(envelope, year, byOthers);
            first ??= exceedance;
        }
        return first;
    }

    private static long Share(Proposal proposal, int year, long support) => proposal.Pilot?.ShareOf(year, support) ?? support;

    /// <summary>
    /// The approved proposals that take from the envelope of a year and source as they stand in the database: those of the year,
    /// and the pilot proposals of earlier years that run into it.
    /// </summary>
    public static async Task<List<Commitment>> CommitmentsAsync(ProposalsDbContext db, int planYear, FundingSource source, CancellationToken cancellationToken) =>
        await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.FundingSource == source && p.Approval != null
                        && (p.PlanYear == planYear || p.PlanYear < planYear && p.Pilot != null && p.Pilot.EndYear >= planYear))
            .Select(p => new Commitment(
                p.Id, p.ContentGroup, p.District, p.Status, p.Approval!.ApprovedSupport,
                p.Settlement == null ? null : p.Settlement.SettledSupport,
                p.Payments.Where(x => x.Kind == PaymentKind.Advance).Sum(x => x.Amount),
                p.Payments.Sum(x => x.Amount),
                p.Refunds.Sum(r => r.Amount),
                p.PlanExceedance != null || p.Amendments.Any(a => a.ExceedanceDecisionNumber != null),
                p.Pilot,
                planYear))
            .ToListAsync(cancellationToken);
}

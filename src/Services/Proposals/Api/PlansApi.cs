using System.Security.Claims;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Identifiers;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>Compiles (or recompiles) the draft version of a year's plan; after an approval the draft is a revision and states its reason.</summary>
public sealed record CompilePlanRequest(int? PlanYear, FundingSource? FundingSource, string? Reason);

/// <summary>The decision approving a version of the plan.</summary>
public sealed record ApprovePlanRequest(string? DecisionNumber, DateOnly? DecisionDate);

public sealed record PlanVersionResponse(
    int Number, bool IsRevision, bool IsApproved, string? Reason, DateTimeOffset CompiledAt, string CompiledBy, string? DecisionNumber,
    DateOnly? DecisionDate, DateTimeOffset? ApprovedAt, string? ApprovedBy, long Total, IReadOnlyList<PlanItem> Items)
{
    public static PlanVersionResponse Of(PlanVersion v) => new(
        v.Number, v.Number > 1, v.IsApproved, v.Reason, v.CompiledAt, v.CompiledBy, v.DecisionNumber, v.DecisionDate, v.ApprovedAt, v.ApprovedBy,
        v.Total, v.Items);
}

/// <summary>A plan with every version, oldest first; <c>currentVersion</c> is the last approved one (null before the first approval).</summary>
public sealed record PlanResponse(
    Guid Id, int PlanYear, FundingSource FundingSource, int? CurrentVersion, long? CurrentTotal, int? DraftVersion, IReadOnlyList<PlanVersionResponse> Versions)
{
    public static PlanResponse Of(AnnualPlan plan) => new(
        plan.Id, plan.PlanYear, plan.FundingSource, plan.Current?.Number, plan.Current?.Total, plan.Draft?.Number,
        plan.Versions.OrderBy(v => v.Number).Select(PlanVersionResponse.Of).ToList());
}

/// <summary>
/// The annual plans (kế hoạch khuyến công năm): one per year and funding source, compiled from the proposals of the
/// year's calls (of the whole year when it had no call) ranked by their appraisal, approved by a decision, revised as
/// new versions. Every role that reads the reports reads them; officers compile and approve.
/// </summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/plans").WithTags("Plans").RequireAuthorization(Policies.Read, Policies.Report);
        group.MapGet("/", List).WithName("ListPlans");
        group.MapGet("/{planYear:int}/{fundingSource}", Get).WithName("GetPlan").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Compile).WithName("CompilePlan").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/{fundingSource}/versions/{number:int}/approve", Approve).WithName("ApprovePlanVersion")
            .RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    /// <summary>The plans of a year (or all), each with its versions.</summary>
    internal static async Task<Results<Ok<List<PlanResponse>>, ValidationProblem>> List(ProposalsDbContext db, CancellationToken cancellationToken, int? year = null)
    {
        var validation = new RequestValidation().Expect(year is null or >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "year",
            $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => year == null || p.PlanYear == year)
            .OrderByDescending(p => p.PlanYear).ThenBy(p => p.FundingSource).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(plans.Select(PlanResponse.Of).ToList());
    }

    /// <summary>The plan of a year and source with every version.</summary>
    internal static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> Get(int planYear, FundingSource fundingSource, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.AnnualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.PlanYear == planYear && p.FundingSource == fundingSource, cancellationToken);
        return plan is null ? NotFound(planYear) : TypedResults.Ok(PlanResponse.Of(plan));
    }

    /// <summary>Compiles the draft version of the plan of a year and source from its proposals as they stand.</summary>
    internal static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> Compile(
        CompilePlanRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.FundingSource is not null, "fundingSource", "is required: National or Local.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FundingSource))}.")
            .Expect(request.PlanYear is >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "planYear",
                $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.")
            .Check(request.Reason is null || request.Reason.Length <= 1000, "reason", "At most 1000 characters.", "Tối đa 1000 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var year = request.PlanYear!.Value;
        var source = request.FundingSource!.Value;
        return await db.RunAsync<Ok<PlanResponse>>(async ct =>
        {
            var plan = await LockAsync(db, year, source, ct);
            if (plan is null)
            {
                plan = AnnualPlan.Open(year, source, time.GetUtcNow());
                db.AnnualPlans.Add(plan);
            }
            else
            {
                db.Touch(plan);
            }
            plan.Compile(await CandidatesAsync(db, year, source, ct), string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
                time.GetUtcNow(), Actor.NameOf(user));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(PlanResponse.Of(plan));
        }, cancellationToken);
    }

    /// <summary>
    /// Approves a version by a decision, under the plan's row lock: of two approvals at once one wins and the other is
    /// refused (409), while the same decision sent again answers the plan unchanged. The approval publishes
    /// <see cref="AnnualPlanApproved"/> through the outbox in the same transaction, once per version.
    /// </summary>
    internal static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        int planYear, FundingSource fundingSource, int number, ApprovePlanRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .RecordDate(request.DecisionDate, "decisionDate");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Ok<PlanResponse>>(async ct =>
        {
            var plan = await LockAsync(db, planYear, fundingSource, ct);
            if (plan is null)
            {
                return NotFound(planYear);
            }
            if (plan.Approve(number, request.DecisionNumber!.Trim(), request.DecisionDate!.Value, time.GetUtcNow(), Actor.NameOf(user)))
            {
                db.AddIntegrationEvent(Approved(plan, plan.Versions.Single(v => v.Number == number)), ApprovedMessageIdOf(plan.Id, number));
                db.Touch(plan);
                await db.SaveChangesAsync(ct);
            }
            return TypedResults.Ok(PlanResponse.Of(plan));
        }, cancellationToken);
    }

    /// <summary>The plan of a year and source under its row lock for the rest of the transaction; null when none is compiled.</summary>
    private static async Task<AnnualPlan?> LockAsync(ProposalsDbContext db, int planYear, FundingSource source, CancellationToken cancellationToken)
    {
        var sourceName = source.ToString();
        var ids = await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM annual_plans WHERE plan_year = {planYear} AND funding_source = {sourceName} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : await db.AnnualPlans.SingleAsync(p => p.Id == ids[0], cancellationToken);
    }

    /// <summary>
    /// The proposals of the year's calls for the source (of the whole year and source when it had no call), each with its
    /// unit's priority and opinion from the unit's consolidation of its call, when that was sent.
    /// </summary>
    private static async Task<List<PlanCandidate>> CandidatesAsync(ProposalsDbContext db, int planYear, FundingSource source, CancellationToken cancellationToken)
    {
        var calls = await db.RegistrationCalls.AsNoTracking().Where(c => c.PlanYear == planYear && c.FundingSource == source).Select(c => c.Id)
            .ToListAsync(cancellationToken);
        // A pilot proposal of an earlier year that runs into this one is in this year's plan too, for this year's share.
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.FundingSource == source
                        && (p.PlanYear == planYear && (calls.Count == 0 || (p.CallId != null && calls.Contains(p.CallId.Value)))
                            || p.PlanYear < planYear && p.Pilot != null && p.Pilot.EndYear >= planYear))
            .ToListAsync(cancellationToken);
        // The units' consolidations as sent: a proposal not in its unit's sent one carries no priority or opinion.
        var sent = calls.Count == 0
            ? []
            : await db.UnitConsolidations.AsNoTracking().Where(c => calls.Contains(c.CallId) && c.Status == UnitConsolidationStatus.Sent)
                .ToListAsync(cancellationToken);
        var assessed = sent.SelectMany(c => c.Items.Select(i => (Key: (c.CallId, c.UnitCode, i.ProposalId), Item: i)))
            .ToDictionary(e => e.Key, e => e.Item);
        return proposals.Select(p =>
        {
            var unit = p.CallId is { } callId ? assessed.GetValueOrDefault((callId, p.AdministrativeUnitCode, p.Id)) : null;
            return new PlanCandidate(
                p.Id, p.Code, p.Title, p.ContentGroup, p.District, p.Status, p.Approval?.AppraisalScore ?? p.CurrentAppraisal?.AverageScore,
                p.CurrentAppraisal?.Recommendation, YearShare(p, planYear, p.Budget.StateSupport),
                p.Approval is { } approval ? YearShare(p, planYear, approval.ApprovedSupport) : null, p.Pilot, unit?.Priority, unit?.Opinion);
        }).ToList();
    }

    /// <summary>What of <paramref name="support"/> falls in <paramref name="planYear"/>: a pilot's share of that year, else all of it.</summary>
    private static long YearShare(Proposal p, int planYear, long support) => p.Pilot?.ShareOf(planYear, support) ?? support;

    /// <summary>The id of a version's AnnualPlanApproved: the same version always yields the same message id.</summary>
    public static Guid ApprovedMessageIdOf(Guid planId, int number) => NameBasedId.Of($"khuyencong:proposals:plan-approved:{planId:D}:{number}");

    /// <summary>The approved version as Reporting takes it: each item with the support planned for it in the year.</summary>
    internal static AnnualPlanApproved Approved(AnnualPlan plan, PlanVersion version) => new()
    {
        PlanId = plan.Id,
        PlanYear = plan.PlanYear,
        FundingSource = (Contracts.FundingSource)plan.FundingSource,
        VersionNumber = version.Number,
        DecisionNumber = version.DecisionNumber!,
        DecisionDate = version.DecisionDate!.Value,
        ApprovedAt = version.ApprovedAt!.Value,
        Items =
        [
            .. version.Items.Select(i => new AnnualPlanItem
            {
                ProposalId = i.ProposalId,
                Code = i.Code,
                ContentGroup = (Contracts.ContentGroup)i.ContentGroup,
                District = i.District,
                PlannedSupport = i.Amount,
            }),
        ],
        ActedBy = version.ApprovedBy,
    };

    private static ProblemHttpResult NotFound(int planYear) =>
        ApiProblems.NotFound("Plan", $"No plan is compiled for {planYear} and this funding source.", $"Chưa lập kế hoạch năm {planYear} cho nguồn kinh phí này.");
}

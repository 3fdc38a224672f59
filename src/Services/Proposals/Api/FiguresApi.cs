using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using F = KhuyenCong.Contracts.Reconciliation.ReconciledFigures.Proposals;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// The proposal figures Reporting reconciles its read models against, from this service's own tables and
/// with the definitions of Reporting's proposal projection: a proposal counts in its plan year; money
/// over approved, outcomes over accepted proposals that were not cancelled; advances and refunds over every proposal.
/// </summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapProposalFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/proposals/figures", Figures).WithTags("Proposals").WithName("GetProposalFigures")
            .RequireAuthorization(Policies.Read, Policies.Admin);
        return app;
    }

    internal static async Task<Results<Ok<OwnerFigures>, ValidationProblem>> Figures(
        ProposalsDbContext db, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation().PlanYears(fromYear, toYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.PlanYear >= fromYear && p.PlanYear <= toYear)
            .Select(p => new
            {
                p.PlanYear,
                Cancelled = p.Status == ProposalStatus.Cancelled,
                ApprovedSupport = p.Approval != null ? p.Approval.ApprovedSupport : (long?)null,
                p.Budget.StateSupport,
                p.Budget.OwnCapital,
                p.Budget.OtherSources,
                SupportUsedAtAcceptance = p.Acceptance != null ? p.Acceptance.ActualSupportUsed : (long?)null,
                SettledSupport = p.Settlement != null ? p.Settlement.SettledSupport : (long?)null,
                Settled = p.Settlement != null,
                AdvancesPaid = p.Payments.Where(x => x.Kind == PaymentKind.Advance).Sum(x => x.Amount),
                Refunded = p.Refunds.Sum(r => r.Amount),
            })
            .ToListAsync(cancellationToken);

        var values = new List<YearFigure>();
        foreach (var p in proposals)
        {
            void Add(string figure, long value) => values.Add(new YearFigure(figure, p.PlanYear, value));
            if (p.ApprovedSupport is { } approvedSupport && !p.Cancelled)
            {
                Add(F.Approved, 1);
                Add(F.TotalBudget, p.StateSupport + p.OwnCapital + p.OtherSources);
                Add(F.ApprovedSupport, approvedSupport);
                Add(F.OwnCapital, p.OwnCapital);
                Add(F.OtherSources, p.OtherSources);
            }
            if (p.SupportUsedAtAcceptance is { } supportUsed && !p.Cancelled)
            {
                Add(F.Accepted, 1);
                Add(F.SupportUsed, p.SettledSupport ?? supportUsed);
            }
            Add(F.AdvancesPaid, p.AdvancesPaid);
            Add(F.Refunded, p.Refunded);
            if (!p.Settled)
            {
                Add(F.AdvancesOutstanding, p.AdvancesPaid - p.Refunded);
            }
        }
        var envelopes = await db.BudgetEnvelopes.AsNoTracking()
            .Where(e => e.PlanYear >= fromYear && e.PlanYear <= toYear)
            .ToListAsync(cancellationToken);
        values.AddRange(envelopes.Select(e => new YearFigure(F.Allocated, e.PlanYear, e.Allocated)));
        var plans = await db.AnnualPlans.AsNoTracking()
            .Where(p => p.PlanYear >= fromYear && p.PlanYear <= toYear)
            .ToListAsync(cancellationToken);
        values.AddRange(plans.Where(p => p.Current is not null).Select(p => new YearFigure(F.Planned, p.PlanYear, p.Current!.Total)));
        var nationalLists = await db.NationalSubmissions.AsNoTracking()
            .Where(s => s.PlanYear >= fromYear && s.PlanYear <= toYear && s.Status != NationalSubmissionStatus.Preparing)
            .ToListAsync(cancellationToken);
        values.AddRange(nationalLists.Select(s => new YearFigure(F.NationalRequested, s.PlanYear, s.RequestedTotal)));
        values.AddRange(nationalLists.Select(s => new YearFigure(F.NationalApproved, s.PlanYear, s.ApprovedTotal)));
        return TypedResults.Ok(OwnerFigures.For(fromYear!.Value, toYear!.Value, F.All, values));
    }
}

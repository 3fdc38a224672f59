using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Api;

/// <summary>The programme's headline figures over approved proposals, by plan year.</summary>
public sealed record ProgrammeSummary(
    int? FromYear,
    int? ToYear,
    int Proposals,
    long TotalBudget,
    long StateSupport,
    long OwnCapital,
    long OtherSources,
    decimal? Leverage,
    string LeverageText);

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/summary", Summary).WithName("GetProgrammeSummary");
        return app;
    }

    internal static async Task<Results<Ok<ProgrammeSummary>, ValidationProblem>> Summary(
        ReportingDbContext db, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation()
            .Check(fromYear is null || toYear is null || fromYear <= toYear, "fromYear", "'fromYear' must not be after 'toYear'.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");
        }

        var approved = db.ProposalFacts.AsNoTracking().Where(f => f.Stage == ProposalStage.Approved);
        if (fromYear is not null)
        {
            approved = approved.Where(f => f.PlanYear >= fromYear);
        }
        if (toYear is not null)
        {
            approved = approved.Where(f => f.PlanYear <= toYear);
        }

        var totals = await approved
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                TotalBudget = g.Sum(f => f.TotalBudget),
                StateSupport = g.Sum(f => f.ApprovedSupport ?? 0),
                OwnCapital = g.Sum(f => f.OwnCapital),
                OtherSources = g.Sum(f => f.OtherSources),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var leverage = totals is null ? null : Leverage.Of(totals.OwnCapital, totals.StateSupport);
        return TypedResults.Ok(new ProgrammeSummary(
            fromYear, toYear,
            totals?.Count ?? 0, totals?.TotalBudget ?? 0, totals?.StateSupport ?? 0, totals?.OwnCapital ?? 0, totals?.OtherSources ?? 0,
            leverage, Leverage.Describe(leverage)));
    }
}

using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using F = KhuyenCong.Contracts.Reconciliation.ReconciledFigures.Fairs;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// The fair figures Reporting reconciles its read models against, with the definitions of its fairs
/// projection: a fair counts in the year it starts, once an outcome is recorded for it and never once
/// cancelled; its figures are those of its participants, the registrations with booths allocated.
/// </summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapFairFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fairs/figures", Figures).WithTags("Fairs").WithName("GetFairFigures")
            .RequireAuthorization(Policies.Read, Policies.Admin);
        return app;
    }

    internal static async Task<Results<Ok<OwnerFigures>, ValidationProblem>> Figures(
        FairsDbContext db, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation().PlanYears(fromYear, toYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var from = new DateOnly(fromYear!.Value, 1, 1);
        var to = new DateOnly(toYear!.Value, 12, 31);
        var participants = await db.Fairs.AsNoTracking()
            .Where(f => f.StartDate >= from && f.StartDate <= to && f.Status != FairStatus.Cancelled && f.Registrations.Any(r => r.Outcome != null))
            .SelectMany(f => f.Registrations.Where(r => r.BoothsAllocated > 0), (f, r) => new
            {
                f.Id,
                f.StartDate.Year,
                r.BoothsAllocated,
                r.Support,
                ContractsSigned = r.Outcome != null ? r.Outcome.ContractsSigned : 0,
                ContractValue = r.Outcome != null ? r.Outcome.ContractValue : 0,
                Sales = r.Outcome != null ? r.Outcome.Sales : 0,
                Visitors = r.Outcome != null ? r.Outcome.Visitors : 0,
            })
            .ToListAsync(cancellationToken);

        var values = new List<YearFigure>();
        foreach (var fair in participants.GroupBy(p => (p.Id, p.Year)))
        {
            void Add(string figure, long value) => values.Add(new YearFigure(figure, fair.Key.Year, value));
            Add(F.Held, 1);
            Add(F.Booths, fair.Sum(p => p.BoothsAllocated));
            Add(F.Contracts, fair.Sum(p => p.ContractsSigned));
            Add(F.ContractValue, fair.Sum(p => p.ContractValue));
            Add(F.Sales, fair.Sum(p => p.Sales));
            Add(F.Visitors, fair.Sum(p => p.Visitors));
            Add(F.Support, fair.Sum(p => p.Support));
        }
        return TypedResults.Ok(OwnerFigures.For(fromYear.Value, toYear.Value, F.All, values));
    }
}

using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Data;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using F = KhuyenCong.Contracts.Reconciliation.ReconciledFigures.Products;

namespace KhuyenCong.Products.Api;

/// <summary>
/// The certificate figures Reporting reconciles its read models against, with the definitions of its
/// products report: a certificate counts in its competition year; valid means neither revoked nor
/// expired, and not past its expiry date on today's date in the province (the date Reporting measures against).
/// </summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapProductFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/figures", Figures).WithTags("Certificates").WithName("GetProductFigures")
            .RequireAuthorization(Policies.Read, Policies.Admin);
        return app;
    }

    internal static async Task<Results<Ok<OwnerFigures>, ValidationProblem>> Figures(
        ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation().PlanYears(fromYear, toYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var today = ProvinceCalendar.Today(time);
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.CompetitionYear >= fromYear && c.CompetitionYear <= toYear)
            .Select(c => new
            {
                c.CompetitionYear,
                Revoked = c.RevokedOn != null,
                Valid = c.RevokedOn == null && c.ExpiredAt == null && c.ExpiresOn >= today,
            })
            .ToListAsync(cancellationToken);

        var values = new List<YearFigure>();
        foreach (var c in certificates)
        {
            values.Add(new YearFigure(F.Recognised, c.CompetitionYear, 1));
            values.Add(new YearFigure(F.Valid, c.CompetitionYear, c.Valid ? 1 : 0));
            values.Add(new YearFigure(F.Revoked, c.CompetitionYear, c.Revoked ? 1 : 0));
        }
        return TypedResults.Ok(OwnerFigures.For(fromYear!.Value, toYear!.Value, F.All, values));
    }
}

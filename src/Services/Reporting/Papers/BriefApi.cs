using System.Security.Claims;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Platform.Time;
using KhuyenCong.Reporting.Api;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Reports;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Reporting.Papers;

/// <summary>The leaders' one-page brief of a period as PDF; a district officer's is of its district.</summary>
public static class BriefApi
{
    public static IEndpointRouteBuilder MapBriefApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/brief", Brief).WithName("PrintLeadersBrief").WithTags("Reports").RequireAuthorization(Policies.Report)
            .ProducesPaper().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>
    /// The leaders' brief (báo cáo tóm tắt) of the years <c>fromYear</c>–<c>toYear</c>: proposals, money and leverage,
    /// jobs and wages, trainees, fairs and products, and the year-by-year table, on one page.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Brief(
        ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, PaperIssuer issuer, HttpContext http, CancellationToken cancellationToken,
        int? fromYear = null, int? toYear = null)
    {
        var request = await YearsInScope.ReadAsync(user, fromYear, toYear, db, cancellationToken);
        if (request.Invalid is { } invalid)
        {
            return invalid;
        }
        if (request.Refusal is { } refusal)
        {
            return refusal;
        }
        var filter = request.Filter!;
        var parameters = ReportsApi.Parameters(time);
        var figures = new BriefFigures(
            await ReportCatalog.Proposals.RunAsync(db, filter, [], parameters, cancellationToken),
            await ReportCatalog.Outcomes.RunAsync(db, filter, [], parameters, cancellationToken),
            await ReportCatalog.Training.RunAsync(db, filter, [], parameters, cancellationToken),
            await ReportCatalog.Fairs.RunAsync(db, filter, [], parameters, cancellationToken),
            await ReportCatalog.Products.RunAsync(db, filter, [], parameters, cancellationToken),
            await ReportCatalog.Proposals.RunAsync(db, filter, ["year"], parameters, cancellationToken));
        var name = (fromYear, toYear) switch
        {
            (int from, int to) => $"bao-cao-tom-tat-{from}-{to}.pdf",
            _ => "bao-cao-tom-tat.pdf",
        };
        return PaperHttp.Inline(http, ReportPapers.Brief(figures, issuer, ProvinceCalendar.Today(time)), name);
    }
}

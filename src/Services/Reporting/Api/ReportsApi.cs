using System.Security.Claims;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Platform.Time;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Papers;
using KhuyenCong.Reporting.Projections;
using KhuyenCong.Reporting.Reports;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Reporting.Api;

/// <summary>The programme's headline figures over approved proposals, by plan year (and district, for a district officer).</summary>
public sealed record ProgrammeSummary(
    int? FromYear,
    int? ToYear,
    int Proposals,
    long TotalBudget,
    long StateSupport,
    long OwnCapital,
    long OtherSources,
    decimal? Leverage,
    string LeverageText,
    string? District = null);

public static class ReportsApi
{
    private const int ExpiringWithinDays = 90;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // Leaders, the Centre and district officers read the programme's figures (a district officer those of
        // its district, see ReportScope); only the Centre rebuilds them.
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Report);
        group.MapGet("/summary", Summary).WithName("GetProgrammeSummary");
        foreach (var report in ReportCatalog.All)
        {
            group.MapGet($"/{report.Name}", (
                    [AsParameters] ReportRequest request, ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, PaperIssuer issuer, HttpContext http,
                    CancellationToken cancellationToken) =>
                    Report(report, request, user, db, time, issuer, http, cancellationToken))
                .WithName($"Get{string.Concat(report.Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}Report")
                .WithDescription($"{report.Title}. Group by any of: {string.Join(", ", report.Dimensions.Select(d => d.Name))}; format=json|xlsx|csv|pdf.")
                .Produces(StatusCodes.Status200OK, contentType: ReportExport.XlsxContentType)
                .Produces(StatusCodes.Status200OK, contentType: "text/csv")
                .Produces(StatusCodes.Status200OK, typeof(Stream), PaperHttp.ContentType)
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }
        group.MapGet("/periods", Periods).WithName("GetPeriodReport")
            .Produces(StatusCodes.Status200OK, contentType: ReportExport.XlsxContentType);
        group.MapPost("/admin/rebuild", Rebuild).WithName("RebuildReadModels").RequireAuthorization(Policies.Manage);
        return app;
    }

    internal static async Task<Results<Ok<ProgrammeSummary>, ValidationProblem, ProblemHttpResult>> Summary(
        ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
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
        var table = await ReportCatalog.Proposals.RunAsync(db, filter, [], Parameters(time), cancellationToken);
        var total = table.Total.Figures;
        return TypedResults.Ok(new ProgrammeSummary(
            fromYear, toYear,
            (int)(long)total["approved"]!, (long)total["totalBudget"]!, (long)total["stateSupport"]!,
            (long)total["ownCapital"]!, (long)total["otherSources"]!,
            (decimal?)total["leverage"], (string)total["leverageText"]!, filter.District));
    }

    internal static async Task<Results<Ok<ReportTable>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(
        ReportDefinition report, ReportRequest request, ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, PaperIssuer issuer, HttpContext http,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var (filter, groupBy, format) = ReportRequestParsing.Parse(request, report, validation);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var (district, refusal) = await ReportScope.DistrictOfAsync(user, filter.District, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        // Filtered in the database, so the rows and the totals are of the caller's district only.
        filter = filter with { District = district };
        var table = await report.RunAsync(db, filter, groupBy, Parameters(time), cancellationToken);
        var headers = groupBy.Select(name => (name, report.Dimension(name)!.Header)).ToList();
        return format switch
        {
            ReportFormat.Xlsx => TypedResults.File(ReportExport.Xlsx(table, headers), ReportExport.XlsxContentType, $"bao-cao-{report.Name}.xlsx"),
            ReportFormat.Csv => TypedResults.File(ReportExport.Csv(table, headers), ReportExport.CsvContentType, $"bao-cao-{report.Name}.csv"),
            ReportFormat.Pdf => PaperHttp.Inline(http, ReportPapers.Table(table, headers, issuer, ProvinceCalendar.Today(time)), $"bao-cao-{report.Name}.pdf"),
            _ => TypedResults.Ok(table),
        };
    }

    internal static async Task<Results<Ok<PeriodReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Periods(
        ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, CancellationToken cancellationToken, string? format = null)
    {
        var validation = new RequestValidation()
            .Expect(format is null || format.Equals("json", StringComparison.OrdinalIgnoreCase) || format.Equals("xlsx", StringComparison.OrdinalIgnoreCase),
                "format", "must be json or xlsx.",
                "phải là json hoặc xlsx.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var (district, refusal) = await ReportScope.DistrictOfAsync(user, null, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var report = await PeriodReports.RunAsync(db, district, Parameters(time), cancellationToken);
        return format is not null && format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(PeriodReports.Xlsx(report), ReportExport.XlsxContentType, "bao-cao-giai-doan.xlsx")
            : TypedResults.Ok(report);
    }

    /// <summary>Empties the read models and replays the event ledger into them (also a command on the reporting resource in the dashboard).</summary>
    internal static async Task<Ok<RebuildResult>> Rebuild(ReportingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LedgerReplay.RebuildAsync(db, cancellationToken));

    /// <summary>The dates reports measure due, overdue and expiring against: calendar days in the province, whatever the server's time zone.</summary>
    internal static Dictionary<string, object> Parameters(TimeProvider time)
    {
        var today = ProvinceCalendar.Today(time);
        return new() { ["today"] = today, ["soon"] = today.AddDays(ExpiringWithinDays) };
    }
}

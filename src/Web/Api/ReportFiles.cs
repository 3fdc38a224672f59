using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Report exports downloaded through the web app: the browser holds no token, so this endpoint asks the
/// Reporting service for the file with the signed-in user's token and hands it on.
/// </summary>
public static class ReportFiles
{
    public const string Path = "/reports/export";

    public static IEndpointRouteBuilder MapReportFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{report}}", ExportAsync).RequireAuthorization(Policies.Report).ExcludeFromDescription();
        return app;
    }

    /// <summary>The address of a report's file in the given format (xlsx, csv, or pdf to print).</summary>
    public static string Link(ReportKind report, ReportQuery query, string format) => $"{Path}/{report.Name}{report.QueryOf(query, format)}";

    private static async Task<IResult> ExportAsync(string report, HttpRequest request, ReportsClient reports, CancellationToken cancellationToken)
    {
        var kind = ReportKind.Named(report);
        var format = request.Query["format"].ToString();
        if (kind is not { Exports: true } || !(format == "xlsx" || (format is "csv" or "pdf" && kind.ExportsCsv)))
        {
            return TypedResults.NotFound();
        }
        var query = new ReportQuery
        {
            FromYear = int.TryParse(request.Query["fromYear"], out var from) ? from : null,
            ToYear = int.TryParse(request.Query["toYear"], out var to) ? to : null,
            FundingSource = Enum.TryParse<FundingSource>(request.Query["fundingSource"], out var source) ? source : null,
            ContentGroup = int.TryParse(request.Query["contentGroup"], out var group) ? group : null,
            District = request.Query["district"].ToString() is { Length: > 0 } district ? district : null,
            Sector = Enum.TryParse<Sector>(request.Query["sector"], out var sector) ? sector : null,
            GroupBy = [.. request.Query["groupBy"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
        var file = await reports.ExportAsync(kind, query, format, cancellationToken);
        return format == "pdf" ? PaperFiles.Inline(request.HttpContext, file) : file.ToDownload();
    }
}

using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The report to the Ministry as a download from the web app, as the other reports' files are: the browser
/// follows a plain link and the web app fetches the spreadsheet from Reporting with the signed-in user's token.
/// </summary>
public static class MinistryReportFiles
{
    public const string Path = "/reports/ministry.xlsx";

    public static IEndpointRouteBuilder MapMinistryReportFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Report).ExcludeFromDescription();
        return app;
    }

    public static string Link(int? year, string period, FundingSource? source) =>
        Path + Query.Of(("year", year), ("period", period), ("source", source));

    private static async Task<IResult> ExportAsync(HttpRequest request, ReportsClient reports, CancellationToken cancellationToken) =>
        (await reports.MinistryExportAsync(
            int.TryParse(request.Query["year"], out var year) ? year : null,
            request.Query["period"].ToString(),
            Enum.TryParse<FundingSource>(request.Query["source"], out var source) ? source : null,
            cancellationToken)).ToDownload();
}

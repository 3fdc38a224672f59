namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Reporting service's reports and their exports (<c>/api/reports</c>).</summary>
public sealed class ReportsClient(GatewayClient gateway)
{
    private const string Root = "/api/reports";

    /// <summary>The programme's headline figures over the given years (every year when none is given).</summary>
    public Task<ApiResult<ProgrammeSummary>> SummaryAsync(int? fromYear, int? toYear, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<ProgrammeSummary>($"{Root}/{ReportKind.Summary}" + Query.Of(("fromYear", fromYear), ("toYear", toYear)), cancellationToken);

    public Task<ApiResult<PeriodReport>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PeriodReport>($"{Root}/{ReportKind.Periods}", cancellationToken);

    /// <summary>A report's table, grouped and filtered as the query says.</summary>
    public Task<ApiResult<ReportTable>> TableAsync(ReportKind report, ReportQuery query, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<ReportTable>($"{Root}/{report.Name}{report.QueryOf(query)}", cancellationToken);

    /// <summary>The report to the Ministry of a plan year and period (q1…q4, h1, year) as the spreadsheet to sign and send.</summary>
    public Task<ApiResult<DownloadedFile>> MinistryExportAsync(int? year, string? period, FundingSource? source, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"{Root}/ministry" + Query.Of(("year", year), ("period", period), ("source", source), ("format", "xlsx")), cancellationToken);

    /// <summary>A report's file (xlsx or csv), as the service names it.</summary>
    public Task<ApiResult<DownloadedFile>> ExportAsync(ReportKind report, ReportQuery query, string format, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync(report.Name == ReportKind.Periods
            ? $"{Root}/{ReportKind.Periods}" + Query.Of(("format", format))
            : $"{Root}/{report.Name}{report.QueryOf(query, format)}", cancellationToken);
}

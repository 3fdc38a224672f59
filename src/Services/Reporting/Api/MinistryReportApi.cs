using System.Security.Claims;
using KhuyenCong.Contracts;
using KhuyenCong.Platform.Time;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Reports;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Reporting.Api;

/// <summary>
/// The Department's quarterly, half-year and annual reports on the khuyến công plan's execution (Circular
/// 36/2013, Article 21.5), as JSON or as the spreadsheet to sign and send (format=xlsx), like the other reports.
/// </summary>
public static class MinistryReportApi
{
    public static IEndpointRouteBuilder MapMinistryReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Report)
            .MapGet("/ministry", Get).WithName("GetMinistryReport")
            .WithDescription("Plan versus actual by funding source, content group and district, cumulative from 1 January to the period's end, "
                + "with the summary of the year's national proposals. period=q1|q2|q3|q4|h1|year; source=National|Local; format=json|xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: ReportExport.XlsxContentType);
        return app;
    }

    /// <summary>The report to the Ministry of a plan year and period; the whole province's, so for leaders and the Centre.</summary>
    internal static async Task<Results<Ok<MinistryReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        ClaimsPrincipal user, ReportingDbContext db, TimeProvider time, IOptions<MinistryReportSettings> settings, CancellationToken cancellationToken,
        int? year = null, string? period = null, string? source = null, string? format = null)
    {
        var validation = new RequestValidation()
            .Expect(year is >= 2000 and <= 2100, "year", "is required: a year between 2000 and 2100.",
                "là bắt buộc: năm từ 2000 đến 2100.");
        var parsedPeriod = Parse<MinistryPeriod>(period);
        validation.Expect(parsedPeriod is not null, "period", "is required: q1, q2, q3, q4, h1 or year.",
            "là bắt buộc: q1, q2, q3, q4 (quý), h1 (6 tháng) hoặc year (năm).");
        var parsedSource = Parse<FundingSource>(source);
        validation.Expect(source is null || parsedSource is not null, "source", "must be National or Local.",
            $"không hợp lệ; {InputBounds.VietnameseChoice(typeof(FundingSource))}.");
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        validation.Expect(format is null || xlsx || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase),
            "format", "must be json or xlsx.", "phải là json hoặc xlsx.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (!user.Scope().CanSeeEverything)
        {
            return ApiProblems.OutOfScope("The report to the Ministry covers the whole province; it is for leaders and the Centre.",
                "Báo cáo gửi Bộ bao quát cả tỉnh; chỉ dành cho lãnh đạo và Trung tâm.");
        }
        var report = await MinistryReports.RunAsync(db, year!.Value, parsedPeriod!.Value, parsedSource, settings.Value,
            ProvinceCalendar.Today(time), cancellationToken);
        return xlsx
            ? TypedResults.File(MinistryReportExport.Xlsx(report), ReportExport.XlsxContentType,
                $"bao-cao-bo-cong-thuong-{report.Year}-{report.Period.ToString().ToLowerInvariant()}.xlsx")
            : TypedResults.Ok(report);
    }

    /// <summary>A name of the enumeration, in any case; numbers and lists are refused (Enum.TryParse would take "99" and "q1,h1").</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        value is null ? null
        : Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<TEnum>(name)
        : null;
}

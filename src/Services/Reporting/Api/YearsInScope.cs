using System.Security.Claims;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Reports;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Reporting.Api;

/// <summary>
/// A request for the figures of the years <c>fromYear</c>–<c>toYear</c> as the caller may read them: the filter of
/// those years in the caller's district (<see cref="ReportScope"/>), or why it cannot be answered (<see cref="Invalid"/>
/// when the years are out of order, <see cref="Refusal"/> when the caller may not read the figures).
/// </summary>
internal sealed record YearsInScope(ReportFilter? Filter, ValidationProblem? Invalid, ProblemHttpResult? Refusal)
{
    public static async Task<YearsInScope> ReadAsync(
        ClaimsPrincipal user, int? fromYear, int? toYear, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(fromYear is null || toYear is null || fromYear <= toYear, "fromYear", "must not be after the last year.",
                "không được sau năm cuối.");
        if (!validation.IsValid)
        {
            return new YearsInScope(null, ApiProblems.Invalid(validation), null);
        }
        var (district, refusal) = await ReportScope.DistrictOfAsync(user, null, db, cancellationToken);
        return refusal is not null
            ? new YearsInScope(null, null, refusal)
            : new YearsInScope(new ReportFilter(fromYear, toYear, District: district), null, null);
    }
}

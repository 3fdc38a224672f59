using System.Security.Claims;
using KhuyenCong.Reporting.Data;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Api;

/// <summary>
/// Which part of the programme's figures a caller reads: leaders, the Centre and administrators the whole
/// province; a district officer its own district only. The read models hold figures by district (the
/// finest area they keep), so a district officer's unit is placed in its district by this service's copy
/// of the registry (the district of the unit's establishments), or else by the district of its account.
/// </summary>
internal static class ReportScope
{
    /// <summary>
    /// The district the caller's figures are limited to (null: the whole province), or the refusal for a
    /// caller who asks for another district or whose unit cannot be placed in one.
    /// </summary>
    public static async Task<(string? District, ProblemHttpResult? Refusal)> DistrictOfAsync(
        ClaimsPrincipal user, string? requested, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var scope = user.Scope();
        if (scope.CanSeeEverything)
        {
            return (requested, null);
        }
        var own = scope.IsDistrictOfficer ? await OwnDistrictAsync(scope, db, cancellationToken) : null;
        if (own is null)
        {
            return (null, scope.IsDistrictOfficer
                ? ApiProblems.OutOfScope(
                    $"Your administrative unit ({scope.UnitCode}) is not placed in a district the reports know; ask an administrator to set the district of your account.",
                    $"Đơn vị hành chính của bạn ({scope.UnitCode}) chưa được xếp vào huyện nào trong báo cáo; đề nghị quản trị viên ghi huyện cho tài khoản của bạn.")
                : ApiProblems.OutOfScope("Reports are for leaders, the Centre and district officers.",
                    "Báo cáo dành cho lãnh đạo, cán bộ Trung tâm và cán bộ cấp huyện."));
        }
        if (requested is not null && !string.Equals(requested, own, StringComparison.Ordinal))
        {
            return (null, ApiProblems.OutOfScope($"You read the figures of your own district ({own}) only.",
                $"Bạn chỉ được xem số liệu của huyện mình ({own})."));
        }
        return (own, null);
    }

    private static async Task<string?> OwnDistrictAsync(UserScope scope, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var unitCode = scope.UnitCode;
        var placed = unitCode is null
            ? []
            : await db.Establishments.AsNoTracking()
                .Where(e => e.AdministrativeUnitCode == unitCode && e.District != "")
                .Select(e => e.District).Distinct().ToListAsync(cancellationToken);
        var claimed = string.IsNullOrWhiteSpace(scope.District) ? null : scope.District.Trim();
        return placed.Count switch
        {
            1 => placed[0],
            0 => claimed,
            // A unit the registry places in several districts: only the account's own district settles it.
            _ => claimed is not null && placed.Contains(claimed) ? claimed : null,
        };
    }
}

using System.Security.Claims;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// Which registrations the caller may see or file. A fair and its totals are for every signed-in role;
/// a registration concerns one establishment, so an establishment user sees its own (by tax code) and a
/// district officer those of the establishments in its administrative unit, as this service's copy of
/// the registry places them.
/// </summary>
internal static class RegistrationScope
{
    /// <summary>The fair's registrations within the caller's scope, in allocation order.</summary>
    public static async Task<IReadOnlyList<RegistrationSummary>> VisibleAsync(Fair fair, FairServices s)
    {
        var all = RegistrationSummary.AllOf(fair, s.English);
        var scope = await EstablishmentScope.OfAsync(s.User.Scope(), s.Db.Establishments, s.CancellationToken);
        return scope.IsEverything ? all : all.Where(r => scope.Covers(r.EstablishmentTaxCode)).ToList();
    }

    /// <summary>
    /// Whether the caller may see the contact person of a registration it can see: the Centre's officers and
    /// administrators, and a scoped user (establishment, district officer), who sees only registrations
    /// within its scope. Leaders and appraisers read every registration but not its personal data.
    /// </summary>
    public static bool MaySeeContacts(ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Admin) || user.IsInRole(PlatformRoles.Officer) || !user.Scope().CanSeeEverything;

    /// <summary>The answer to a scoped user who sets what only the Centre's officers record.</summary>
    public static ProblemHttpResult OfficersOnly(string detail, string vietnamese) => ApiProblems.Refused(
        StatusCodes.Status403Forbidden, "officers-only", ("Only the Centre's officers record this.", "Chỉ cán bộ Trung tâm mới ghi việc này."),
        detail, vietnamese);
}

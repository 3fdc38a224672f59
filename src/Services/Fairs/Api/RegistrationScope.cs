using KhuyenCong.Fairs.Domain;
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
        var all = RegistrationSummary.AllOf(fair);
        var scope = s.User.Scope();
        if (scope.CanSeeEverything)
        {
            return all;
        }
        var units = await UnitsOfAsync(fair.Registrations.Select(r => r.EstablishmentId).ToList(), scope, s);
        var visible = fair.Registrations
            .Where(r => scope.Covers(r.TaxCode, units.GetValueOrDefault(r.EstablishmentId)))
            .Select(r => r.Id)
            .ToHashSet();
        return all.Where(r => visible.Contains(r.Id)).ToList();
    }

    /// <summary>The answer to a scoped user who sets what only the Centre's officers record.</summary>
    public static ProblemHttpResult OfficersOnly(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        type: "/errors/officers-only",
        title: "Only the Centre's officers record this.",
        detail: detail);

    private static async Task<Dictionary<Guid, string>> UnitsOfAsync(List<Guid> establishmentIds, UserScope scope, FairServices s) =>
        scope.IsDistrictOfficer && establishmentIds.Count > 0
            ? await s.Db.Establishments.AsNoTracking()
                .Where(e => establishmentIds.Contains(e.EstablishmentId))
                .ToDictionaryAsync(e => e.EstablishmentId, e => e.AdministrativeUnitCode, s.CancellationToken)
            : [];
}

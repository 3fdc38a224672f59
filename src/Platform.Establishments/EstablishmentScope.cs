using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Establishments;

/// <summary>
/// Which establishments' records a signed-in user may see and act for, placed by a service's copy of the
/// registry (<see cref="KnownEstablishment"/>): an establishment its own tax code; a district officer the
/// establishments whose administrative unit is its unit; every other role everything.
/// </summary>
public sealed class EstablishmentScope
{
    private readonly HashSet<string>? _taxCodes;

    private EstablishmentScope(HashSet<string>? taxCodes) => _taxCodes = taxCodes;

    /// <summary>Whether the user sees every establishment's records.</summary>
    public bool IsEverything => _taxCodes is null;

    /// <summary>The tax codes within the scope; empty for a scoped user with none, and unused when <see cref="IsEverything"/>.</summary>
    public IReadOnlyCollection<string> TaxCodes => (IReadOnlyCollection<string>?)_taxCodes ?? [];

    public bool Covers(string taxCode) => _taxCodes is null || _taxCodes.Contains(taxCode);

    /// <summary>Reads the user's scope, looking up the establishments of a district officer's unit.</summary>
    public static async Task<EstablishmentScope> OfAsync(UserScope scope, IQueryable<KnownEstablishment> known, CancellationToken cancellationToken)
    {
        if (scope.CanSeeEverything)
        {
            return new EstablishmentScope(null);
        }
        var taxCodes = new HashSet<string>(StringComparer.Ordinal);
        if (scope.IsEstablishment && !string.IsNullOrEmpty(scope.TaxCode))
        {
            taxCodes.Add(scope.TaxCode);
        }
        if (scope.IsDistrictOfficer && !string.IsNullOrEmpty(scope.UnitCode))
        {
            taxCodes.UnionWith(await known.AsNoTracking()
                .Where(e => e.AdministrativeUnitCode == scope.UnitCode)
                .Select(e => e.TaxCode)
                .ToListAsync(cancellationToken));
        }
        return new EstablishmentScope(taxCodes);
    }

    /// <summary>
    /// Whether a record of the establishment is within the user's scope, looking up only that
    /// establishment's unit (for a single record or a filing, rather than the whole unit's list).
    /// </summary>
    public static async Task<bool> CoversAsync(UserScope scope, string taxCode, IQueryable<KnownEstablishment> known, CancellationToken cancellationToken)
    {
        if (scope.Covers(taxCode, null))
        {
            return true;
        }
        if (!scope.IsDistrictOfficer)
        {
            return false;
        }
        var unitCode = await known.AsNoTracking()
            .Where(e => e.TaxCode == taxCode)
            .Select(e => e.AdministrativeUnitCode)
            .SingleOrDefaultAsync(cancellationToken);
        return scope.Covers(taxCode, unitCode);
    }
}

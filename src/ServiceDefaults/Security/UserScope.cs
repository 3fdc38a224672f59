using System.Security.Claims;

namespace KhuyenCong.ServiceDefaults.Security;

/// <summary>
/// What part of the data a signed-in user may see, read from the claims of their access token:
/// everything, one administrative unit (district officer) or one establishment (tax code).
/// </summary>
public sealed record UserScope
{
    private UserScope(bool isEstablishment, string? taxCode, bool isDistrictOfficer, string? unitCode, string? district, bool canSeeEverything)
    {
        IsEstablishment = isEstablishment;
        TaxCode = taxCode;
        IsDistrictOfficer = isDistrictOfficer;
        UnitCode = unitCode;
        District = district;
        CanSeeEverything = canSeeEverything;
    }

    public bool IsEstablishment { get; }
    public string? TaxCode { get; }
    public bool IsDistrictOfficer { get; }
    public string? UnitCode { get; }
    public string? District { get; }

    /// <summary>Admin, Officer, Appraiser and Leader see every record; a scoped role never does, even beside another role.</summary>
    public bool CanSeeEverything { get; }

    /// <summary>Whether a record of the establishment (tax code) in the administrative unit is within this scope.</summary>
    public bool Covers(string? taxCode, string? unitCode) =>
        CanSeeEverything
        || (IsEstablishment && TaxCode is not null && string.Equals(TaxCode, taxCode, StringComparison.Ordinal))
        || (IsDistrictOfficer && UnitCode is not null && string.Equals(UnitCode, unitCode, StringComparison.Ordinal));

    /// <summary>Whether a record concerning any of the establishments (tax codes) or the unit is within this scope.</summary>
    public bool CoversAny(IEnumerable<string> taxCodes, string? unitCode) =>
        CanSeeEverything
        || (IsEstablishment && TaxCode is not null && taxCodes.Contains(TaxCode, StringComparer.Ordinal))
        || (IsDistrictOfficer && UnitCode is not null && string.Equals(UnitCode, unitCode, StringComparison.Ordinal));

    public static UserScope Of(ClaimsPrincipal user)
    {
        var isEstablishment = user.IsInRole(PlatformRoles.Establishment);
        var isDistrictOfficer = user.IsInRole(PlatformRoles.DistrictOfficer);
        var unscoped = new[] { PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Appraiser, PlatformRoles.Leader }.Any(user.IsInRole);
        return new UserScope(
            isEstablishment,
            isEstablishment ? user.FindFirst(PlatformClaims.TaxCode)?.Value : null,
            isDistrictOfficer,
            isDistrictOfficer ? user.FindFirst(PlatformClaims.UnitCode)?.Value : null,
            isDistrictOfficer ? user.FindFirst(PlatformClaims.District)?.Value : null,
            unscoped && !isEstablishment && !isDistrictOfficer);
    }
}

public static class UserScopeExtensions
{
    public static UserScope Scope(this ClaimsPrincipal user) => UserScope.Of(user);
}

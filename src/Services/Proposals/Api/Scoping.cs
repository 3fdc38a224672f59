using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// What part of the registry and the proposals a signed-in user sees: everything, the establishment of
/// its tax code (Establishment), or the records of its administrative unit (District officer).
/// </summary>
internal static class Scoping
{
    public static IQueryable<Proposal> Within(this IQueryable<Proposal> proposals, UserScope scope)
    {
        if (scope.CanSeeEverything)
        {
            return proposals;
        }
        var taxCode = scope.IsEstablishment ? scope.TaxCode : null;
        var unitCode = scope.IsDistrictOfficer ? scope.UnitCode : null;
        return proposals.Where(p =>
            (taxCode != null && p.Beneficiaries.Any(b => b.TaxCode == taxCode))
            || (unitCode != null && p.AdministrativeUnitCode == unitCode));
    }

    public static IQueryable<Establishment> Within(this IQueryable<Establishment> establishments, UserScope scope)
    {
        if (scope.CanSeeEverything)
        {
            return establishments;
        }
        var taxCode = scope.IsEstablishment ? scope.TaxCode : null;
        var unitCode = scope.IsDistrictOfficer ? scope.UnitCode : null;
        return establishments.Where(e =>
            (taxCode != null && e.TaxCode == taxCode)
            || (unitCode != null && e.AdministrativeUnitCode == unitCode));
    }

    /// <summary>Why a proposal drafted as requested would fall outside the user's scope; null when it is within.</summary>
    public static string? RefusalOf(UserScope scope, UpdateProposalRequest request)
    {
        var taxCodes = request.BeneficiaryTaxCodes?.Select(t => t.Trim()) ?? [];
        return scope.CoversAny(taxCodes, request.AdministrativeUnitCode?.Trim())
            ? null
            : scope.IsEstablishment
                ? $"A proposal you file must name your establishment ({scope.TaxCode}) among its beneficiaries."
                : $"A proposal you file must be for your administrative unit ({scope.UnitCode}).";
    }

    /// <summary>Why registering or changing the establishment as requested would fall outside the user's scope; null when it is within.</summary>
    public static string? RefusalOf(UserScope scope, EstablishmentRequest request) =>
        scope.Covers(request.TaxCode?.Trim(), request.AdministrativeUnitCode?.Trim())
            ? null
            : scope.IsEstablishment
                ? $"You act for the establishment with tax code {scope.TaxCode} only."
                : $"You act for establishments of the administrative unit {scope.UnitCode} only.";
}

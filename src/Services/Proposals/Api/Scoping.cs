using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
    public static ProblemHttpResult? RefusalOf(UserScope scope, UpdateProposalRequest request)
    {
        var taxCodes = request.BeneficiaryTaxCodes?.Select(t => t.Trim()) ?? [];
        return scope.CoversAny(taxCodes, request.AdministrativeUnitCode?.Trim())
            ? null
            : scope.IsEstablishment
                ? ApiProblems.OutOfScope($"A proposal you file must name your establishment ({scope.TaxCode}) among its beneficiaries.",
                    $"Đề án bạn lập phải nêu cơ sở của bạn (mã số thuế {scope.TaxCode}) trong số đơn vị thụ hưởng.")
                : ApiProblems.OutOfScope($"A proposal you file must be for your administrative unit ({scope.UnitCode}).",
                    $"Đề án bạn lập phải thuộc đơn vị hành chính của bạn ({scope.UnitCode}).");
    }

    /// <summary>Why registering or changing the establishment as requested would fall outside the user's scope; null when it is within.</summary>
    public static ProblemHttpResult? RefusalOf(UserScope scope, EstablishmentRequest request) =>
        scope.Covers(request.TaxCode?.Trim(), request.AdministrativeUnitCode?.Trim())
            ? null
            : scope.IsEstablishment
                ? ApiProblems.OutOfScope($"You act for the establishment with tax code {scope.TaxCode} only.",
                    $"Bạn chỉ được đại diện cho cơ sở có mã số thuế {scope.TaxCode}.")
                : ApiProblems.OutOfScope($"You act for establishments of the administrative unit {scope.UnitCode} only.",
                    $"Bạn chỉ được đại diện cho các cơ sở thuộc đơn vị hành chính {scope.UnitCode}.");

    /// <summary>
    /// Whether every beneficiary a scoped user names lies within its scope: an establishment names only
    /// itself, a district officer only registered establishments of its unit. Anyone else may name any
    /// registered establishment (the registry check follows).
    /// </summary>
    public static Task<bool> MayNameBeneficiariesAsync(UserScope scope, UpdateProposalRequest request, ProposalsDbContext db, CancellationToken cancellationToken) =>
        CoversAllAsync(scope, request.BeneficiaryTaxCodes!.Select(c => c.Trim()), db, cancellationToken);

    /// <summary>
    /// Whether a scoped user may change the proposal as it stands: only when all its beneficiaries lie
    /// within its scope. A proposal that also names establishments beyond it (added by a Centre officer,
    /// or stored before beneficiaries were scoped) is changed by a Centre officer, so an establishment
    /// named without its consent gains no say over another's proposal.
    /// </summary>
    public static Task<bool> MayChangeAsync(UserScope scope, Proposal proposal, ProposalsDbContext db, CancellationToken cancellationToken) =>
        CoversAllAsync(scope, proposal.Beneficiaries.Select(b => b.TaxCode), db, cancellationToken);

    /// <summary>Whether every one of the tax codes lies within the user's scope (true for an empty list: nothing to refuse).</summary>
    public static async Task<bool> CoversAllAsync(UserScope scope, IEnumerable<string> taxCodes, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        if (scope.CanSeeEverything)
        {
            return true;
        }
        var codes = taxCodes.Distinct(StringComparer.Ordinal).ToList();
        if (scope.IsEstablishment)
        {
            return scope.TaxCode is not null && codes.All(c => string.Equals(c, scope.TaxCode, StringComparison.Ordinal));
        }
        if (!scope.IsDistrictOfficer || scope.UnitCode is null)
        {
            return false;
        }
        var unitCode = scope.UnitCode;
        var inUnit = await db.Establishments.AsNoTracking()
            .CountAsync(e => codes.Contains(e.TaxCode) && e.AdministrativeUnitCode == unitCode, cancellationToken);
        return inUnit == codes.Count;
    }

    /// <summary>
    /// 422 to a scoped user naming a beneficiary outside its scope. The answer is the same whether the
    /// tax code is registered elsewhere or not registered at all, so it tells nothing about the registry;
    /// it names only the caller's own scope and who may add another establishment.
    /// </summary>
    public static ProblemHttpResult BeneficiaryOutOfScope(UserScope scope, HttpContext http)
    {
        var english = PlatformProblems.PrefersEnglish(http);
        var detail = scope.IsEstablishment
            ? english
                ? $"You may name only your own establishment (tax code {scope.TaxCode}) as a beneficiary. Another establishment can be added as a co-beneficiary only by a Centre officer: ask the Centre to add it to the proposal."
                : $"Bạn chỉ được nêu cơ sở của mình (mã số thuế {scope.TaxCode}) làm đơn vị thụ hưởng. Cơ sở khác chỉ có thể được cán bộ Trung tâm thêm vào làm đơn vị cùng thụ hưởng: đề nghị Trung tâm thêm cơ sở đó vào đề án."
            : english
                ? $"You may name as beneficiaries only registered establishments of your administrative unit ({scope.UnitCode}). Any other establishment can be added only by a Centre officer: ask the Centre to add it to the proposal."
                : $"Bạn chỉ được nêu các cơ sở đã đăng ký thuộc đơn vị hành chính của mình ({scope.UnitCode}) làm đơn vị thụ hưởng. Cơ sở khác chỉ có thể được cán bộ Trung tâm thêm vào: đề nghị Trung tâm thêm cơ sở đó vào đề án.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: "/errors/beneficiary-out-of-scope",
            title: "The rules refuse this.",
            detail: detail);
    }

    /// <summary>422 to a scoped user changing a proposal that also names establishments beyond its scope.</summary>
    public static ProblemHttpResult ProposalBeyondScope(HttpContext http) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        type: "/errors/beneficiary-out-of-scope",
        title: "The rules refuse this.",
        detail: PlatformProblems.PrefersEnglish(http)
            ? "This proposal also names establishments outside the establishment or unit you act for; only a Centre officer may change it. Ask the Centre to make the change."
            : "Đề án này có cả cơ sở nằm ngoài cơ sở hoặc đơn vị bạn được phép đại diện; chỉ cán bộ Trung tâm mới được sửa. Đề nghị Trung tâm thực hiện thay đổi.");
}

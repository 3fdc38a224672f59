using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Commands;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

public sealed record AdministrativeUnitResponse(
    string Code, string Name, AdministrativeUnitKind Kind, string? FormerDistrictCode, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsPriorityArea)
{
    public static AdministrativeUnitResponse From(AdministrativeUnit u) =>
        new(u.Code, u.Name, u.Kind, u.FormerDistrictCode, u.ValidFrom, u.ValidTo, u.IsPriorityArea);
}

public sealed record AdministrativeUnitRequest(
    string? Name, AdministrativeUnitKind? Kind, string? FormerDistrictCode, DateOnly? ValidFrom, DateOnly? ValidTo, bool? IsPriorityArea);

public sealed record SupportNormRequest(
    FundingSource? FundingSource, int? ContentGroup, SupportActivity? Activity, DateOnly? EffectiveFrom,
    decimal? ShareOfCost, long? Cap, decimal? PriorityMultiplier, string? LegalBasis);

public sealed record SupportNormResponse(
    Guid Id, FundingSource FundingSource, int ContentGroup, SupportActivity? Activity, DateOnly EffectiveFrom,
    decimal? ShareOfCost, long? Cap, decimal PriorityMultiplier, string LegalBasis)
{
    public static SupportNormResponse From(SupportNorm n) =>
        new(n.Id, n.FundingSource, n.ContentGroup, n.Activity, n.EffectiveFrom, n.ShareOfCost, n.Cap, n.PriorityMultiplier, n.LegalBasis);
}

/// <summary>Reference data the rules read: administrative units with their validity, and the versioned support norms.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        // Every signed-in role reads the reference data; the Centre keeps it.
        var group = app.MapGroup("/api/reference").WithTags("Reference data").RequireAuthorization(Policies.Read);
        group.MapGet("/administrative-units", ListUnits).WithName("ListAdministrativeUnits");
        group.MapPut("/administrative-units/{code}", PutUnit).WithName("PutAdministrativeUnit").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapGet("/support-norms", ListNorms).WithName("ListSupportNorms");
        group.MapPost("/support-norms", AddNorm).WithName("AddSupportNorm").RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    internal static async Task<Ok<List<AdministrativeUnitResponse>>> ListUnits(
        ProposalsDbContext db, CancellationToken cancellationToken, DateOnly? validOn = null, AdministrativeUnitKind? kind = null)
    {
        var units = await db.AdministrativeUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(units
            .Where(u => validOn is null || u.IsValidOn(validOn.Value))
            .Where(u => kind is null || u.Kind == kind)
            .Select(AdministrativeUnitResponse.From).ToList());
    }

    /// <summary>Adds a unit or changes its name, end date or priority-area flag (a unit's kind and start are fixed once created).</summary>
    internal static async Task<Results<Ok<AdministrativeUnitResponse>, Created<AdministrativeUnitResponse>, ValidationProblem, ProblemHttpResult>> PutUnit(
        string code, AdministrativeUnitRequest request, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(code.Length <= 64 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "code",
                "A unit code is lower-case ASCII letters, digits and hyphens (p-bai-chay), at most 64 characters.")
            .Required(request.Name, "name", 100)
            .Check(request.Kind is not null, "kind", "'kind' is required.")
            .RecordDate(request.ValidFrom, "validFrom", required: false)
            .RecordDate(request.ValidTo, "validTo", required: false);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (await db.AdministrativeUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            var changed = await db.ChangeAsync(code,
                ct => db.AdministrativeUnits.SingleOrDefaultAsync(u => u.Code == code, ct),
                unit => unit.Update(request.Name!.Trim(), request.ValidTo, request.IsPriorityArea ?? unit.IsPriorityArea),
                unit => TypedResults.Ok(AdministrativeUnitResponse.From(unit)),
                () => ApiProblems.NotFound("Administrative unit", $"There is no administrative unit {code}."),
                cancellationToken);
            return changed.Result switch
            {
                Ok<AdministrativeUnitResponse> ok => ok,
                ValidationProblem invalid => invalid,
                _ => (ProblemHttpResult)changed.Result,
            };
        }
        // A unit added by another request meanwhile takes the code first: 409 /errors/duplicate.
        var created = await db.RunAsync<Created<AdministrativeUnitResponse>>(async ct =>
        {
            if (request.FormerDistrictCode is { } former && !await db.AdministrativeUnits.AnyAsync(u => u.Code == former, ct))
            {
                throw new ProposalRuleException("unknown-administrative-unit", RuleKind.Unprocessable, $"'{former}' is not an administrative unit.");
            }
            var unit = AdministrativeUnit.Create(code, request.Name!.Trim(), request.Kind!.Value, request.FormerDistrictCode,
                request.ValidFrom, request.ValidTo, request.IsPriorityArea ?? false);
            db.AdministrativeUnits.Add(unit);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/reference/administrative-units/{code}", AdministrativeUnitResponse.From(unit));
        }, cancellationToken);
        return created.Result switch
        {
            Created<AdministrativeUnitResponse> ok => ok,
            ValidationProblem invalid => invalid,
            _ => (ProblemHttpResult)created.Result,
        };
    }

    internal static async Task<Ok<List<SupportNormResponse>>> ListNorms(
        ProposalsDbContext db, CancellationToken cancellationToken,
        FundingSource? fundingSource = null, int? contentGroup = null, DateOnly? inForceOn = null)
    {
        var norms = await db.SupportNorms.AsNoTracking().ToListAsync(cancellationToken);
        var selected = norms
            .Where(n => fundingSource is null || n.FundingSource == fundingSource)
            .Where(n => contentGroup is null || n.ContentGroup == contentGroup);
        if (inForceOn is { } day)
        {
            // Of each (source, group, activity) only the version in force that day.
            selected = selected.Where(n => n.EffectiveFrom <= day)
                .GroupBy(n => (n.FundingSource, n.ContentGroup, n.Activity))
                .Select(g => g.MaxBy(n => n.EffectiveFrom)!);
        }
        return TypedResults.Ok(selected
            .OrderBy(n => n.FundingSource).ThenBy(n => n.ContentGroup).ThenBy(n => n.Activity).ThenBy(n => n.EffectiveFrom)
            .Select(SupportNormResponse.From).ToList());
    }

    /// <summary>Adds a version of a norm. It governs approvals decided on or after its effective date; earlier approvals keep their norm.</summary>
    internal static async Task<Results<Created<SupportNormResponse>, ValidationProblem, ProblemHttpResult>> AddNorm(
        SupportNormRequest request, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(request.FundingSource is not null, "fundingSource", "'fundingSource' is required: National or Local.")
            .Check(request.ContentGroup is >= 1 and <= 9, "contentGroup", "'contentGroup' is 1 to 9.")
            .RecordDate(request.EffectiveFrom, "effectiveFrom")
            .Check(request.ShareOfCost is not null || request.Cap is not null, "cap", "A norm sets a share of cost, a cap, or both.")
            .OptionalMoney(request.Cap, "cap")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<SupportNormResponse>>(async ct =>
        {
            var norm = SupportNorm.Create(Guid.CreateVersion7(), request.FundingSource!.Value, request.ContentGroup!.Value, request.Activity,
                request.EffectiveFrom!.Value, request.ShareOfCost, request.Cap, request.PriorityMultiplier ?? 1.5m, request.LegalBasis!.Trim());
            if (await db.SupportNorms.AnyAsync(n => n.FundingSource == norm.FundingSource && n.ContentGroup == norm.ContentGroup
                    && n.Activity == norm.Activity && n.EffectiveFrom == norm.EffectiveFrom, ct))
            {
                return ApiProblems.Conflict("duplicate-norm",
                    $"A norm for {norm.FundingSource} content group {norm.ContentGroup} {norm.Activity} effective {norm.EffectiveFrom:yyyy-MM-dd} already exists.");
            }
            db.SupportNorms.Add(norm);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/reference/support-norms?fundingSource={norm.FundingSource}&contentGroup={norm.ContentGroup}", SupportNormResponse.From(norm));
        }, cancellationToken);
    }
}

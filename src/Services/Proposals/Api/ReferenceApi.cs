using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportActivity = KhuyenCong.Contracts.SupportActivity;

namespace KhuyenCong.Proposals.Api;

public sealed record PriorityAreaStatusResponse(int FromYear, bool IsPriorityArea, string LegalBasis, string RecordedBy);

/// <summary>A unit; <c>isPriorityArea</c> is its status in <c>year</c> (the year asked for, else this year), <c>priorityStatuses</c> its history.</summary>
public sealed record AdministrativeUnitResponse(
    string Code, string Name, AdministrativeUnitKind Kind, string? FormerDistrictCode, DateOnly? ValidFrom, DateOnly? ValidTo,
    int Year, bool IsPriorityArea, IReadOnlyList<PriorityAreaStatusResponse> PriorityStatuses)
{
    public static AdministrativeUnitResponse From(AdministrativeUnit u, int year) =>
        new(u.Code, u.Name, u.Kind, u.FormerDistrictCode, u.ValidFrom, u.ValidTo, year, u.IsPriorityAreaIn(year),
            u.PriorityStatuses.OrderBy(s => s.FromYear).Select(s => new PriorityAreaStatusResponse(s.FromYear, s.IsPriorityArea, s.LegalBasis, s.RecordedBy)).ToList());
}

/// <summary>A unit's name, kind and validity. Its priority-area status is recorded by year through <c>priority-statuses</c>, with its basis.</summary>
public sealed record AdministrativeUnitRequest(
    string? Name, AdministrativeUnitKind? Kind, string? FormerDistrictCode, DateOnly? ValidFrom, DateOnly? ValidTo, bool? IsPriorityArea);

/// <summary>From which plan year a unit is (or stops being) a priority area, and the decision that says so.</summary>
public sealed record PriorityAreaStatusRequest(int? FromYear, bool? IsPriorityArea, string? LegalBasis);

public sealed record SupportNormRequest(
    FundingSource? FundingSource, int? ContentGroup, SupportActivity? Activity, DateOnly? EffectiveFrom,
    decimal? ShareOfCost, long? Cap, decimal? PriorityMultiplier, string? LegalBasis, NormUnit? Unit = null);

public sealed record SupportNormResponse(
    Guid Id, FundingSource FundingSource, int ContentGroup, SupportActivity? Activity, DateOnly EffectiveFrom,
    decimal? ShareOfCost, long? Cap, NormUnit Unit, decimal PriorityMultiplier, string LegalBasis)
{
    public static SupportNormResponse From(SupportNorm n) =>
        new(n.Id, n.FundingSource, n.ContentGroup, n.Activity, n.EffectiveFrom, n.ShareOfCost, n.Cap, n.Unit, n.PriorityMultiplier, n.LegalBasis);
}

public sealed record ManagementCostNormRequest(DateOnly? EffectiveFrom, decimal? MaxShare, string? LegalBasis);

public sealed record ManagementCostNormResponse(Guid Id, DateOnly EffectiveFrom, decimal MaxShare, string LegalBasis)
{
    public static ManagementCostNormResponse From(ManagementCostNorm n) => new(n.Id, n.EffectiveFrom, n.MaxShare, n.LegalBasis);
}

/// <summary>An advance rate: for an activity (none: the default), from a day, with an optional progress condition on further advances.</summary>
public sealed record AdvanceRateRequest(SupportActivity? Activity, DateOnly? EffectiveFrom, decimal? Share, int? MinProgressPercent, string? LegalBasis);

public sealed record AdvanceRateResponse(Guid Id, SupportActivity? Activity, DateOnly EffectiveFrom, decimal Share, int? MinProgressPercent, string LegalBasis)
{
    public static AdvanceRateResponse From(AdvanceRate r) => new(r.Id, r.Activity, r.EffectiveFrom, r.Share, r.MinProgressPercent, r.LegalBasis);
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
        group.MapPost("/support-norms", AddNorm).WithName("AddSupportNorm").RequireAuthorization(Policies.Admin).ProducesRefusals();
        group.MapPost("/administrative-units/{code}/priority-statuses", AddPriorityStatus).WithName("AddPriorityAreaStatus")
            .RequireAuthorization(Policies.Admin).ProducesRefusals();
        group.MapGet("/management-cost-norms", ListManagementCostNorms).WithName("ListManagementCostNorms");
        group.MapPost("/management-cost-norms", AddManagementCostNorm).WithName("AddManagementCostNorm").RequireAuthorization(Policies.Admin).ProducesRefusals();
        group.MapGet("/advance-rates", ListAdvanceRates).WithName("ListAdvanceRates");
        group.MapPost("/advance-rates", AddAdvanceRate).WithName("AddAdvanceRate").RequireAuthorization(Policies.Admin).ProducesRefusals();
        return app;
    }

    internal static async Task<Ok<List<AdministrativeUnitResponse>>> ListUnits(
        ProposalsDbContext db, TimeProvider time, CancellationToken cancellationToken, DateOnly? validOn = null, AdministrativeUnitKind? kind = null, int? year = null)
    {
        var units = await db.AdministrativeUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        var statusYear = year ?? validOn?.Year ?? ProvinceCalendar.Today(time).Year;
        return TypedResults.Ok(units
            .Where(u => validOn is null || u.IsValidOn(validOn.Value))
            .Where(u => kind is null || u.Kind == kind)
            .Select(u => AdministrativeUnitResponse.From(u, statusYear)).ToList());
    }

    /// <summary>Records from which plan year a unit is, or stops being, a priority area, with the decision that says so.</summary>
    internal static async Task<Results<Created<AdministrativeUnitResponse>, ValidationProblem, ProblemHttpResult>> AddPriorityStatus(
        string code, PriorityAreaStatusRequest request, ProposalsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.FromYear is >= 2000 and <= 2100, "fromYear", "is a plan year between 2000 and 2100.",
                "là năm kế hoạch từ 2000 đến 2100.")
            .Expect(request.IsPriorityArea is not null, "isPriorityArea", "is required (true or false).",
                "là bắt buộc (có hoặc không).")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var changed = await db.ChangeAsync(code,
            ct => db.AdministrativeUnits.SingleOrDefaultAsync(u => u.Code == code, ct),
            unit => unit.SetPriorityArea(request.FromYear!.Value, request.IsPriorityArea!.Value, request.LegalBasis!.Trim(), Actor.NameOf(user)),
            unit => TypedResults.Created($"/api/reference/administrative-units?year={request.FromYear}", AdministrativeUnitResponse.From(unit, request.FromYear!.Value)),
            () => ApiProblems.NotFound("Administrative unit", $"There is no administrative unit {code}.", $"Không có đơn vị hành chính mã {code}."),
            cancellationToken);
        return changed.Result switch
        {
            Created<AdministrativeUnitResponse> ok => ok,
            ValidationProblem invalid => invalid,
            _ => (ProblemHttpResult)changed.Result,
        };
    }

    /// <summary>Adds a unit or changes its name, end date or priority-area flag (a unit's kind and start are fixed once created).</summary>
    internal static async Task<Results<Ok<AdministrativeUnitResponse>, Created<AdministrativeUnitResponse>, ValidationProblem, ProblemHttpResult>> PutUnit(
        string code, AdministrativeUnitRequest request, ProposalsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var year = ProvinceCalendar.Today(time).Year;
        var validation = new RequestValidation()
            .Check(code.Length <= 64 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "code",
                "A unit code is lower-case ASCII letters, digits and hyphens (p-bai-chay), at most 64 characters.",
                "Mã đơn vị gồm chữ thường ASCII, chữ số và gạch ngang (p-bai-chay), tối đa 64 ký tự.")
            .Required(request.Name, "name", 100)
            .Expect(request.Kind is not null, "kind", "is required.", "là bắt buộc.")
            .RecordDate(request.ValidFrom, "validFrom", required: false)
            .RecordDate(request.ValidTo, "validTo", required: false)
            .Check(request.IsPriorityArea is null, "isPriorityArea",
                "A unit's priority-area status is kept by plan year with its basis: POST /api/reference/administrative-units/{code}/priority-statuses.",
                "Tình trạng địa bàn ưu tiên của đơn vị được ghi riêng theo từng năm kế hoạch, kèm căn cứ.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (await db.AdministrativeUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            var changed = await db.ChangeAsync(code,
                ct => db.AdministrativeUnits.SingleOrDefaultAsync(u => u.Code == code, ct),
                unit => unit.Update(request.Name!.Trim(), request.ValidTo),
                unit => TypedResults.Ok(AdministrativeUnitResponse.From(unit, year)),
                () => ApiProblems.NotFound("Administrative unit", $"There is no administrative unit {code}.", $"Không có đơn vị hành chính mã {code}."),
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
                throw new ProposalRuleException("unknown-administrative-unit", RuleKind.Unprocessable, $"'{former}' is not an administrative unit.")
                {
                    Vietnamese = $"'{former}' không phải là đơn vị hành chính.",
                };
            }
            var unit = AdministrativeUnit.Create(code, request.Name!.Trim(), request.Kind!.Value, request.FormerDistrictCode,
                request.ValidFrom, request.ValidTo);
            db.AdministrativeUnits.Add(unit);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/reference/administrative-units/{code}", AdministrativeUnitResponse.From(unit, year));
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
            .Expect(request.FundingSource is not null, "fundingSource", "is required: National or Local.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FundingSource))}.")
            .Expect(request.ContentGroup is >= 1 and <= 9, "contentGroup", "is 1 to 9.", "từ 1 đến 9.")
            .RecordDate(request.EffectiveFrom, "effectiveFrom")
            .Check(request.ShareOfCost is not null || request.Cap is not null, "cap", "A norm sets a share of cost, a cap, or both.",
                "Định mức quy định tỷ lệ chi phí, mức tối đa, hoặc cả hai.")
            .Expect(request.Activity is null || request.Activity.Value.IsDefined(), "activity", "is not a support activity.",
                "không phải là hoạt động hỗ trợ.")
            .Check(request.Cap is null || request.Unit is not null, "unit", "A cap is counted per a unit (Facility, Model, Fair...): the unit is required with a cap.",
                "Mức hỗ trợ tối đa được tính theo một đơn vị (cơ sở, mô hình, hội chợ...): đơn vị tính là bắt buộc khi có mức tối đa.")
            .Expect(request.Unit is null || Enum.IsDefined(request.Unit.Value), "unit", "is not a unit a cap is counted per.",
                "không phải là đơn vị tính mức tối đa.")
            .OptionalMoney(request.Cap, "cap")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<SupportNormResponse>>(async ct =>
        {
            var norm = SupportNorm.Create(Guid.CreateVersion7(), request.FundingSource!.Value, request.ContentGroup!.Value, request.Activity,
                request.EffectiveFrom!.Value, request.ShareOfCost, request.Cap, request.Unit ?? NormUnit.Proposal, request.PriorityMultiplier ?? 1.5m,
                request.LegalBasis!.Trim());
            if (await db.SupportNorms.AnyAsync(n => n.FundingSource == norm.FundingSource && n.ContentGroup == norm.ContentGroup
                    && n.Activity == norm.Activity && n.EffectiveFrom == norm.EffectiveFrom, ct))
            {
                return ApiProblems.Conflict("duplicate-norm",
                    $"A norm for {norm.FundingSource} content group {norm.ContentGroup} {norm.Activity} effective {norm.EffectiveFrom:yyyy-MM-dd} already exists.",
                    $"Đã có định mức cùng nguồn kinh phí, nhóm nội dung và hoạt động, hiệu lực từ ngày {norm.EffectiveFrom:dd/MM/yyyy}.");
            }
            db.SupportNorms.Add(norm);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/reference/support-norms?fundingSource={norm.FundingSource}&contentGroup={norm.ContentGroup}", SupportNormResponse.From(norm));
        }, cancellationToken);
    }

    internal static async Task<Ok<List<ManagementCostNormResponse>>> ListManagementCostNorms(ProposalsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ManagementCostNorms.AsNoTracking().OrderBy(n => n.EffectiveFrom).ToListAsync(cancellationToken))
            .Select(ManagementCostNormResponse.From).ToList());

    /// <summary>Adds a version of the management-cost ceiling, for submissions and approvals from its effective date.</summary>
    internal static async Task<Results<Created<ManagementCostNormResponse>, ValidationProblem, ProblemHttpResult>> AddManagementCostNorm(
        ManagementCostNormRequest request, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .RecordDate(request.EffectiveFrom, "effectiveFrom")
            .Expect(request.MaxShare is >= 0 and <= 1, "maxShare", "is a share from 0 to 1 (0.025 is 2.5 %).",
                "là tỷ lệ từ 0 đến 1 (0.025 là 2,5 %).")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<ManagementCostNormResponse>>(async ct =>
        {
            var norm = ManagementCostNorm.Create(Guid.CreateVersion7(), request.EffectiveFrom!.Value, request.MaxShare!.Value, request.LegalBasis!.Trim());
            if (await db.ManagementCostNorms.AnyAsync(n => n.EffectiveFrom == norm.EffectiveFrom, ct))
            {
                return ApiProblems.Conflict("duplicate-norm", $"A management-cost norm effective {norm.EffectiveFrom:yyyy-MM-dd} already exists.",
                    $"Đã có định mức chi quản lý hiệu lực từ ngày {norm.EffectiveFrom:dd/MM/yyyy}.");
            }
            db.ManagementCostNorms.Add(norm);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created("/api/reference/management-cost-norms", ManagementCostNormResponse.From(norm));
        }, cancellationToken);
    }

    internal static async Task<Ok<List<AdvanceRateResponse>>> ListAdvanceRates(ProposalsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.AdvanceRates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.Activity).ThenBy(r => r.EffectiveFrom).Select(AdvanceRateResponse.From).ToList());

    /// <summary>Adds a version of an advance rate: it governs advances paid on or after its effective date.</summary>
    internal static async Task<Results<Created<AdvanceRateResponse>, ValidationProblem, ProblemHttpResult>> AddAdvanceRate(
        AdvanceRateRequest request, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.Activity is null || request.Activity.Value.IsDefined(), "activity", "is not a support activity.",
                "không phải là hoạt động hỗ trợ.")
            .RecordDate(request.EffectiveFrom, "effectiveFrom")
            .Expect(request.Share is > 0 and <= 1, "share", "is above 0 and at most 1 (0.7 is 70 %).",
                "lớn hơn 0 và tối đa là 1 (0.7 là 70 %).")
            .Expect(request.MinProgressPercent is null or (>= 1 and <= 100), "minProgressPercent", "is 1 to 100.",
                "từ 1 đến 100.")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<AdvanceRateResponse>>(async ct =>
        {
            var rate = AdvanceRate.Create(Guid.CreateVersion7(), request.Activity, request.EffectiveFrom!.Value, request.Share!.Value,
                request.MinProgressPercent, request.LegalBasis!.Trim());
            if (await db.AdvanceRates.AnyAsync(r => r.Activity == rate.Activity && r.EffectiveFrom == rate.EffectiveFrom, ct))
            {
                return ApiProblems.Conflict("duplicate-advance-rate",
                    $"An advance rate for {rate.Activity?.ToString() ?? "every activity"} effective {rate.EffectiveFrom:yyyy-MM-dd} already exists.",
                    $"Đã có tỷ lệ tạm ứng cho {(rate.Activity is null ? "mọi hoạt động" : "hoạt động này")} hiệu lực từ ngày {rate.EffectiveFrom:dd/MM/yyyy}.");
            }
            db.AdvanceRates.Add(rate);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created("/api/reference/advance-rates", AdvanceRateResponse.From(rate));
        }, cancellationToken);
    }
}

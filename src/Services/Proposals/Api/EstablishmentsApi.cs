using System.Net.Mail;
using System.Text.RegularExpressions;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>The establishment registry (cơ sở CNNT); other services keep a copy from its events.</summary>
public static partial class EstablishmentsApi
{
    public static IEndpointRouteBuilder MapEstablishmentsApi(this IEndpointRouteBuilder app)
    {
        // Any signed-in role reads (within its scope); the Centre, district officers and establishments register.
        var group = app.MapGroup("/api/establishments").WithTags("Establishments").RequireAuthorization(Policies.Read);
        group.MapPost("/", Register).WithName("RegisterEstablishment").RequireAuthorization(Policies.Propose).ProducesRefusals();
        group.MapGet("/", Search).WithName("SearchEstablishments");
        group.MapGet("/{id:guid}", Get).WithName("GetEstablishment").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).WithName("UpdateEstablishment").RequireAuthorization(Policies.Propose).ProducesRefusals();
        return app;
    }

    [GeneratedRegex(@"^\+?[0-9 .-]{8,20}$")]
    private static partial Regex PhonePattern();

    private static RequestValidation Validate(EstablishmentRequest r) => new RequestValidation()
        .Expect(Establishment.IsTaxCode(r.TaxCode?.Trim()), "taxCode",
            "must be a tax code of 10 digits ending in their check digit, the same with a branch suffix (0101234567-001), " +
            "or a household business number (22A8001234).",
            "phải là mã số thuế 10 chữ số kết thúc bằng chữ số kiểm tra, hoặc kèm mã chi nhánh (0101234567-001), hoặc mã số hộ kinh doanh (22A8001234).")
        .Required(r.Name, "name", 300)
        .Expect(r.Type is not null, "type", $"is required: one of {string.Join(", ", Enum.GetNames<EstablishmentType>())}.",
            $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(EstablishmentType))}.")
        .Expect(r.Sector is not null, "sector", "is required.", "là bắt buộc.")
        .Required(r.AdministrativeUnitCode, "administrativeUnitCode", 64)
        .Required(r.Address, "address")
        .Required(r.Representative, "representative", 200)
        .Expect(r.Phone is null || PhonePattern().IsMatch(r.Phone), "phone", "is a phone number of 8 to 20 digits (spaces, dots and dashes allowed).",
            "là số điện thoại từ 8 đến 20 chữ số (cho phép dấu cách, dấu chấm, gạch ngang).")
        .Expect(r.Email is null || (r.Email.Length <= 254 && MailAddress.TryCreate(r.Email, out _)), "email", "is not an email address.",
            "không phải là địa chỉ thư điện tử.")
        .Expect(r.Employees is >= 0 and <= 1_000_000, "employees", "is required, 0 or more.", "là bắt buộc, từ 0 trở lên.")
        .RecordDate(r.RegisteredOn, "registeredOn", required: false);

    private static EstablishmentDetails DetailsOf(EstablishmentRequest r) => new(
        r.TaxCode!.Trim(), r.Name!.Trim(), r.Type!.Value, r.Sector!.Value, r.Address!.Trim(), r.Representative!.Trim(),
        string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim(), r.Employees!.Value);

    internal static async Task<Results<Created<EstablishmentResponse>, ValidationProblem, ProblemHttpResult>> Register(
        EstablishmentRequest request, ProposalsDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (Scoping.RefusalOf(http.User.Scope(), request) is { } outOfScope)
        {
            return outOfScope;
        }
        var details = DetailsOf(request);
        var now = time.GetUtcNow();
        // Two registrations of one tax code at once: the unique index refuses the later one (409 /errors/duplicate).
        return await db.RunAsync<Created<EstablishmentResponse>>(async ct =>
        {
            if (await db.Establishments.AnyAsync(e => e.TaxCode == details.TaxCode, ct))
            {
                return DuplicateTaxCode(details.TaxCode);
            }
            var unit = await UnitAsync(db, request.AdministrativeUnitCode!, ct);
            var establishment = Establishment.Register(
                details, unit, await db.DistrictNameOfAsync(unit, ct), request.RegisteredOn ?? ProvinceCalendar.DateOf(now), now);
            db.Establishments.Add(establishment);
            db.AddIntegrationEvent(Snapshot(establishment, unit, Actor.NameOf(http.User)));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/establishments/{establishment.Id}", EstablishmentResponse.From(establishment));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<EstablishmentResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, EstablishmentRequest request, ProposalsDbContext db, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var details = DetailsOf(request);
        var now = time.GetUtcNow();
        return await db.RunAsync<Ok<EstablishmentResponse>>(async ct =>
        {
            await db.LockAsync<Establishment>(id, ct);
            var establishment = await db.Establishments.Within(http.User.Scope()).SingleOrDefaultAsync(e => e.Id == id, ct);
            if (establishment is null)
            {
                return NotFound(id);
            }
            if (Scoping.RefusalOf(http.User.Scope(), request) is { } outOfScope)
            {
                return outOfScope;
            }
            if (details.TaxCode != establishment.TaxCode && await db.Establishments.AnyAsync(e => e.TaxCode == details.TaxCode, ct))
            {
                return DuplicateTaxCode(details.TaxCode);
            }
            var unit = await UnitAsync(db, request.AdministrativeUnitCode!, ct);
            establishment.Update(details, unit, await db.DistrictNameOfAsync(unit, ct), ProvinceCalendar.DateOf(now), now);
            db.AddIntegrationEvent(new EstablishmentUpdated(Snapshot(establishment, unit, Actor.NameOf(http.User))));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(EstablishmentResponse.From(establishment));
        }, cancellationToken);
    }

    internal static async Task<Results<Ok<EstablishmentResponse>, ProblemHttpResult>> Get(
        Guid id, ProposalsDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var establishment = await db.Establishments.AsNoTracking().Within(user.Scope()).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return establishment is null ? NotFound(id) : TypedResults.Ok(EstablishmentResponse.From(establishment));
    }

    internal static async Task<Results<Ok<PageOf<EstablishmentResponse>>, ValidationProblem>> Search(
        ProposalsDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken,
        string? q = null, string? taxCode = null, string? district = null, string? administrativeUnitCode = null,
        EstablishmentType? type = null, Contracts.Sector? sector = null,
        EstablishmentSort sort = EstablishmentSort.Name, bool descending = false, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var query = db.Establishments.AsNoTracking().Within(user.Scope());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(e => EF.Functions.ILike(e.Name, pattern) || EF.Functions.ILike(e.TaxCode, pattern));
        }
        if (!string.IsNullOrWhiteSpace(taxCode)) { query = query.Where(e => e.TaxCode == taxCode.Trim()); }
        if (!string.IsNullOrWhiteSpace(district)) { query = query.Where(e => e.District == district.Trim()); }
        if (!string.IsNullOrWhiteSpace(administrativeUnitCode)) { query = query.Where(e => e.AdministrativeUnitCode == administrativeUnitCode.Trim()); }
        if (type is not null) { query = query.Where(e => e.Type == type); }
        if (sector is not null) { query = query.Where(e => e.Sector == sector); }

        var ordered = (sort, descending) switch
        {
            (EstablishmentSort.TaxCode, false) => query.OrderBy(e => e.TaxCode),
            (EstablishmentSort.TaxCode, true) => query.OrderByDescending(e => e.TaxCode),
            (EstablishmentSort.RegisteredOn, false) => query.OrderBy(e => e.RegisteredOn).ThenBy(e => e.TaxCode),
            (EstablishmentSort.RegisteredOn, true) => query.OrderByDescending(e => e.RegisteredOn).ThenBy(e => e.TaxCode),
            (EstablishmentSort.Employees, false) => query.OrderBy(e => e.Employees).ThenBy(e => e.TaxCode),
            (EstablishmentSort.Employees, true) => query.OrderByDescending(e => e.Employees).ThenBy(e => e.TaxCode),
            (_, false) => query.OrderBy(e => e.Name).ThenBy(e => e.TaxCode),
            (_, true) => query.OrderByDescending(e => e.Name).ThenBy(e => e.TaxCode),
        };
        var establishments = await ordered.PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(establishments.Map(EstablishmentResponse.From));
    }

    private static async Task<AdministrativeUnit> UnitAsync(ProposalsDbContext db, string code, CancellationToken cancellationToken) =>
        await db.AdministrativeUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), cancellationToken)
        ?? throw new ProposalRuleException("unknown-administrative-unit", RuleKind.Unprocessable,
            $"'{code}' is not an administrative unit; GET /api/reference/administrative-units lists them.")
        {
            Vietnamese = $"'{code}' không phải là đơn vị hành chính trong danh mục.",
        };

    private static EstablishmentRegistered Snapshot(Establishment e, AdministrativeUnit unit, string actedBy) => new()
    {
        EstablishmentId = e.Id,
        Revision = e.Revision,
        TaxCode = e.TaxCode,
        Name = e.Name,
        Type = e.Type,
        Sector = e.Sector,
        AdministrativeUnitCode = unit.Code,
        AdministrativeUnitName = unit.Name,
        District = e.District,
        IsPriorityArea = e.IsPriorityArea,
        Address = e.Address,
        Representative = e.Representative,
        Phone = e.Phone,
        Email = e.Email,
        Employees = e.Employees,
        OccurredAt = e.UpdatedAt,
        ActedBy = actedBy,
    };

    private static ProblemHttpResult DuplicateTaxCode(string taxCode) =>
        ApiProblems.Conflict("duplicate-tax-code", $"An establishment with tax code {taxCode} is already registered.",
            $"Cơ sở có mã số thuế {taxCode} đã được đăng ký.");

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Establishment", $"There is no establishment with id {id}.", $"Không có cơ sở mã {id}.");
}

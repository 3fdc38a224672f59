using System.Diagnostics;
using System.Security.Claims;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

/// <summary>What every fair command needs, bound from the request's services.</summary>
internal readonly record struct FairServices(FairsDbContext Db, TimeProvider Time, ClaimsPrincipal User, HttpContext Http, CancellationToken CancellationToken)
{
    public DateTimeOffset Now => Time.GetUtcNow();
    /// <summary>The caller asks for English (<c>Accept-Language: en</c>); texts are Vietnamese otherwise.</summary>
    public bool English => PlatformProblems.PrefersEnglish(Http);
    public string Actor => ServiceDefaults.Http.Actor.NameOf(User);
}

public static class FairsApi
{
    public static IEndpointRouteBuilder MapFairsApi(this IEndpointRouteBuilder app)
    {
        // Any signed-in role reads fairs; the Centre's officers run them.
        var group = app.MapGroup("/api/fairs").WithTags("Fairs").RequireAuthorization(Policies.Read);
        group.MapPost("/", Create).WithName("CreateFair").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapGet("/", List).WithName("ListFairs");
        group.MapGet("/{id:guid}", Get).WithName("GetFair").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).WithName("GetFairHistory").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).WithName("UpdateFair").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapPost("/{id:guid}/publish", Publish).WithName("PublishFair").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapPost("/{id:guid}/close-registration", CloseRegistration).WithName("CloseFairRegistration").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapPost("/{id:guid}/allocation", Allocate).WithName("AllocateBooths").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapGet("/{id:guid}/allocation", Allocation).WithName("GetAllocation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/held", MarkHeld).WithName("MarkFairHeld").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapGet("/{id:guid}/outcomes", Outcomes).WithName("GetFairOutcomes").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/close", Close).WithName("CloseFair").ProducesRefusals().RequireAuthorization(Policies.Manage);
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelFair").ProducesRefusals().RequireAuthorization(Policies.Manage);
        return app;
    }

    internal static async Task<Results<Created<FairResponse>, ValidationProblem, ProblemHttpResult>> Create(FairRequest request, [AsParameters] FairServices s)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var norm = await NormInForceAsync(request, s);
        return await s.Db.RunAsync<Created<FairResponse>>(async ct =>
        {
            var fair = Fair.CreateDraft(DetailsOf(request, norm), norm, s.Now, s.Actor);
            s.Db.Fairs.Add(fair);
            s.Db.Record(HistoryEntry.Of(fair.Id, FairHistory.Created, s.User, s.Now));
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/fairs/{fair.Id}", FairResponse.From(fair));
        }, s.CancellationToken);
    }

    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, FairRequest request, [AsParameters] FairServices s)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var norm = await NormInForceAsync(request, s);
        return await s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            var before = FairHistory.Snapshot(f);
            f.Revise(DetailsOf(request, norm), norm);
            var changes = FieldChange.Between(before, FairHistory.Snapshot(f));
            if (changes.Count > 0)
            {
                s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.Revised, s.User, s.Now) with { Changes = changes });
            }
        }, Answer, () => NotFound(id), s.CancellationToken);
    }

    internal static async Task<Results<Ok<PageOf<FairSummary>>, ValidationProblem>> List(
        FairsDbContext db, CancellationToken cancellationToken,
        string? q = null, FairKind? kind = null, FairStatus? status = null, int? year = null, string? province = null, string? country = null,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation()
            .Paging(page, pageSize)
            .RecordDate(from, "from", required: false)
            .RecordDate(to, "to", required: false)
            .Expect(year is null or (>= 1990 and <= 2100), "year", "is a year from 1990 to 2100.", "là năm từ 1990 đến 2100.")
            .Expect(from is null || to is null || from <= to, "to", "is on or after the start of the range.", "phải cùng ngày hoặc sau ngày bắt đầu khoảng tìm.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        var query = db.Fairs.AsNoTracking();
        if (kind is not null) { query = query.Where(f => f.Kind == kind); }
        if (status is not null) { query = query.Where(f => f.Status == status); }
        if (year is not null) { query = query.Where(f => f.StartDate.Year == year); }
        if (!string.IsNullOrWhiteSpace(province)) { query = query.Where(f => f.Province == province.Trim()); }
        if (!string.IsNullOrWhiteSpace(country)) { query = query.Where(f => f.Country == country.Trim()); }
        // A fair is in the period when any of its days are.
        if (from is not null) { query = query.Where(f => f.EndDate >= from); }
        if (to is not null) { query = query.Where(f => f.StartDate <= to); }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(f => EF.Functions.ILike(f.Name, pattern) || EF.Functions.ILike(f.Organiser, pattern) || EF.Functions.ILike(f.Venue, pattern));
        }
        var fairs = await query.OrderByDescending(f => f.StartDate).ThenBy(f => f.Name).ThenBy(f => f.Id)
            .Select(f => new FairSummary(
                f.Id, f.Name, f.Kind, f.Organiser, f.Country, f.Province, f.StartDate, f.EndDate, f.RegistrationDeadline,
                f.BoothCount, f.BoothRent, f.Policy.RentSharePercent, f.Status, f.Registrations.Count))
            .PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(fairs);
    }

    internal static async Task<Results<Ok<FairResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] FairServices s)
    {
        var fair = await FindAsync(id, s, tracking: false);
        return fair is null ? NotFound(id) : TypedResults.Ok(FairResponse.From(fair));
    }

    /// <summary>What was done to a fair, by whom and when: whoever reads the fair reads it; registrations' details only the Centre.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<HistoryEntryResponse>>, ProblemHttpResult>> History(Guid id, [AsParameters] FairServices s)
    {
        if (!await s.Db.Fairs.AnyAsync(f => f.Id == id, s.CancellationToken))
        {
            return NotFound(id);
        }
        return TypedResults.Ok(FairHistory.For(await s.Db.HistoryOfAsync(id, s.CancellationToken), s.User.Scope().CanSeeEverything));
    }

    /// <summary>Opens registration; a publication recorded after the fact gives its day (<c>publishedOn</c>).</summary>
    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> Publish(Guid id, PublishRequest? request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation().RecordDate(request?.PublishedOn, "publishedOn", required: false);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            f.Publish(s.Now, request?.PublishedOn);
            s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.Published, s.User, s.Now) with { OccurredOn = request?.PublishedOn });
            s.Db.AddIntegrationEvent(FairEvents.Scheduled(f, s.Actor));
        }, Answer, () => NotFound(id), s.CancellationToken);
    }

    internal static Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> CloseRegistration(Guid id, [AsParameters] FairServices s) =>
        s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            f.CloseRegistration(s.Now);
            s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.RegistrationClosed, s.User, s.Now) with { Amount = f.Registrations.Count, OccurredOn = ProvinceCalendar.DateOf(s.Now) });
        }, Answer, () => NotFound(id), s.CancellationToken);

    /// <summary>Runs the allocation rule with the registry's current facts and the certificates held, and announces every result.</summary>
    internal static async Task<Results<Ok<AllocationResponse>, ProblemHttpResult>> Allocate(Guid id, [AsParameters] FairServices s) =>
        WithoutBody(await s.Db.ChangeAsync(id, Tracked(id, s), async (fair, ct) =>
        {
            var establishmentIds = fair.Registrations.Select(r => r.EstablishmentId).ToList();
            var taxCodes = fair.Registrations.Select(r => r.TaxCode).ToList();
            var establishments = await s.Db.Establishments.AsNoTracking().Where(e => establishmentIds.Contains(e.EstablishmentId))
                .ToDictionaryAsync(e => e.EstablishmentId, e => new RegisteringEstablishment(e.EstablishmentId, e.TaxCode, e.Name, e.District, e.IsPriorityArea), ct);
            var certificates = (await s.Db.Certificates.AsNoTracking().Where(c => taxCodes.Contains(c.EstablishmentTaxCode)).ToListAsync(ct))
                .ToLookup(c => c.EstablishmentTaxCode);
            foreach (var registration in fair.Allocate(establishments, certificates, s.Now, s.Actor))
            {
                s.Db.AddIntegrationEvent(FairEvents.Allocated(fair, registration, s.Now, s.Actor));
            }
            s.Db.Record(HistoryEntry.Of(fair.Id, FairHistory.Allocated, s.User, s.Now) with { Amount = fair.BoothsAllocated, OccurredOn = ProvinceCalendar.DateOf(s.Now) });
        }, f => TypedResults.Ok(AllocationResponse.From(f, RegistrationSummary.AllOf(f, s.English), s.English)), () => NotFound(id), s.CancellationToken));

    internal static async Task<Results<Ok<AllocationResponse>, ProblemHttpResult>> Allocation(Guid id, [AsParameters] FairServices s)
    {
        var fair = await FindAsync(id, s, tracking: false);
        return fair is null ? NotFound(id) : TypedResults.Ok(AllocationResponse.From(fair, await RegistrationScope.VisibleAsync(fair, s), s.English));
    }

    /// <summary>The fair took place; a past fair recorded after the fact gives its day (<c>heldOn</c>).</summary>
    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> MarkHeld(Guid id, HeldRequest? request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation().RecordDate(request?.HeldOn, "heldOn", required: false);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            f.MarkHeld(s.Now, request?.HeldOn);
            s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.Held, s.User, s.Now) with { OccurredOn = request?.HeldOn });
        }, Answer, () => NotFound(id), s.CancellationToken);
    }

    internal static async Task<Results<Ok<OutcomesResponse>, ProblemHttpResult>> Outcomes(Guid id, [AsParameters] FairServices s)
    {
        var fair = await FindAsync(id, s, tracking: false);
        return fair is null ? NotFound(id) : TypedResults.Ok(OutcomesResponse.From(fair, await RegistrationScope.VisibleAsync(fair, s)));
    }

    internal static Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> Close(Guid id, [AsParameters] FairServices s) =>
        s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            f.Close(s.Now);
            s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.Closed, s.User, s.Now) with { OccurredOn = ProvinceCalendar.DateOf(s.Now) });
        }, Answer, () => NotFound(id), s.CancellationToken);

    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> Cancel(Guid id, ReasonRequest request, [AsParameters] FairServices s)
    {
        var validation = new RequestValidation().Required(request.Reason, "reason", 1000);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.ChangeAsync(id, Tracked(id, s), f =>
        {
            f.Cancel(request.Reason!.Trim(), s.Now);
            s.Db.Record(HistoryEntry.Of(f.Id, FairHistory.Cancelled, s.User, s.Now) with { Reason = f.CancellationReason });
            // A draft was never announced, so there is nothing for other services to withdraw.
            if (f.WasPublished)
            {
                s.Db.AddIntegrationEvent(FairEvents.Cancelled(f, s.Actor));
            }
        }, Answer, () => NotFound(id), s.CancellationToken);
    }

    private static RequestValidation Validate(FairRequest r)
    {
        var validation = new RequestValidation()
            .Required(r.Name, "name", 300)
            .Expect(r.Kind is not null, "kind", $"is required, one of: {InputBounds.AllowedNames(typeof(FairKind))}.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FairKind))}.")
            .Required(r.Organiser, "organiser", 300)
            .Required(r.Venue, "venue", 300)
            .Expect(r.Country is null || r.Country.Length <= 100, "country", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.")
            .Expect(r.Kind != FairKind.Overseas || !string.IsNullOrWhiteSpace(r.Country), "country", "is required for an overseas fair.",
                "là bắt buộc với hội chợ ở nước ngoài.")
            .Expect(r.Province is null || r.Province.Length <= 100, "province", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.")
            .RecordDate(r.StartDate, "startDate")
            .RecordDate(r.EndDate, "endDate")
            .RecordDate(r.RegistrationDeadline, "registrationDeadline")
            // The fair's rules (FairDetails.Check) refuse these too; said here, each stands under its own field of a form.
            .Expect(r.StartDate is null || r.EndDate is null || r.EndDate >= r.StartDate, "endDate",
                "cannot be before the opening day.", "không được trước ngày khai mạc.")
            .Expect(r.StartDate is null || r.RegistrationDeadline is null || r.RegistrationDeadline <= r.StartDate, "registrationDeadline",
                "cannot be after the opening day.", "không được sau ngày khai mạc.")
            .Expect(r.BoothCount is >= 1 and <= 10_000, "boothCount", "is required, 1 to 10000.",
                "là bắt buộc, từ 1 đến 10000.")
            .NotNegative(r.BoothRent, "boothRent")
            .Expect(r.RentSharePercent is null or (>= 0 and <= 100), "rentSharePercent", "is a share of booth rent from 0 to 100.",
                "là tỷ lệ hỗ trợ tiền thuê gian hàng từ 0 đến 100.")
            .Expect(r.RentSharePercent is null || decimal.Round(r.RentSharePercent.Value, 2) == r.RentSharePercent, "rentSharePercent", "has at most 2 decimals.",
                "có tối đa 2 chữ số thập phân.")
            .OptionalMoney(r.ExtraSupportPerParticipant, "extraSupportPerParticipant")
            .Expect(r.ExtraCostsDescription is null || r.ExtraCostsDescription.Length <= 1000, "extraCostsDescription", "must be at most 1000 characters.",
                "dài tối đa 1000 ký tự.");
        return validation;
    }

    /// <summary>The norm of the fair's kind in force on its start date (<see cref="FairSupportNorm.InForce"/>), or none.</summary>
    private static Task<FairSupportNorm?> NormInForceAsync(FairRequest r, FairServices s) =>
        s.Db.SupportNorms.AsNoTracking()
            .Where(n => n.Kind == r.Kind && n.EffectiveFrom <= r.StartDate)
            .OrderByDescending(n => n.EffectiveFrom)
            .FirstOrDefaultAsync(s.CancellationToken);

    /// <summary>What the officer wrote; the share defaults to the norm's cap, or to none when no norm applies.</summary>
    private static FairDetails DetailsOf(FairRequest r, FairSupportNorm? norm)
    {
        var kind = r.Kind!.Value;
        return new FairDetails(
            r.Name!.Trim(), kind, r.Organiser!.Trim(), r.Venue!.Trim(),
            string.IsNullOrWhiteSpace(r.Country) ? FairDetails.HomeCountry : r.Country.Trim(),
            string.IsNullOrWhiteSpace(r.Province) ? null : r.Province.Trim(),
            r.StartDate!.Value, r.EndDate!.Value, r.RegistrationDeadline!.Value, r.BoothCount!.Value, r.BoothRent!.Value,
            new SupportPolicy(r.RentSharePercent ?? norm?.MaxRentSharePercent ?? 0m, r.ExtraSupportPerParticipant ?? 0, r.ExtraCostsDescription?.Trim() ?? ""));
    }

    /// <summary>Loads the fair with its registrations, tracked, for a command on the command path.</summary>
    internal static Func<CancellationToken, Task<Fair?>> Tracked(Guid id, FairServices s) =>
        ct => s.Db.Fairs.Include(f => f.Registrations).SingleOrDefaultAsync(f => f.Id == id, ct);

    private static Ok<FairResponse> Answer(Fair fair) => TypedResults.Ok(FairResponse.From(fair));

    /// <summary>The answers of a command without a body: the path never gives such a command a ValidationProblem.</summary>
    private static Results<TOk, ProblemHttpResult> WithoutBody<TOk>(Results<TOk, ValidationProblem, ProblemHttpResult> result) where TOk : IResult =>
        result.Result switch
        {
            TOk ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new UnreachableException("The command path answered a command without a body with a validation problem."),
        };

    internal static Task<Fair?> FindAsync(Guid id, FairServices s, bool tracking)
    {
        var fairs = tracking ? s.Db.Fairs : s.Db.Fairs.AsNoTracking();
        return fairs.Include(f => f.Registrations).SingleOrDefaultAsync(f => f.Id == id, s.CancellationToken);
    }

    internal static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Fair", $"There is no fair with id {id}.", $"Không có hội chợ mã {id}.");
}

using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>The unit's priority (1 is its first choice), its opinion and an optional note on one proposal of its consolidation.</summary>
public sealed record AssessConsolidationItemRequest(int? Priority, UnitOpinion? Opinion, string? Note);

/// <summary>The dispatch (công văn) by which the unit sends its consolidation to the Centre.</summary>
public sealed record SendConsolidationRequest(string? DispatchNumber, DateOnly? DispatchDate);

public sealed record UnitConsolidationItemResponse(
    Guid ProposalId, string ProposalCode, string Title, int ContentGroup, long RequestedSupport, int Priority, UnitOpinion? Opinion, string? Note);

/// <summary>A unit's consolidation of a call with its proposals in the unit's order of priority.</summary>
public sealed record UnitConsolidationResponse(
    Guid Id, Guid CallId, string UnitCode, string UnitName, UnitConsolidationStatus Status, string? DispatchNumber, DateOnly? DispatchDate,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SentAt, string? SentBy, IReadOnlyList<UnitConsolidationItemResponse> Items)
{
    public static UnitConsolidationResponse Of(UnitConsolidation c, string unitName) => new(
        c.Id, c.CallId, c.UnitCode, unitName, c.Status, c.DispatchNumber, c.DispatchDate, c.CreatedAt, c.CreatedBy, c.SentAt, c.SentBy,
        c.Items.OrderBy(i => i.Priority).Select(i => new UnitConsolidationItemResponse(
            i.ProposalId, i.ProposalCode, i.Title, i.ContentGroup, i.RequestedSupport, i.Priority, i.Opinion, i.Note)).ToList());
}

/// <summary>
/// Where a unit stands with a call: how many of its proposals are filed, and its consolidation's state (null while it
/// has none), how many proposals the consolidation holds and the dispatch that sent it.
/// </summary>
public sealed record UnitConsolidationSummary(
    string UnitCode, string UnitName, int FiledProposals, UnitConsolidationStatus? Status, int Items, string? DispatchNumber, DateOnly? DispatchDate,
    DateTimeOffset? SentAt);

/// <summary>
/// The units' consolidations of a call's registrations (tổng hợp của cấp huyện / đơn vị hành chính): the economic office
/// of each administrative unit lists its unit's filed proposals of the call, ranks them, gives its opinion on each and
/// sends the list to the Centre by a dispatch; the plan then carries the unit's priority and opinion. A district
/// officer reads and acts for its own unit only (another unit's answers 404, as every scoped read); the Centre for any;
/// leaders read.
/// </summary>
public static class UnitConsolidationsApi
{
    public static IEndpointRouteBuilder MapUnitConsolidationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/calls/{callId:guid}/consolidations").WithTags("Unit consolidations")
            .RequireAuthorization(Policies.Read, Policies.Report);
        group.MapGet("/", List).WithName("ListUnitConsolidations").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{unitCode}", Get).WithName("GetUnitConsolidation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{unitCode}", Prepare).WithName("PrepareUnitConsolidation").RequireAuthorization(Policies.Consolidate).ProducesRefusals();
        group.MapPut("/{unitCode}/items/{proposalId:guid}", Assess).WithName("AssessConsolidationItem")
            .RequireAuthorization(Policies.Consolidate).ProducesRefusals();
        group.MapPost("/{unitCode}/send", Send).WithName("SendUnitConsolidation").RequireAuthorization(Policies.Consolidate).ProducesRefusals();
        return app;
    }

    /// <summary>Every unit with a filed proposal or a consolidation of the call (a district officer: its own unit only).</summary>
    internal static async Task<Results<Ok<List<UnitConsolidationSummary>>, ProblemHttpResult>> List(
        Guid callId, ProposalsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.RegistrationCalls.AnyAsync(c => c.Id == callId, cancellationToken))
        {
            return CallNotFound(callId);
        }
        var scope = user.Scope();
        var only = scope.CanSeeEverything ? null : scope.IsDistrictOfficer ? scope.UnitCode ?? "" : "";
        var filed = await Filed(db, callId).Where(p => only == null || p.AdministrativeUnitCode == only)
            .GroupBy(p => p.AdministrativeUnitCode).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Unit, g => g.Count, cancellationToken);
        var consolidations = await db.UnitConsolidations.AsNoTracking().Where(c => c.CallId == callId && (only == null || c.UnitCode == only))
            .ToDictionaryAsync(c => c.UnitCode, cancellationToken);
        var codes = filed.Keys.Union(consolidations.Keys).ToList();
        var names = await NamesAsync(db, codes, cancellationToken);
        return TypedResults.Ok(codes.Select(code =>
            {
                var c = consolidations.GetValueOrDefault(code);
                return new UnitConsolidationSummary(code, names.GetValueOrDefault(code, code), filed.GetValueOrDefault(code), c?.Status, c?.Items.Count ?? 0,
                    c?.DispatchNumber, c?.DispatchDate, c?.SentAt);
            })
            .OrderBy(s => s.UnitName, StringComparer.Ordinal).ThenBy(s => s.UnitCode, StringComparer.Ordinal).ToList());
    }

    internal static async Task<Results<Ok<UnitConsolidationResponse>, ProblemHttpResult>> Get(
        Guid callId, string unitCode, ProposalsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!MayActFor(user.Scope(), unitCode))
        {
            return NotFound(unitCode);
        }
        var consolidation = await db.UnitConsolidations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.CallId == callId && c.UnitCode == unitCode, cancellationToken);
        return consolidation is null
            ? NotFound(unitCode)
            : TypedResults.Ok(UnitConsolidationResponse.Of(consolidation, await NameAsync(db, unitCode, cancellationToken)));
    }

    /// <summary>
    /// Starts the unit's consolidation of the call, or takes its filed proposals in again while it is being prepared
    /// (new ones at the end of the list). Under the call's row lock, so two at once make one consolidation.
    /// </summary>
    internal static async Task<Results<Ok<UnitConsolidationResponse>, ValidationProblem, ProblemHttpResult>> Prepare(
        Guid callId, string unitCode, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required(unitCode, "unitCode", 64);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (!MayActFor(user.Scope(), unitCode))
        {
            return NotFound(unitCode);
        }
        return await db.RunAsync<Ok<UnitConsolidationResponse>>(async ct =>
        {
            await db.LockAsync<RegistrationCall>(callId, ct);
            if (!await db.RegistrationCalls.AnyAsync(c => c.Id == callId, ct))
            {
                return CallNotFound(callId);
            }
            if (!await db.AdministrativeUnits.AnyAsync(u => u.Code == unitCode, ct))
            {
                return ApiProblems.NotFound("AdministrativeUnit", $"There is no administrative unit with code {unitCode}.",
                    $"Không có đơn vị hành chính mã {unitCode}.");
            }
            var candidates = await CandidatesAsync(db, callId, unitCode, ct);
            var consolidation = await db.UnitConsolidations.SingleOrDefaultAsync(c => c.CallId == callId && c.UnitCode == unitCode, ct);
            if (consolidation is null)
            {
                consolidation = UnitConsolidation.Prepare(callId, unitCode, candidates, time.GetUtcNow(), Actor.NameOf(user));
                db.UnitConsolidations.Add(consolidation);
            }
            else
            {
                consolidation.Refresh(candidates);
                db.Touch(consolidation);
            }
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(UnitConsolidationResponse.Of(consolidation, await NameAsync(db, unitCode, ct)));
        }, cancellationToken);
    }

    /// <summary>Sets one proposal's priority (the others move to keep 1 … n, each once), the unit's opinion and note.</summary>
    internal static Task<Results<Ok<UnitConsolidationResponse>, ValidationProblem, ProblemHttpResult>> Assess(
        Guid callId, string unitCode, Guid proposalId, AssessConsolidationItemRequest request, ProposalsDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.Priority is >= 1 and <= 10_000, "priority", "is required: a whole number from 1 (the unit's first choice).",
                "là bắt buộc: số nguyên từ 1 (đề án ưu tiên nhất của địa phương).")
            .Expect(request.Opinion is { } opinion && Enum.IsDefined(opinion), "opinion", "is required: Recommend or NotRecommend.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(UnitOpinion))}.")
            .Check(request.Note is null || request.Note.Length <= 1000, "note", "At most 1000 characters.", "Tối đa 1000 ký tự.");
        return validation.IsValid
            ? ChangeAsync(callId, unitCode, db, user, c => c.Assess(proposalId, request.Priority!.Value, request.Opinion!.Value, request.Note),
                cancellationToken)
            : Task.FromResult<Results<Ok<UnitConsolidationResponse>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
    }

    /// <summary>Sends the consolidation by a dispatch; the same dispatch again answers it unchanged, another is refused (409).</summary>
    internal static async Task<Results<Ok<UnitConsolidationResponse>, ValidationProblem, ProblemHttpResult>> Send(
        Guid callId, string unitCode, SendConsolidationRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.DispatchNumber, "dispatchNumber", 64)
            .RecordDate(request.DispatchDate, "dispatchDate");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var opened = await db.RegistrationCalls.AsNoTracking().Where(c => c.Id == callId).Select(c => (DateTimeOffset?)c.CreatedAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (opened is null)
        {
            return CallNotFound(callId);
        }
        return await ChangeAsync(callId, unitCode, db, user, c => c.Send(request.DispatchNumber!.Trim(), request.DispatchDate!.Value,
            ProvinceCalendar.DateOf(opened.Value), time.GetUtcNow(), Actor.NameOf(user)), cancellationToken);
    }

    /// <summary>Whether the user acts for the unit: the Centre for any, a district officer for its own.</summary>
    private static bool MayActFor(UserScope scope, string unitCode) =>
        scope.CanSeeEverything || (scope.IsDistrictOfficer && scope.UnitCode is not null && string.Equals(scope.UnitCode, unitCode, StringComparison.Ordinal));

    private static async Task<Results<Ok<UnitConsolidationResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid callId, string unitCode, ProposalsDbContext db, ClaimsPrincipal user, Action<UnitConsolidation> change, CancellationToken cancellationToken)
    {
        if (!MayActFor(user.Scope(), unitCode) || unitCode.Length > 64)
        {
            return NotFound(unitCode);
        }
        return await db.RunAsync<Ok<UnitConsolidationResponse>>(async ct =>
        {
            var ids = await db.Database
                .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM unit_consolidations WHERE call_id = {callId} AND unit_code = {unitCode} FOR UPDATE")
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return NotFound(unitCode);
            }
            var consolidation = await db.UnitConsolidations.SingleAsync(c => c.Id == ids[0], ct);
            change(consolidation);
            db.Touch(consolidation);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(UnitConsolidationResponse.Of(consolidation, await NameAsync(db, unitCode, ct)));
        }, cancellationToken);
    }

    /// <summary>The call's proposals that are filed and still alive: neither drafts nor rejected nor cancelled.</summary>
    private static IQueryable<Proposal> Filed(ProposalsDbContext db, Guid callId) =>
        db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.CallId == callId && p.Status != ProposalStatus.Draft && p.Status != ProposalStatus.Rejected && p.Status != ProposalStatus.Cancelled);

    private static async Task<List<ConsolidationCandidate>> CandidatesAsync(ProposalsDbContext db, Guid callId, string unitCode, CancellationToken cancellationToken)
    {
        var rows = await Filed(db, callId).Where(p => p.AdministrativeUnitCode == unitCode)
            .Select(p => new { p.Id, p.Code, p.Title, p.ContentGroup, p.Budget.StateSupport })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConsolidationCandidate(r.Id, r.Code, r.Title, r.ContentGroup, r.StateSupport)).ToList();
    }

    private static async Task<string> NameAsync(ProposalsDbContext db, string unitCode, CancellationToken cancellationToken) =>
        (await NamesAsync(db, [unitCode], cancellationToken)).GetValueOrDefault(unitCode, unitCode);

    private static Task<Dictionary<string, string>> NamesAsync(ProposalsDbContext db, List<string> codes, CancellationToken cancellationToken) =>
        db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);

    private static ProblemHttpResult CallNotFound(Guid callId) =>
        ApiProblems.NotFound("Call", $"There is no call for registration with id {callId}.", $"Không có đợt đăng ký mã {callId}.");

    private static ProblemHttpResult NotFound(string unitCode) =>
        ApiProblems.NotFound("UnitConsolidation", $"Unit {unitCode} has no consolidation of this call that you may see.",
            $"Không có bản tổng hợp của đơn vị {unitCode} cho đợt đăng ký này mà bạn được phép xem.");
}

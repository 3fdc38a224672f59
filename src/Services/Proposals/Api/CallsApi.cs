using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Proposals.Api;

/// <summary>A call for registration to open: without a deadline it takes 20 May of the year before the plan year.</summary>
public sealed record OpenCallRequest(
    int? PlanYear, FundingSource? FundingSource, string? Title, string? Description, DateOnly? Deadline, int[]? ContentGroups);

/// <summary>A call with how many proposals were filed against it and how many of them late.</summary>
public sealed record CallResponse(
    Guid Id, int PlanYear, FundingSource FundingSource, string Title, string Description, DateOnly Deadline, IReadOnlyList<int> ContentGroups,
    bool IsOpen, DateTimeOffset CreatedAt, string CreatedBy, int Proposals, int LateProposals)
{
    public static CallResponse Of(RegistrationCall c, int proposals, int late) => new(
        c.Id, c.PlanYear, c.FundingSource, c.Title, c.Description, c.Deadline, c.ContentGroups, c.IsOpen, c.CreatedAt, c.CreatedBy, proposals, late);
}

/// <summary>Calls for registration (đợt đăng ký): every signed-in role reads them, since establishments file against them; officers open and close them.</summary>
public static class CallsApi
{
    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/calls").WithTags("Calls").RequireAuthorization(Policies.Read);
        group.MapGet("/", List).WithName("ListCalls");
        group.MapGet("/{id:guid}", Get).WithName("GetCall").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Open).WithName("OpenCall").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/close", Close).WithName("CloseCall").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/reopen", Reopen).WithName("ReopenCall").RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    internal static async Task<Results<Ok<List<CallResponse>>, ValidationProblem>> List(
        ProposalsDbContext db, CancellationToken cancellationToken, int? year = null, FundingSource? fundingSource = null, bool? open = null)
    {
        var validation = new RequestValidation().Expect(year is null or >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "year",
            $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var query = db.RegistrationCalls.AsNoTracking();
        if (year is not null) { query = query.Where(c => c.PlanYear == year); }
        if (fundingSource is not null) { query = query.Where(c => c.FundingSource == fundingSource); }
        if (open is not null) { query = query.Where(c => c.IsOpen == open); }
        var rows = await query.OrderByDescending(c => c.PlanYear).ThenBy(c => c.FundingSource).ThenBy(c => c.Deadline)
            .Select(c => new
            {
                Call = c,
                Proposals = db.Proposals.Count(p => p.CallId == c.Id),
                Late = db.Proposals.Count(p => p.CallId == c.Id && p.IsLate),
            })
            .Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => CallResponse.Of(r.Call, r.Proposals, r.Late)).ToList());
    }

    internal static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> Get(Guid id, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var call = await db.RegistrationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return call is null ? NotFound(id) : TypedResults.Ok(await ResponseOfAsync(call, db, cancellationToken));
    }

    internal static async Task<Results<Created<CallResponse>, ValidationProblem, ProblemHttpResult>> Open(
        OpenCallRequest request, ProposalsDbContext db, IOptions<ProposalRules> rules, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.FundingSource is not null, "fundingSource", "is required: National or Local.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FundingSource))}.")
            .Expect(request.PlanYear is >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "planYear",
                $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.")
            .Required(request.Title, "title", 300)
            .Check(request.Description is null || request.Description.Length <= 4000, "description", "At most 4000 characters.", "Tối đa 4000 ký tự.")
            .RecordDate(request.Deadline, "deadline", required: false)
            .Expect(request.ContentGroups is { Length: > 0 and <= 9 } groups && groups.All(g => g is >= 1 and <= 9), "contentGroups",
                "lists one or more content groups from 1 to 9.", "phải có ít nhất một nội dung, mỗi nội dung từ 1 đến 9.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<CallResponse>>(async ct =>
        {
            var call = RegistrationCall.Open(request.PlanYear!.Value, request.FundingSource!.Value, request.Title!.Trim(), request.Description?.Trim() ?? "",
                request.Deadline, request.ContentGroups!, rules.Value, time.GetUtcNow(), Actor.NameOf(user));
            db.RegistrationCalls.Add(call);
            db.AddIntegrationEvent(ProposalEvents.CallOpened(call));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/proposals/calls/{call.Id}", CallResponse.Of(call, 0, 0));
        }, cancellationToken);
    }

    /// <summary>Closes the call; only a close of an open call is announced, so a repeated close publishes nothing.</summary>
    internal static Task<Results<Ok<CallResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, call =>
        {
            if (call.IsOpen)
            {
                db.AddIntegrationEvent(ProposalEvents.CallClosed(call, time.GetUtcNow(), Actor.NameOf(user)));
            }
            call.Close();
        }, cancellationToken);

    internal static Task<Results<Ok<CallResponse>, ValidationProblem, ProblemHttpResult>> Reopen(Guid id, ProposalsDbContext db, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, call => call.Reopen(), cancellationToken);

    private static async Task<Results<Ok<CallResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, ProposalsDbContext db, Action<RegistrationCall> change, CancellationToken cancellationToken)
    {
        return await db.RunAsync<Ok<CallResponse>>(async ct =>
        {
            await db.LockAsync<RegistrationCall>(id, ct);
            var call = await db.RegistrationCalls.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (call is null)
            {
                return NotFound(id);
            }
            change(call);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await ResponseOfAsync(call, db, ct));
        }, cancellationToken);
    }

    private static async Task<CallResponse> ResponseOfAsync(RegistrationCall call, ProposalsDbContext db, CancellationToken cancellationToken) =>
        CallResponse.Of(call,
            await db.Proposals.CountAsync(p => p.CallId == call.Id, cancellationToken),
            await db.Proposals.CountAsync(p => p.CallId == call.Id && p.IsLate, cancellationToken));

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Call", $"There is no call for registration with id {id}.", $"Không có đợt đăng ký mã {id}.");
}

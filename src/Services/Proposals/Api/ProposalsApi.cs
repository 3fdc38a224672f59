using System.Security.Claims;
using KhuyenCong.Platform.Accounts;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Proposals.Api;

/// <summary>What every proposal command needs, bound from the request's services.</summary>
internal readonly record struct ProposalServices(
    ProposalsDbContext Db, IOptions<ProposalRules> Options, TimeProvider Time, ClaimsPrincipal User, HttpContext Http, CancellationToken CancellationToken)
{
    public ProposalRules Rules => Options.Value;
    public DateTimeOffset Now => Time.GetUtcNow();
    public DateOnly Today => ProvinceCalendar.DateOf(Now);
    public string Actor => ServiceDefaults.Http.Actor.NameOf(User);
    public string? ActorName => User.FindFirst("name")?.Value;
    public UserScope Scope => User.Scope();
}

public static class ProposalsApi
{
    /// <summary>Far beyond any council, so that a request cannot make the service look up thousands of accounts.</summary>
    private const int MaxCouncilSeats = 50;

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        // Any signed-in role reads (within its scope); each command names who may give it.
        var group = app.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization(Policies.Read);
        group.MapPost("/", Create).WithName("CreateProposal").RequireAuthorization(Policies.Propose).ProducesRefusals();
        group.MapGet("/", List).WithName("ListProposals");
        group.MapGet("/follow-ups", ListFollowUps).WithName("ListFollowUps");
        group.MapGet("/{id:guid}", Get).WithName("GetProposal").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).WithName("UpdateProposal").RequireAuthorization(Policies.Propose).ProducesRefusals();
        group.MapGet("/{id:guid}/history", History).WithName("GetProposalHistory").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/submit", Submit).WithName("SubmitProposal").RequireAuthorization(Policies.Propose).ProducesRefusals();
        group.MapPost("/{id:guid}/appraisal", StartAppraisal).WithName("StartAppraisal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPut("/{id:guid}/appraisal/scores/{memberId:guid}", ScoreAppraisal).WithName("ScoreAppraisal").RequireAuthorization(Policies.Appraise)
            .ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/appraisal/members/{memberId:guid}/conflict", DeclareConflict).WithName("DeclareAppraisalConflict")
            .RequireAuthorization(Policies.Appraise).ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapKnownAppraisers<ProposalsDbContext>("/appraisers").WithName("ListProposalAppraisers");
        group.MapPost("/{id:guid}/priority-area", OverridePriorityArea).WithName("OverridePriorityArea").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/appraisal/complete", CompleteAppraisal).WithName("CompleteAppraisal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/return", ReturnForRevision).WithName("ReturnProposalForRevision").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/reject", Reject).WithName("RejectProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/approve", Approve).WithName("ApproveProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/implementation", StartImplementation).WithName("StartImplementation").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/payments", Pay).WithName("RecordPayment").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/accept", Accept).WithName("AcceptProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/settle", Settle).WithName("SettleProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/close", Close).WithName("CloseProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/follow-ups/{followUpId:guid}", RecordFollowUp).WithName("RecordFollowUp").RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    internal static async Task<Results<Created<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateProposalRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation()
            .Expect(request.FundingSource is not null, "fundingSource", "is required: National or Local.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FundingSource))}.")
            .Expect(request.PlanYear is >= 2000 and <= 2100, "planYear", "must be a year between 2000 and 2100.",
                "phải là năm từ 2000 đến 2100.");
        ProposalDrafting.Validate(request, validation);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        if (Scoping.RefusalOf(s.Scope, request) is { } outOfScope)
        {
            return outOfScope;
        }
        if (!await Scoping.MayNameBeneficiariesAsync(s.Scope, request, s.Db, s.CancellationToken))
        {
            return Scoping.BeneficiaryOutOfScope(s.Scope, s.Http);
        }

        var source = request.FundingSource!.Value;
        var year = request.PlanYear!.Value;
        return await s.Db.RunAsync<Created<ProposalResponse>>(async ct =>
        {
            var details = await ProposalDrafting.ResolveAsync(request, year, s.Db, ct);
            ProposalDrafting.EnsurePriorityAreaAgrees(request.IsPriorityArea, details.DerivedPriorityArea);
            // The number is taken in the command's transaction: a refused or re-run draft hands it back.
            var number = await s.Db.NextCodeNumberAsync(source.CodePrefix(), year, ct);
            var proposal = Proposal.CreateDraft($"{source.CodePrefix()}-{year}-{number:D3}", source, year, details, s.Now, s.Actor);
            if (request.CallId is { } callId)
            {
                var call = await s.Db.RegistrationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
                if (call is null)
                {
                    return ApiProblems.NotFound("Call", $"There is no call for registration with id {callId}.", $"Không có đợt đăng ký mã {callId}.");
                }
                proposal.FileUnder(call);
            }
            proposal.NameActor(0, s.Actor, s.ActorName);
            s.Db.Proposals.Add(proposal);
            foreach (var change in ProposalEvents.StatusChanges(proposal, 0, s.Rules))
            {
                s.Db.AddIntegrationEvent(change);
            }
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/proposals/{proposal.Id}", ProposalResponse.From(proposal, await AdvanceRateTodayAsync(proposal, s, ct), s.Rules, s.Today));
        }, s.CancellationToken);
    }

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateProposalRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation();
        ProposalDrafting.Validate(request, validation);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.RunAsync<Ok<ProposalResponse>>(async ct =>
        {
            await s.Db.LockAsync<Proposal>(id, ct);
            var proposal = await FindAsync(id, s, ct);
            if (proposal is null)
            {
                return NotFound(id);
            }
            if (Scoping.RefusalOf(s.Scope, request) is { } outOfScope)
            {
                return outOfScope;
            }
            if (!await Scoping.MayChangeAsync(s.Scope, proposal, s.Db, ct))
            {
                return Scoping.ProposalBeyondScope(s.Http);
            }
            if (!await Scoping.MayNameBeneficiariesAsync(s.Scope, request, s.Db, ct))
            {
                return Scoping.BeneficiaryOutOfScope(s.Scope, s.Http);
            }
            var details = await ProposalDrafting.ResolveAsync(request, proposal.PlanYear, s.Db, ct);
            ProposalDrafting.EnsurePriorityAreaAgrees(request.IsPriorityArea, proposal.PriorityOverride?.IsPriorityArea ?? details.DerivedPriorityArea);
            var known = proposal.History.Count;
            proposal.Revise(details, s.Now, s.Actor);
            proposal.NameActor(known, s.Actor, s.ActorName);
            s.Db.Touch(proposal);
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(ProposalResponse.From(proposal, await AdvanceRateTodayAsync(proposal, s, ct), s.Rules, s.Today));
        }, s.CancellationToken);
    }

    internal static async Task<Results<Ok<ProposalPage>, ValidationProblem>> List(
        ProposalsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken,
        int? year = null, FundingSource? fundingSource = null, int? contentGroup = null, string? district = null,
        string? administrativeUnitCode = null, ProposalStatus? status = null, string? establishment = null, bool? late = null,
        string? q = null, ProposalSort sort = ProposalSort.Code, bool descending = false, int page = 1, int pageSize = 50,
        int? fromYear = null, int? toYear = null, bool? overPlan = null)
    {
        var validation = new RequestValidation()
            .Paging(page, pageSize)
            .Expect(contentGroup is null or (>= 1 and <= 9), "contentGroup", "is 1 to 9.", "từ 1 đến 9.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        var query = db.Proposals.AsNoTracking().Within(user.Scope());
        if (year is not null) { query = query.Where(p => p.PlanYear == year); }
        if (fromYear is not null) { query = query.Where(p => p.PlanYear >= fromYear); }
        if (toYear is not null) { query = query.Where(p => p.PlanYear <= toYear); }
        if (fundingSource is not null) { query = query.Where(p => p.FundingSource == fundingSource); }
        if (contentGroup is not null) { query = query.Where(p => p.ContentGroup == contentGroup); }
        if (!string.IsNullOrWhiteSpace(district)) { query = query.Where(p => p.District == district.Trim()); }
        if (!string.IsNullOrWhiteSpace(administrativeUnitCode)) { query = query.Where(p => p.AdministrativeUnitCode == administrativeUnitCode.Trim()); }
        if (status is not null) { query = query.Where(p => p.Status == status); }
        if (!string.IsNullOrWhiteSpace(establishment)) { query = query.Where(p => p.Beneficiaries.Any(b => b.TaxCode == establishment.Trim())); }
        if (late is not null) { query = query.Where(p => p.IsLate == late); }
        if (overPlan is not null) { query = query.Where(p => (p.PlanExceedance != null || p.Amendments.Any(a => a.ExceedanceDecisionNumber != null)) == overPlan); }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(p => EF.Functions.ILike(p.Title, pattern) || EF.Functions.ILike(p.Code, pattern));
        }

        // Summed as numeric in the database, so that no record's figures can overflow a 64-bit sum there.
        var sums = await query.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            StateSupport = g.Sum(p => (decimal)p.Budget.StateSupport),
            OwnCapital = g.Sum(p => (decimal)p.Budget.OwnCapital),
            OtherSources = g.Sum(p => (decimal)p.Budget.OtherSources),
            ApprovedSupport = g.Sum(p => p.Approval == null ? 0m : (decimal)p.Approval.ApprovedSupport),
        }).SingleOrDefaultAsync(cancellationToken);
        var totals = sums is null
            ? new ProposalTotals(0, 0, 0, 0, 0, 0)
            : new ProposalTotals(sums.Count, (long)(sums.StateSupport + sums.OwnCapital + sums.OtherSources),
                (long)sums.StateSupport, (long)sums.OwnCapital, (long)sums.OtherSources, (long)sums.ApprovedSupport);

        var ordered = (sort, descending) switch
        {
            (ProposalSort.PlanYear, false) => query.OrderBy(p => p.PlanYear).ThenBy(p => p.Code),
            (ProposalSort.PlanYear, true) => query.OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code),
            (ProposalSort.StateSupport, false) => query.OrderBy(p => p.Budget.StateSupport).ThenBy(p => p.Code),
            (ProposalSort.StateSupport, true) => query.OrderByDescending(p => p.Budget.StateSupport).ThenBy(p => p.Code),
            (ProposalSort.CreatedAt, false) => query.OrderBy(p => p.CreatedAt),
            (ProposalSort.CreatedAt, true) => query.OrderByDescending(p => p.CreatedAt),
            (ProposalSort.Title, false) => query.OrderBy(p => p.Title).ThenBy(p => p.Code),
            (ProposalSort.Title, true) => query.OrderByDescending(p => p.Title).ThenBy(p => p.Code),
            (_, false) => query.OrderBy(p => p.Code),
            (_, true) => query.OrderByDescending(p => p.Code),
        };
        var items = await ordered.Page(page, pageSize)
            .Select(p => new ProposalSummary(
                p.Id, p.Code, p.Title, p.FundingSource, p.PlanYear, p.ContentGroup, p.District,
                p.Beneficiaries.OrderBy(b => b.Position).Select(b => b.TaxCode).First(),
                p.Status, p.IsLate, p.Budget.StateSupport + p.Budget.OwnCapital + p.Budget.OtherSources,
                p.Budget.StateSupport, p.Budget.OwnCapital, p.Budget.OtherSources,
                p.Approval == null ? null : p.Approval.ApprovedSupport, p.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProposalPage(items, totals.Count, page, pageSize, totals));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] ProposalServices s)
    {
        var proposal = await s.Db.Proposals.AsNoTracking().AsSplitQuery().Within(s.Scope).SingleOrDefaultAsync(p => p.Id == id, s.CancellationToken);
        return proposal is null ? NotFound(id) : TypedResults.Ok(ProposalResponse.From(proposal, await AdvanceRateTodayAsync(proposal, s, s.CancellationToken), s.Rules, s.Today));
    }

    internal static async Task<Results<Ok<IReadOnlyList<TransitionResponse>>, ProblemHttpResult>> History(Guid id, [AsParameters] ProposalServices s)
    {
        var proposal = await s.Db.Proposals.AsNoTracking().IgnoreAutoIncludes().Within(s.Scope).SingleOrDefaultAsync(p => p.Id == id, s.CancellationToken);
        return proposal is null
            ? NotFound(id)
            : TypedResults.Ok<IReadOnlyList<TransitionResponse>>(ProposalResponse.From(proposal, null, s.Rules, s.Today).History);
    }

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        Guid id, [FromBody] SubmitProposalRequest? request, [AsParameters] ProposalServices s)
    {
        var receivedOn = request?.ReceivedOn;
        var validation = new RequestValidation().RecordDate(receivedOn, "receivedOn", required: false);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        // The day of receipt decides lateness and the earliest decision: only the Centre enters a paper dossier's day.
        if (receivedOn is not null && !s.User.Admits(Policies.Manage))
        {
            return ApiProblems.OutOfScope("Only an officer of the Centre records the day a dossier was received.",
                "Chỉ cán bộ Trung tâm mới ghi ngày nhận hồ sơ.");
        }
        // As for an edit: a scoped user submits only a proposal all of whose beneficiaries it acts for.
        if (!s.Scope.CanSeeEverything)
        {
            var beneficiaries = await s.Db.Proposals.AsNoTracking().Within(s.Scope).Where(p => p.Id == id)
                .SelectMany(p => p.Beneficiaries.Select(b => b.TaxCode)).ToListAsync(s.CancellationToken);
            if (!await Scoping.CoversAllAsync(s.Scope, beneficiaries, s.Db, s.CancellationToken))
            {
                return Scoping.ProposalBeyondScope(s.Http);
            }
        }
        var managementNorms = await s.Db.ManagementCostNorms.AsNoTracking().ToListAsync(s.CancellationToken);
        var call = await s.Db.RegistrationCalls.AsNoTracking()
            .Where(c => s.Db.Proposals.Any(p => p.Id == id && p.CallId == c.Id)).SingleOrDefaultAsync(s.CancellationToken);
        return await ChangeProposalAsync(id, s, validation, p =>
        {
            p.Submit(s.Rules, receivedOn, managementNorms, s.Now, s.Actor, call);
            return [ProposalEvents.Submitted(p, s.Actor)];
        });
    }

    /// <summary>
    /// Forms the council from seats naming user accounts; each is checked against this service's copy of the
    /// accounts (kept from the identity service's events) and shows the account's display name.
    /// </summary>
    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> StartAppraisal(
        Guid id, StartAppraisalRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation()
            .Expect(request.Council is { Count: > 0 }, "council", "lists the appraisal council's seats (userId, position, chair).",
                "liệt kê các ghế của hội đồng thẩm định (thành viên, chức vụ, chủ tịch).")
            .Check(request.Council is null || request.Council.Count <= MaxCouncilSeats, "council", $"A council has at most {MaxCouncilSeats} seats.",
                $"Hội đồng có tối đa {MaxCouncilSeats} ghế.");
        for (var i = 0; i < Math.Min(request.Council?.Count ?? 0, MaxCouncilSeats); i++)
        {
            var seat = request.Council![i];
            validation.Check(seat is not null, $"council[{i}]", "Each seat names a user account.", "Mỗi ghế phải nêu một tài khoản người dùng.");
            if (seat is null)
            {
                continue;
            }
            validation.Required(seat.UserId, $"council[{i}].userId", KnownAccounts.MaxUserIdLength)
                .Check(seat.Position is null || seat.Position.Length <= 200, $"council[{i}].position", "At most 200 characters.", "Tối đa 200 ký tự.");
        }
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var accounts = await s.Db.KnownAccounts.ByIdsAsync(request.Council!.Select(m => m!.UserId!.Trim()), s.CancellationToken);
        var seats = request.Council!.Select(m =>
        {
            var userId = m!.UserId!.Trim();
            var account = accounts.GetValueOrDefault(userId);
            return new CouncilSeat(userId, account?.DisplayName, account?.IsActiveAppraiser ?? false, m.Position?.Trim() ?? "", m.Chair ?? false);
        }).ToList();
        return await ChangeProposalAsync(id, s, validation, p =>
        {
            p.StartAppraisal(seats, s.Rules, s.Now, s.Actor);
            return [ProposalEvents.CouncilFormed(p, s.Rules, s.Actor)];
        });
    }

    /// <summary>The signed-in member fills the sheet of their own seat; nobody, an officer included, fills another's.</summary>
    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ScoreAppraisal(
        Guid id, Guid memberId, AppraisalScoreRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation();
        foreach (var (value, field) in new[]
        {
            (request.FitWithRules, "fitWithRules"), (request.ObjectivesAndEfficiency, "objectivesAndEfficiency"),
            (request.BudgetReasonableness, "budgetReasonableness"), (request.UnitCapacity, "unitCapacity"),
            (request.CombinationWithOtherProgrammes, "combinationWithOtherProgrammes"), (request.DossierCompleteness, "dossierCompleteness"),
        })
        {
            validation.Expect(value is not null, field, "is required.", "là bắt buộc.");
        }
        return ChangeProposalAsync(id, s, validation, p =>
        {
            p.ScoreAppraisal(memberId, Actor.SubjectOf(s.User), new AppraisalSheet(
                request.FitWithRules!.Value, request.ObjectivesAndEfficiency!.Value, request.BudgetReasonableness!.Value,
                request.UnitCapacity!.Value, request.CombinationWithOtherProgrammes!.Value, request.DossierCompleteness!.Value), s.Now);
            return [ProposalEvents.SheetSubmitted(p, memberId)];
        });
    }

    /// <summary>The signed-in member declares a conflict of interest with a beneficiary and steps out of this appraisal.</summary>
    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> DeclareConflict(
        Guid id, Guid memberId, ConflictOfInterestRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation()
            .Expect(request.EstablishmentId is not null && request.EstablishmentId != Guid.Empty, "establishmentId",
                "names the beneficiary establishment the conflict of interest is with.",
                "là cơ sở thụ hưởng mà thành viên có xung đột lợi ích.")
            .Required(request.Reason, "reason", 1000);
        return ChangeProposalAsync(id, s, validation, p =>
        {
            p.DeclareAppraisalConflict(memberId, Actor.SubjectOf(s.User), request.EstablishmentId!.Value, request.Reason!.Trim(), s.Now);
            return [ProposalEvents.MemberSteppedOut(p, memberId)];
        });
    }

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> CompleteAppraisal(
        Guid id, [FromBody] CompleteAppraisalRequest? request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s, new RequestValidation().RecordDate(request?.CompletedOn, "completedOn", required: false), p =>
        {
            p.CompleteAppraisal(request?.CompletedOn, s.Now, s.Actor);
            return [];
        });

    /// <summary>An officer sets the priority-area status against the reference data, with the reason; recorded in the history.</summary>
    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> OverridePriorityArea(
        Guid id, PriorityAreaOverrideRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s,
            new RequestValidation()
                .Expect(request.IsPriorityArea is not null, "isPriorityArea", "is required (true or false).",
                    "là bắt buộc (có hoặc không).")
                .Required(request.Reason, "reason", 1000),
            p =>
            {
                p.OverridePriorityArea(request.IsPriorityArea!.Value, request.Reason!, s.Now, s.Actor);
                return [];
            });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ReturnForRevision(
        Guid id, ReasonRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s, new RequestValidation().Required(request.Reason, "reason", 1000), p =>
        {
            p.ReturnForRevision(request.Reason!, s.Now, s.Actor);
            return [];
        });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, ReasonRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s, new RequestValidation().Required(request.Reason, "reason", 1000), p =>
        {
            p.Reject(request.Reason!, s.Now, s.Actor);
            return [ProposalEvents.Rejected(p, s.Actor)];
        });

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveProposalRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation()
            .Positive(request.ApprovedSupport, "approvedSupport")
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .RecordDate(request.DecisionDate, "decisionDate")
            .RecordDate(request.PlannedEndOn, "plannedEndOn", required: false);
        ValidateExceedPlan(validation, request.ExceedPlan);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var norms = await s.Db.SupportNorms.AsNoTracking().ToListAsync(s.CancellationToken);
        var managementNorms = await s.Db.ManagementCostNorms.AsNoTracking().ToListAsync(s.CancellationToken);
        var place = await s.Db.Proposals.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Id == id)
            .Select(p => new { p.AdministrativeUnitCode, p.PlanYear }).SingleOrDefaultAsync(s.CancellationToken);
        var derivedPriorityArea = place is not null
            && await ProposalDrafting.PriorityAreaInAsync(s.Db, place.AdministrativeUnitCode, place.PlanYear, s.CancellationToken);
        var exceedance = ExceedanceOf(request.ExceedPlan);
        return await ChangeProposalAsync(id, s, validation, async (p, ct) =>
        {
            p.Rederive(derivedPriorityArea);
            if (p.FundingSource == FundingSource.National)
            {
                await NationalSubmissionsApi.EnsureApprovableAsync(s.Db, p.Id, request.ApprovedSupport!.Value, ct);
            }
            p.Approve(request.ApprovedSupport!.Value, request.DecisionNumber!.Trim(), request.DecisionDate!.Value, norms, managementNorms, s.Now, s.Actor);
            p.PlanEnd(request.PlannedEndOn);
            await BudgetCheck.AdmitAsync(s.Db, p, exceedance, ct);
            return [ProposalEvents.Approved(p, s.Actor, s.ActorName)];
        });
    }

    /// <summary>The request's checks of a decision to exceed the plan, when one is given: number, date and reason.</summary>
    internal static RequestValidation ValidateExceedPlan(RequestValidation validation, ExceedPlanRequest? exceed) => exceed is null
        ? validation
        : validation
            .Required(exceed.DecisionNumber, "exceedPlan.decisionNumber", 64)
            .RecordDate(exceed.DecisionDate, "exceedPlan.decisionDate")
            .Required(exceed.Reason, "exceedPlan.reason", 1000);

    /// <summary>The decision to exceed the plan of a validated request, trimmed; null when none is given.</summary>
    internal static ExceedanceDecision? ExceedanceOf(ExceedPlanRequest? exceed) => exceed is null
        ? null
        : new ExceedanceDecision(exceed.DecisionNumber!.Trim(), exceed.DecisionDate!.Value, exceed.Reason!.Trim());

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> StartImplementation(
        Guid id, StartImplementationRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s,
            new RequestValidation().Required(request.ContractNumber, "contractNumber", 64).RecordDate(request.SignedOn, "signedOn"),
            p =>
            {
                p.StartImplementation(request.ContractNumber!.Trim(), request.SignedOn!.Value, s.Now, s.Actor);
                return [ProposalEvents.ProgressDue(p, s.Rules, s.Now)!];
            });

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Pay(
        Guid id, PaymentRequest request, [AsParameters] ProposalServices s)
    {
        var rates = await s.Db.AdvanceRates.AsNoTracking().ToListAsync(s.CancellationToken);
        return await ChangeProposalAsync(id, s,
            new RequestValidation()
                .Expect(request.Kind is not null, "kind", "is required: Advance or Balance.", $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(PaymentKind))}.")
                .Positive(request.Amount, "amount")
                .RecordDate(request.PaidOn, "paidOn"),
            p =>
            {
                if (request.Kind == PaymentKind.Advance)
                {
                    var advance = p.PayAdvance(request.Amount!.Value, request.PaidOn!.Value, rates, ReportedProgressPercent(p), s.Now, s.Actor);
                    return [ProposalEvents.AdvancePaid(p, advance, s.Rules)];
                }
                var balance = p.PayBalance(request.Amount!.Value, request.PaidOn!.Value, s.Now, s.Actor);
                return [ProposalEvents.BalancePaid(p, balance)];
            });
    }

    /// <summary>
    /// The work done by the proposal's latest monthly progress report, for an advance rate that asks for
    /// progress before a further advance; null while none is reported.
    /// </summary>
    private static int? ReportedProgressPercent(Proposal proposal) => proposal.LatestProgressReport?.PercentDone;

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptProposalRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s,
            new RequestValidation()
                .RecordDate(request.AcceptedOn, "acceptedOn")
                .NotNegative(request.ActualTotalSpend, "actualTotalSpend")
                .NotNegative(request.ActualSupportUsed, "actualSupportUsed")
                .NotNegative(request.ActualOwnCapital, "actualOwnCapital")
                .NotNegative(request.ActualOtherSources, "actualOtherSources")
                .Expect(request.JobsCreated is >= 0, "jobsCreated", "is required and not negative.",
                    "là bắt buộc và không được âm.")
                .NotNegative(request.AverageWage, "averageWage")
                .Check(request.Outputs is null || request.Outputs.Length <= 4000, "outputs", "At most 4000 characters.", "Tối đa 4000 ký tự."),
            p =>
            {
                p.Accept(new Acceptance(
                    request.AcceptedOn!.Value, request.ActualTotalSpend!.Value, request.ActualSupportUsed!.Value, request.ActualOwnCapital!.Value,
                    request.ActualOtherSources!.Value, request.JobsCreated!.Value, request.AverageWage!.Value, request.Outputs?.Trim() ?? ""),
                    s.Rules, s.Now, s.Actor);
                return [ProposalEvents.Accepted(p, s.Actor, s.Rules)];
            });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Settle(
        Guid id, SettleProposalRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s,
            new RequestValidation().NotNegative(request.SettledSupport, "settledSupport").RecordDate(request.SettledOn, "settledOn"),
            p =>
            {
                p.Settle(request.SettledSupport!.Value, request.SettledOn!.Value, s.Rules, s.Now, s.Actor);
                return [ProposalEvents.Settled(p, s.Actor)];
            });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, [FromBody] ReasonRequest? request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s, new RequestValidation().Check(request?.Reason is null || request.Reason.Length <= 1000, "reason", "At most 1000 characters.",
            "Tối đa 1000 ký tự."), p =>
        {
            p.Close(s.Now, s.Actor, request?.Reason?.Trim());
            return [];
        });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelProposalRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s, ImplementationApi.Validate(request), p =>
        {
            p.Cancel(request.Reason!, s.Now, s.Actor, ImplementationApi.DecisionOf(request));
            return [ProposalEvents.Cancelled(p, s.Actor)];
        });

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> RecordFollowUp(
        Guid id, Guid followUpId, FollowUpEvaluationRequest request, [AsParameters] ProposalServices s) =>
        ChangeProposalAsync(id, s,
            new RequestValidation()
                .RecordDate(request.EvaluatedOn, "evaluatedOn")
                .NotNegative(request.Revenue, "revenue")
                .Expect(request.Jobs is >= 0, "jobs", "is required and not negative.", "là bắt buộc và không được âm.")
                .NotNegative(request.AverageWage, "averageWage")
                .Expect(request.EquipmentInUse is not null, "equipmentInUse", "is required (true or false).",
                    "là bắt buộc (có hoặc không).")
                .Expect(request.Rating is >= 1 and <= 5, "rating", "is 1 (poor) to 5 (very good).", "từ 1 (kém) đến 5 (rất tốt).")
                .Check(request.Notes is null || request.Notes.Length <= 4000, "notes", "At most 4000 characters.", "Tối đa 4000 ký tự."),
            p =>
            {
                var (followUp, wasOverdue) = p.RecordFollowUp(followUpId, new Evaluation(
                    request.EvaluatedOn!.Value, request.Revenue!.Value, request.Jobs!.Value, request.AverageWage!.Value,
                    request.EquipmentInUse!.Value, request.Rating!.Value, request.Notes?.Trim() ?? ""));
                return [ProposalEvents.FollowUpRecorded(p, followUp, wasOverdue, s.Actor)];
            });

    internal static async Task<Results<Ok<PageOf<FollowUpResponse>>, ValidationProblem>> ListFollowUps(
        ProposalsDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken,
        FollowUpStatus? status = null, string? district = null, DateOnly? dueBefore = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var query = from f in db.FollowUps.AsNoTracking()
                    join p in db.Proposals.AsNoTracking().Within(user.Scope()) on f.ProposalId equals p.Id
                    select new { FollowUp = f, p.Code, p.District };
        // The status on today's date, as FollowUp.StatusOn says it: a scheduled evaluation past its due date
        // is overdue from the day after, whether or not the monitor has marked it yet.
        var today = ProvinceCalendar.Today(time);
        query = status switch
        {
            FollowUpStatus.Overdue => query.Where(x => x.FollowUp.Status == FollowUpStatus.Overdue
                || (x.FollowUp.Status == FollowUpStatus.Scheduled && x.FollowUp.DueOn < today)),
            FollowUpStatus.Scheduled => query.Where(x => x.FollowUp.Status == FollowUpStatus.Scheduled && x.FollowUp.DueOn >= today),
            { } other => query.Where(x => x.FollowUp.Status == other),
            null => query,
        };
        if (!string.IsNullOrWhiteSpace(district)) { query = query.Where(x => x.District == district.Trim()); }
        if (dueBefore is not null) { query = query.Where(x => x.FollowUp.DueOn < dueBefore); }
        var rows = await query.OrderBy(x => x.FollowUp.DueOn).ThenBy(x => x.Code).PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(rows.Map(x => ProposalResponse.FollowUpOf(x.FollowUp, x.Code, today)));
    }

    /// <summary>
    /// Runs one command on a proposal through the command path: the request's field checks, then the
    /// domain operation under the proposal's row lock, saved with its events (every status move and the
    /// operation's own) in one transaction.
    /// </summary>
    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ChangeProposalAsync(
        Guid id, ProposalServices s, RequestValidation validation, Func<Proposal, IEnumerable<object>> decide) =>
        ChangeProposalAsync(id, s, validation, (proposal, _) => Task.FromResult(decide(proposal)));

    /// <summary>The same with a decision that reads more of the database inside the command's transaction.</summary>
    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ChangeProposalAsync(
        Guid id, ProposalServices s, RequestValidation validation, Func<Proposal, CancellationToken, Task<IEnumerable<object>>> decide)
    {
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var rates = await s.Db.AdvanceRates.AsNoTracking().ToListAsync(s.CancellationToken);
        return await s.Db.ChangeAsync(id,
            ct => FindAsync(id, s, ct),
            async (proposal, ct) =>
            {
                var known = proposal.History.Count;
                var openAppraisal = ProposalEvents.OpenAppraisal(proposal);
                foreach (var integrationEvent in (await decide(proposal, ct)).ToList())
                {
                    s.Db.AddIntegrationEvent(integrationEvent);
                }
                foreach (var ended in ProposalEvents.AppraisalEnds(proposal, openAppraisal, s.Now))
                {
                    s.Db.AddIntegrationEvent(ended);
                }
                proposal.NameActor(known, s.Actor, s.ActorName);
                foreach (var change in ProposalEvents.StatusChanges(proposal, known, s.Rules))
                {
                    s.Db.AddIntegrationEvent(change);
                }
            },
            proposal => TypedResults.Ok(ProposalResponse.From(proposal, AdvanceRate.InForce(rates, proposal.Activity, s.Today), s.Rules, s.Today)),
            () => NotFound(id),
            s.CancellationToken);
    }

    private static async Task<AdvanceRate?> AdvanceRateTodayAsync(Proposal proposal, ProposalServices s, CancellationToken cancellationToken) =>
        AdvanceRate.InForce(await s.Db.AdvanceRates.AsNoTracking().ToListAsync(cancellationToken), proposal.Activity, s.Today);

    /// <summary>The proposal for a command, or null when it does not exist or lies outside the user's scope (both answer 404).</summary>
    private static Task<Proposal?> FindAsync(Guid id, ProposalServices s, CancellationToken cancellationToken) =>
        s.Db.Proposals.AsSplitQuery().Within(s.Scope).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Proposal", $"There is no proposal with id {id}.", $"Không có đề án mã {id}.");
}

public enum ProposalSort
{
    Code,
    PlanYear,
    StateSupport,
    CreatedAt,
    Title,
}

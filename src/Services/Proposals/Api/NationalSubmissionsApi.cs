using System.Security.Claims;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Identifiers;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>Starts the list of national proposals of a plan year.</summary>
public sealed record PrepareNationalSubmissionRequest(int? PlanYear);

/// <summary>Whether a proposal's dossier is complete, and what it lacks when it is not.</summary>
public sealed record DossierCheckRequest(bool? Complete, string? Note);

/// <summary>The dispatch (công văn) that sends the list to the Ministry.</summary>
public sealed record SubmitNationalListRequest(string? DispatchNumber, DateOnly? SentOn);

/// <summary>The Ministry's decision on one proposal: approved with an amount, or not selected.</summary>
public sealed record MinistryDecisionRequest(MinistryOutcome? Outcome, long? ApprovedSupport, string? DecisionNumber, DateOnly? DecisionDate);

public sealed record NationalSubmissionItemResponse(
    Guid ProposalId, string ProposalCode, string Title, int ContentGroup, string District, long RequestedSupport, bool? DossierComplete,
    string? DossierNote, MinistryOutcome? Outcome, long? ApprovedSupport, string? DecisionNumber, DateOnly? DecisionDate);

/// <summary>A year's list of national proposals with its totals, its deadline (15 June of the year before) and whether it went late.</summary>
public sealed record NationalSubmissionResponse(
    Guid Id, int PlanYear, NationalSubmissionStatus Status, DateOnly Deadline, bool IsLate, string? DispatchNumber, DateOnly? SentOn,
    long RequestedTotal, long ApprovedTotal, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    IReadOnlyList<NationalSubmissionItemResponse> Items)
{
    public static NationalSubmissionResponse Of(NationalSubmission s) => new(
        s.Id, s.PlanYear, s.Status, s.Deadline, s.IsLate, s.DispatchNumber, s.SentOn, s.RequestedTotal, s.ApprovedTotal, s.CreatedAt, s.CreatedBy,
        s.SubmittedAt, s.SubmittedBy,
        s.Items.OrderBy(i => i.ProposalCode, StringComparer.Ordinal).Select(i => new NationalSubmissionItemResponse(
            i.ProposalId, i.ProposalCode, i.Title, i.ContentGroup, i.District, i.RequestedSupport, i.DossierComplete, i.DossierNote, i.Outcome,
            i.ApprovedSupport, i.DecisionNumber, i.DecisionDate)).ToList());
}

/// <summary>
/// The province's lists of national proposals sent to the Ministry (Circular 36/2013/TT-BCT, Articles 6 and 10), one per
/// plan year: taken from the year's national proposals, each dossier checked, sent by a dispatch, and the Ministry's
/// decisions recorded back. Every role that reads the reports reads them; officers change them. Sending the list
/// publishes <see cref="NationalSubmissionSent"/> and recording a decision <see cref="NationalDecisionRecorded"/>, through
/// the outbox in the same transaction, under message ids derived from the list (and proposal): a repeat publishes nothing.
/// </summary>
public static class NationalSubmissionsApi
{
    public static IEndpointRouteBuilder MapNationalSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/national-submissions").WithTags("National submissions").RequireAuthorization(Policies.Read, Policies.Report);
        group.MapGet("/", List).WithName("ListNationalSubmissions");
        group.MapGet("/{planYear:int}", Get).WithName("GetNationalSubmission").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Prepare).WithName("PrepareNationalSubmission").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/refresh", Refresh).WithName("RefreshNationalSubmission").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/dossiers/{proposalId:guid}", CheckDossier).WithName("CheckNationalDossier")
            .RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/submit", Submit).WithName("SubmitNationalSubmission").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{planYear:int}/decisions/{proposalId:guid}", RecordDecision).WithName("RecordMinistryDecision")
            .RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    internal static async Task<Ok<List<NationalSubmissionResponse>>> List(ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var lists = await db.NationalSubmissions.AsNoTracking().OrderByDescending(s => s.PlanYear).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(lists.Select(NationalSubmissionResponse.Of).ToList());
    }

    internal static async Task<Results<Ok<NationalSubmissionResponse>, ProblemHttpResult>> Get(int planYear, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var list = await db.NationalSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.PlanYear == planYear, cancellationToken);
        return list is null ? NotFound(planYear) : TypedResults.Ok(NationalSubmissionResponse.Of(list));
    }

    /// <summary>Starts the year's list from its national proposals; a second list of the same year is refused (409).</summary>
    internal static async Task<Results<Created<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> Prepare(
        PrepareNationalSubmissionRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Expect(request.PlanYear is >= PlanYearRange.EarliestYear and <= PlanYearRange.LatestYear, "planYear",
            $"must be a year between {PlanYearRange.EarliestYear} and {PlanYearRange.LatestYear}.", $"phải là năm từ {PlanYearRange.EarliestYear} đến {PlanYearRange.LatestYear}.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var year = request.PlanYear!.Value;
        return await db.RunAsync<Created<NationalSubmissionResponse>>(async ct =>
        {
            if (await db.NationalSubmissions.AnyAsync(s => s.PlanYear == year, ct))
            {
                return ApiProblems.Conflict("national-submission-exists", $"The {year} list of national proposals is already started.",
                    $"Danh mục đề án khuyến công quốc gia năm {year} đã được lập.");
            }
            var list = NationalSubmission.Prepare(year, await CandidatesAsync(db, year, ct), time.GetUtcNow(), Actor.NameOf(user));
            db.NationalSubmissions.Add(list);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/proposals/national-submissions/{year}", NationalSubmissionResponse.Of(list));
        }, cancellationToken);
    }

    /// <summary>Takes the year's national proposals again as they stand, keeping the dossier checks of those that stay.</summary>
    internal static async Task<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        int planYear, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(db, planYear, cancellationToken);
        return await ChangeAsync(planYear, db, list => list.Refresh(candidates), cancellationToken);
    }

    internal static Task<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> CheckDossier(
        int planYear, Guid proposalId, DossierCheckRequest request, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.Complete is not null, "complete", "is required: true or false.", "là bắt buộc: có hoặc không.")
            .Check(request.Note is null || request.Note.Length <= 1000, "note", "At most 1000 characters.", "Tối đa 1000 ký tự.");
        return validation.IsValid
            ? ChangeAsync(planYear, db, list => list.CheckDossier(proposalId, request.Complete!.Value, request.Note), cancellationToken)
            : Task.FromResult<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
    }

    internal static Task<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        int planYear, SubmitNationalListRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.DispatchNumber, "dispatchNumber", 64)
            .RecordDate(request.SentOn, "sentOn");
        return validation.IsValid
            ? ChangeAsync(planYear, db, list =>
            {
                if (list.Submit(request.DispatchNumber!.Trim(), request.SentOn!.Value, time.GetUtcNow(), Actor.NameOf(user)))
                {
                    db.AddIntegrationEvent(Sent(list), SentMessageIdOf(list.Id));
                }
            }, cancellationToken)
            : Task.FromResult<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
    }

    internal static Task<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> RecordDecision(
        int planYear, Guid proposalId, MinistryDecisionRequest request, ProposalsDbContext db, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var approved = request.Outcome == MinistryOutcome.Approved;
        var validation = new RequestValidation()
            .Expect(request.Outcome is { } outcome && Enum.IsDefined(outcome), "outcome", "is required: Approved or NotSelected.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(MinistryOutcome))}.")
            .Expect(!approved || request.ApprovedSupport is not null, "approvedSupport", "is required for an approval.", "là bắt buộc khi Bộ phê duyệt.")
            .OptionalMoney(request.ApprovedSupport, "approvedSupport")
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .RecordDate(request.DecisionDate, "decisionDate");
        return validation.IsValid
            ? ChangeAsync(planYear, db, list =>
            {
                var decision = new MinistryDecision(
                    request.Outcome!.Value, approved ? request.ApprovedSupport : null, request.DecisionNumber!.Trim(), request.DecisionDate!.Value);
                if (list.RecordDecision(proposalId, decision, time.GetUtcNow(), Actor.NameOf(user)))
                {
                    db.AddIntegrationEvent(Decided(list, list.Items.Single(i => i.ProposalId == proposalId)), DecidedMessageIdOf(list.Id, proposalId));
                }
            }, cancellationToken)
            : Task.FromResult<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
    }

    /// <summary>
    /// Refuses the approval of a national proposal the Ministry has yet to decide on, did not select, or approved for
    /// less; holds the list's row (shared) to the end of the approval's transaction, so a decision recorded meanwhile
    /// waits for it and an approval waits for a decision being recorded.
    /// </summary>
    internal static async Task EnsureApprovableAsync(ProposalsDbContext db, Guid proposalId, long support, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<Guid>(
                $"SELECT s.id AS \"Value\" FROM national_submissions s JOIN national_submission_items i ON i.submission_id = s.id WHERE i.proposal_id = {proposalId} FOR SHARE OF s")
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }
        var list = await db.NationalSubmissions.AsNoTracking().SingleAsync(s => s.Id == ids[0], cancellationToken);
        list.EnsureApprovable(proposalId, support);
    }

    /// <summary>The id of a list's NationalSubmissionSent: a list is sent once, so the same list always yields the same message id.</summary>
    public static Guid SentMessageIdOf(Guid submissionId) => NameBasedId.Of($"khuyencong:proposals:national-submission-sent:{submissionId:D}");

    /// <summary>The id of a proposal's NationalDecisionRecorded: one decision per proposal of a list, so always the same message id.</summary>
    public static Guid DecidedMessageIdOf(Guid submissionId, Guid proposalId) =>
        NameBasedId.Of($"khuyencong:proposals:national-decision-recorded:{submissionId:D}:{proposalId:D}");

    /// <summary>The sent list as Reporting takes it: each proposal with the national support asked for it.</summary>
    internal static NationalSubmissionSent Sent(NationalSubmission list) => new()
    {
        SubmissionId = list.Id,
        PlanYear = list.PlanYear,
        DispatchNumber = list.DispatchNumber!,
        SentOn = list.SentOn!.Value,
        IsLate = list.IsLate,
        Proposals =
        [
            .. list.Items.OrderBy(i => i.ProposalCode, StringComparer.Ordinal).Select(i => new NationalProposalSent
            {
                ProposalId = i.ProposalId,
                Code = i.ProposalCode,
                ContentGroup = (Contracts.ContentGroup)i.ContentGroup,
                District = i.District,
                RequestedSupport = i.RequestedSupport,
            }),
        ],
        SentAt = list.SubmittedAt!.Value,
        ActedBy = list.SubmittedBy,
    };

    /// <summary>The Ministry's decision on one proposal of the list, as recorded.</summary>
    internal static NationalDecisionRecorded Decided(NationalSubmission list, NationalSubmissionItem item) => new()
    {
        SubmissionId = list.Id,
        PlanYear = list.PlanYear,
        ProposalId = item.ProposalId,
        Code = item.ProposalCode,
        Outcome = item.Outcome == MinistryOutcome.Approved ? NationalDecisionRecorded.Approved : NationalDecisionRecorded.NotSelected,
        ApprovedSupport = item.ApprovedSupport,
        DecisionNumber = item.DecisionNumber!,
        DecisionDate = item.DecisionDate!.Value,
        RecordedAt = item.RecordedAt!.Value,
        RecordedBy = item.RecordedBy,
    };

    private static async Task<Results<Ok<NationalSubmissionResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        int planYear, ProposalsDbContext db, Action<NationalSubmission> change, CancellationToken cancellationToken) =>
        await db.RunAsync<Ok<NationalSubmissionResponse>>(async ct =>
        {
            var ids = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM national_submissions WHERE plan_year = {planYear} FOR UPDATE")
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return NotFound(planYear);
            }
            var list = await db.NationalSubmissions.SingleAsync(s => s.Id == ids[0], ct);
            change(list);
            db.Touch(list);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(NationalSubmissionResponse.Of(list));
        }, cancellationToken);

    /// <summary>The year's national proposals that are filed and still alive: neither drafts nor rejected nor cancelled.</summary>
    private static async Task<List<NationalCandidate>> CandidatesAsync(ProposalsDbContext db, int planYear, CancellationToken cancellationToken)
    {
        var rows = await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.PlanYear == planYear && p.FundingSource == FundingSource.National
                && p.Status != ProposalStatus.Draft && p.Status != ProposalStatus.Rejected && p.Status != ProposalStatus.Cancelled)
            .Select(p => new { p.Id, p.Code, p.Title, p.ContentGroup, p.District, p.Budget.StateSupport })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new NationalCandidate(r.Id, r.Code, r.Title, r.ContentGroup, r.District, r.StateSupport)).ToList();
    }

    private static ProblemHttpResult NotFound(int planYear) =>
        ApiProblems.NotFound("NationalSubmission", $"No list of national proposals is started for {planYear}.",
            $"Chưa lập danh mục đề án khuyến công quốc gia năm {planYear}.");
}

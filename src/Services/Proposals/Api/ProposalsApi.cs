using System.Text.RegularExpressions;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

public static partial class ProposalsApi
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("Proposals");
        group.MapPost("/", CreateDraft).WithName("CreateProposal");
        group.MapGet("/", List).WithName("ListProposals");
        group.MapGet("/{id:guid}", Get).WithName("GetProposal").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/submit", Submit).WithName("SubmitProposal")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/approve", Approve).WithName("ApproveProposal")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex TaxCodePattern();

    internal static async Task<Results<Created<ProposalResponse>, ValidationProblem>> CreateDraft(
        CreateProposalRequest request, ProposalsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.Title, "title")
            .Check(request.FundingSource is not null, "fundingSource", "'fundingSource' is required: National or Local.")
            .Check(request.PlanYear is >= 2000 and <= 2100, "planYear", "'planYear' must be a year between 2000 and 2100.")
            .Check(request.ContentGroup is >= 1 and <= 9, "contentGroup", "'contentGroup' must be one of the nine content groups (1–9) of Decree 45.")
            .Check(request.EstablishmentTaxCode is { } tax && TaxCodePattern().IsMatch(tax), "establishmentTaxCode",
                "'establishmentTaxCode' must be a tax code of 10 digits, or 13 with a branch suffix (0101234567-001).")
            .Required(request.District, "district", 100)
            .Positive(request.StateSupport, "stateSupport")
            .NotNegative(request.OwnCapital, "ownCapital")
            .NotNegative(request.OtherSources, "otherSources");
        if (request.TotalBudget is not null && validation.IsValid)
        {
            var sum = request.StateSupport!.Value + request.OwnCapital!.Value + request.OtherSources!.Value;
            validation.Check(request.TotalBudget == sum, "totalBudget",
                $"'totalBudget' ({request.TotalBudget:N0}) must equal state support + own capital + other sources ({sum:N0}).");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");
        }

        var source = request.FundingSource!.Value;
        var year = request.PlanYear!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await db.NextCodeNumberAsync(source.CodePrefix(), year, cancellationToken);
        var proposal = Proposal.CreateDraft(
            $"{source.CodePrefix()}-{year}-{number:D3}", request.Title!.Trim(), source, year, request.ContentGroup!.Value,
            request.EstablishmentTaxCode!, request.District!.Trim(),
            new Budget(request.StateSupport!.Value, request.OwnCapital!.Value, request.OtherSources!.Value),
            time.GetUtcNow());
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created($"/api/proposals/{proposal.Id}", ProposalResponse.From(proposal));
    }

    internal static async Task<Results<Ok<ProposalPage>, ValidationProblem>> List(
        ProposalsDbContext db, CancellationToken cancellationToken,
        int? year = null, ProposalStatus? status = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation()
            .Check(page >= 1, "page", "'page' starts at 1.")
            .Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");
        }

        var query = db.Proposals.AsNoTracking();
        if (year is not null)
        {
            query = query.Where(p => p.PlanYear == year);
        }
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProposalPage(items.Select(ProposalResponse.From).ToList(), total, page, pageSize));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Get(
        Guid id, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return proposal is null ? NotFound(id) : TypedResults.Ok(ProposalResponse.From(proposal));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Submit(
        Guid id, ProposalsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound(id);
        }
        try
        {
            proposal.Submit(time.GetUtcNow());
        }
        catch (ProposalRuleException rule)
        {
            return Refused(rule);
        }
        db.AddIntegrationEvent(ProposalEvents.Submitted(proposal));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProposalResponse.From(proposal));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveProposalRequest request, ProposalsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Positive(request.ApprovedSupport, "approvedSupport")
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .Check(request.DecisionDate is not null, "decisionDate", "'decisionDate' is required (yyyy-MM-dd).");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");
        }

        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound(id);
        }
        try
        {
            proposal.Approve(request.ApprovedSupport!.Value, request.DecisionNumber!.Trim(), request.DecisionDate!.Value, time.GetUtcNow());
        }
        catch (ProposalRuleException rule)
        {
            return Refused(rule);
        }
        db.AddIntegrationEvent(ProposalEvents.Approved(proposal));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProposalResponse.From(proposal));
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: "/errors/not-found",
        title: "Proposal not found.",
        detail: $"There is no proposal with id {id}.");

    private static ProblemHttpResult Refused(ProposalRuleException rule) => TypedResults.Problem(
        statusCode: rule.Kind == RuleKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
        type: $"/errors/{rule.Code}",
        title: "The proposal rules refuse this.",
        detail: rule.Message);
}

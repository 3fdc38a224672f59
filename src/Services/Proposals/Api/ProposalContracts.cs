using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

public sealed record CreateProposalRequest(
    string? Title,
    FundingSource? FundingSource,
    int? PlanYear,
    int? ContentGroup,
    string? EstablishmentTaxCode,
    string? District,
    long? StateSupport,
    long? OwnCapital,
    long? OtherSources,
    long? TotalBudget);

public sealed record ApproveProposalRequest(long? ApprovedSupport, string? DecisionNumber, DateOnly? DecisionDate);

public sealed record BudgetResponse(long StateSupport, long OwnCapital, long OtherSources, long Total);

public sealed record ApprovalResponse(long ApprovedSupport, string DecisionNumber, DateOnly DecisionDate, DateTimeOffset ApprovedAt);

public sealed record ProposalResponse(
    Guid Id,
    string Code,
    string Title,
    FundingSource FundingSource,
    int PlanYear,
    int ContentGroup,
    string EstablishmentTaxCode,
    string District,
    BudgetResponse Budget,
    ProposalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    ApprovalResponse? Approval)
{
    public static ProposalResponse From(Proposal p) => new(
        p.Id, p.Code, p.Title, p.FundingSource, p.PlanYear, p.ContentGroup, p.EstablishmentTaxCode, p.District,
        new BudgetResponse(p.Budget.StateSupport, p.Budget.OwnCapital, p.Budget.OtherSources, p.Budget.Total),
        p.Status, p.CreatedAt, p.SubmittedAt,
        p.Approval is { } a ? new ApprovalResponse(a.ApprovedSupport, a.DecisionNumber, a.DecisionDate, a.ApprovedAt) : null);
}

public sealed record ProposalPage(IReadOnlyList<ProposalResponse> Items, int Total, int Page, int PageSize);

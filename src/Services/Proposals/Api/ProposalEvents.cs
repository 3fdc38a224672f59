using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>Maps the domain to the integration events other services rely on.</summary>
internal static class ProposalEvents
{
    public static ProposalSubmitted Submitted(Proposal p) => new()
    {
        ProposalId = p.Id,
        Code = p.Code,
        Title = p.Title,
        EstablishmentTaxCode = p.EstablishmentTaxCode,
        District = p.District,
        ContentGroup = (ContentGroup)p.ContentGroup,
        FundingSource = (Contracts.FundingSource)p.FundingSource,
        PlanYear = p.PlanYear,
        TotalBudget = p.Budget.Total,
        StateSupport = p.Budget.StateSupport,
        OwnCapital = p.Budget.OwnCapital,
        OtherSources = p.Budget.OtherSources,
        SubmittedAt = p.SubmittedAt ?? throw new InvalidOperationException("A submitted proposal has a submission time."),
    };

    public static ProposalApproved Approved(Proposal p)
    {
        var approval = p.Approval ?? throw new InvalidOperationException("An approved proposal has an approval.");
        return new ProposalApproved
        {
            ProposalId = p.Id,
            Code = p.Code,
            Title = p.Title,
            EstablishmentTaxCode = p.EstablishmentTaxCode,
            District = p.District,
            ContentGroup = (ContentGroup)p.ContentGroup,
            FundingSource = (Contracts.FundingSource)p.FundingSource,
            PlanYear = p.PlanYear,
            TotalBudget = p.Budget.Total,
            RequestedStateSupport = p.Budget.StateSupport,
            OwnCapital = p.Budget.OwnCapital,
            OtherSources = p.Budget.OtherSources,
            ApprovedSupport = approval.ApprovedSupport,
            DecisionNumber = approval.DecisionNumber,
            DecisionDate = approval.DecisionDate,
            ApprovedAt = approval.ApprovedAt,
        };
    }
}

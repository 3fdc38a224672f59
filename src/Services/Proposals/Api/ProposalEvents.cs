using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <summary>Maps the domain to the integration events other services rely on.</summary>
internal static class ProposalEvents
{
    private static ProposalProfile Profile(Proposal p) => new()
    {
        Code = p.Code,
        Title = p.Title,
        FundingSource = (Contracts.FundingSource)p.FundingSource,
        PlanYear = p.PlanYear,
        ContentGroup = (ContentGroup)p.ContentGroup,
        ImplementingUnit = "",
        EstablishmentTaxCodes = [p.EstablishmentTaxCode],
        Sector = Sector.Other,
        AdministrativeUnitCode = p.District,
        District = p.District,
        Location = p.District,
        IsPriorityArea = false,
        TotalBudget = p.Budget.Total,
        StateSupport = p.Budget.StateSupport,
        OwnCapital = p.Budget.OwnCapital,
        OtherSources = p.Budget.OtherSources,
        ExpectedJobs = 0,
        ExpectedAverageWage = 0,
    };

    public static ProposalSubmitted Submitted(Proposal p) => new()
    {
        ProposalId = p.Id,
        Proposal = Profile(p),
        SubmittedAt = p.SubmittedAt ?? throw new InvalidOperationException("A submitted proposal has a submission time."),
        IsLate = false,
    };

    public static ProposalApproved Approved(Proposal p)
    {
        var approval = p.Approval ?? throw new InvalidOperationException("An approved proposal has an approval.");
        return new ProposalApproved
        {
            ProposalId = p.Id,
            Proposal = Profile(p),
            ApprovedSupport = approval.ApprovedSupport,
            DecisionNumber = approval.DecisionNumber,
            DecisionDate = approval.DecisionDate,
            AppraisalScore = 0m,
            ApprovedAt = approval.ApprovedAt,
        };
    }
}

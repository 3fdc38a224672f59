using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Domain;
using KhuyenCong.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Consumers;

public sealed class ProposalSubmittedConsumer(ReportingDbContext db) : IdempotentConsumer<ProposalSubmitted, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(ProposalSubmitted e, ConsumeContext<ProposalSubmitted> context)
    {
        var fact = await Db.FindOrAddFactAsync(e.ProposalId, context.CancellationToken);
        fact.Submitted(
            e.Proposal.Figures(),
            e.SubmittedAt);
    }
}

public sealed class ProposalApprovedConsumer(ReportingDbContext db) : IdempotentConsumer<ProposalApproved, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(ProposalApproved e, ConsumeContext<ProposalApproved> context)
    {
        var fact = await Db.FindOrAddFactAsync(e.ProposalId, context.CancellationToken);
        fact.Approved(
            e.Proposal.Figures(),
            e.ApprovedSupport, e.ApprovedAt);
    }
}

internal static class ProposalFactLookup
{
    public static ProposalFigures Figures(this ProposalProfile p) => new(
        p.Code, p.PlanYear, p.District, (int)p.ContentGroup, p.FundingSource.ToString(),
        p.TotalBudget, p.StateSupport, p.OwnCapital, p.OtherSources);

    public static async Task<ProposalFact> FindOrAddFactAsync(this ReportingDbContext db, Guid proposalId, CancellationToken cancellationToken)
    {
        var fact = await db.ProposalFacts.SingleOrDefaultAsync(f => f.ProposalId == proposalId, cancellationToken);
        if (fact is null)
        {
            fact = ProposalFact.For(proposalId);
            db.ProposalFacts.Add(fact);
        }
        return fact;
    }
}

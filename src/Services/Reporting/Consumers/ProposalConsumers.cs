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
            new ProposalFigures(e.Code, e.PlanYear, e.District, (int)e.ContentGroup, e.FundingSource.ToString(),
                e.TotalBudget, e.StateSupport, e.OwnCapital, e.OtherSources),
            e.SubmittedAt);
    }
}

public sealed class ProposalApprovedConsumer(ReportingDbContext db) : IdempotentConsumer<ProposalApproved, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(ProposalApproved e, ConsumeContext<ProposalApproved> context)
    {
        var fact = await Db.FindOrAddFactAsync(e.ProposalId, context.CancellationToken);
        fact.Approved(
            new ProposalFigures(e.Code, e.PlanYear, e.District, (int)e.ContentGroup, e.FundingSource.ToString(),
                e.TotalBudget, e.RequestedStateSupport, e.OwnCapital, e.OtherSources),
            e.ApprovedSupport, e.ApprovedAt);
    }
}

internal static class ProposalFactLookup
{
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

using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Plans;

/// <summary>
/// Publishes <see cref="Contracts.Proposals.AnnualPlanApproved"/> for the plan versions approved before the event existed,
/// so that Reporting's planned figure counts them. The migration <c>UnpublishedPlanApprovals</c> lists those plans
/// (<see cref="MarkUnpublishedSql"/>: plans with an approved version and no AnnualPlanApproved in the outbox) in
/// <c>unpublished_plan_approvals</c>; this job, at every start, writes the event of each of their approved versions to the
/// outbox and strikes the plan off the list in one transaction, so each version is published once. The message id is
/// derived from the plan and version (<see cref="PlansApi.ApprovedMessageIdOf"/>, as the live approval's), and Reporting
/// keeps a version by plan and number, so a version published twice is still one version there.
/// </summary>
public sealed class PlanApprovedBackfill(IServiceScopeFactory scopes, ILogger<PlanApprovedBackfill> logger) : ListedBackfill(scopes, logger)
{
    /// <summary>Lists the plans with an approved version and no AnnualPlanApproved written; the migration runs it once.</summary>
    public const string MarkUnpublishedSql = """
        INSERT INTO unpublished_plan_approvals (plan_id)
        SELECT p.id FROM annual_plans p
        WHERE EXISTS (SELECT 1 FROM annual_plan_versions v WHERE v.plan_id = p.id AND v.decision_number IS NOT NULL)
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.message_type LIKE 'KhuyenCong.Contracts.Proposals.AnnualPlanApproved,%' AND o.payload->>'planId' = p.id::text)
        ON CONFLICT (plan_id) DO NOTHING
        """;

    protected override string Table => "unpublished_plan_approvals";

    protected override string Column => "plan_id";

    protected override string Published => "AnnualPlanApproved";

    protected override async Task<int> AddEventsAsync(ProposalsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var added = 0;
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            foreach (var version in plan.Versions.Where(v => v.IsApproved).OrderBy(v => v.Number))
            {
                var messageId = PlansApi.ApprovedMessageIdOf(plan.Id, version.Number);
                if (!await WrittenAsync(db, messageId, cancellationToken))
                {
                    db.AddIntegrationEvent(PlansApi.Approved(plan, version), messageId);
                    added++;
                }
            }
        }
        return added;
    }
}

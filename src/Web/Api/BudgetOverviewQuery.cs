using KhuyenCong.Web.Api.Clients;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The province's own setting for the dashboard's under-spend alert (section <c>BudgetAlerts</c>): no legal text fixes
/// such a threshold, so the province chooses it. The default is a starting value to be replaced by the province's
/// choice, not a rule.
/// </summary>
public sealed class BudgetAlertOptions
{
    public const string Section = "BudgetAlerts";

    /// <summary>The share of the allocated envelope, in percent, that the province expects paid out by 1 October.</summary>
    public int UnderSpendPercent { get; set; } = 50;
}

/// <summary>The current year's envelopes on the dashboard, what needs attention about them, and the province's threshold.</summary>
public sealed record BudgetOverview(
    int Year, IReadOnlyList<BudgetEnvelope> Envelopes, int OverPlanCount, IReadOnlyList<ProposalSummary> OverPlan,
    int UnderSpendPercent, IReadOnlyList<FundingSource> UnderSpent);

/// <summary>
/// Gathers the year's plan against what was done: each funding source's envelope as the envelope API figures it (so
/// the dashboard and the budget page never disagree), the approvals beyond the plan, and the under-spend alert.
/// </summary>
public sealed class BudgetOverviewQuery(BudgetClient budget, ProposalsClient proposals, IOptions<BudgetAlertOptions> options)
{
    /// <summary>How many of the approvals beyond the plan are linked on the dashboard; the count covers them all.</summary>
    public const int OverPlanShown = 10;

    public async Task<ApiResult<BudgetOverview>> LoadAsync(int year, DateOnly today, CancellationToken cancellationToken)
    {
        var envelopes = new List<BudgetEnvelope>();
        foreach (var source in Enum.GetValues<FundingSource>())
        {
            var envelope = await budget.GetAsync(year, source, cancellationToken);
            if (envelope.Problem is { } problem)
            {
                return new ApiResult<BudgetOverview>(null, problem);
            }
            envelopes.Add(envelope.Value!);
        }
        var overPlan = await proposals.ListAsync(new ProposalFilter { Year = year, OverPlanOnly = true }, 1, OverPlanShown, cancellationToken);
        if (overPlan.Problem is { } refused)
        {
            return new ApiResult<BudgetOverview>(null, refused);
        }
        var percent = options.Value.UnderSpendPercent;
        return new ApiResult<BudgetOverview>(new BudgetOverview(
            year, envelopes, overPlan.Value!.Total, overPlan.Value.Items, percent,
            envelopes.Where(e => IsUnderSpent(e, today, percent)).Select(e => e.FundingSource).ToList()), null);
    }

    /// <summary>From 1 October of its year, an envelope whose payments are below the province's share of what was allocated.</summary>
    public static bool IsUnderSpent(BudgetEnvelope envelope, DateOnly today, int percent) =>
        envelope is { HasEnvelope: true, Allocated: > 0 }
        && today >= new DateOnly(envelope.PlanYear, 10, 1)
        && (decimal)envelope.Paid * 100 < (decimal)envelope.Allocated.Value * percent;

    /// <summary>What was paid (or committed) as a share of what was allocated, in percent; none without an allocation.</summary>
    public static decimal? ShareOf(long amount, long? allocated) =>
        allocated is > 0 ? Math.Round(amount * 100m / allocated.Value, 1) : null;
}

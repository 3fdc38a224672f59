namespace KhuyenCong.Web.Api.Clients;

/// <summary>The annual plans of the Proposals service and their versions (<c>/api/proposals/plans</c>).</summary>
public sealed class PlansClient(GatewayClient gateway)
{
    private const string Root = "/api/proposals/plans";

    public Task<ApiResult<List<AnnualPlan>>> ListAsync(int? year, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<AnnualPlan>>(Root + Query.Of(("year", year)), cancellationToken);

    /// <summary>Compiles the draft version of a year's plan from its proposals as they stand (a revision once a version is approved).</summary>
    public Task<ApiResult<AnnualPlan>> CompileAsync(CompilePlanRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<AnnualPlan>(Root, request, cancellationToken);

    public Task<ApiResult<AnnualPlan>> ApproveAsync(int planYear, FundingSource fundingSource, int version, ApprovePlanRequest request,
        CancellationToken cancellationToken = default) =>
        gateway.PostAsync<AnnualPlan>($"{Root}/{planYear}/{fundingSource}/versions/{version}/approve", request, cancellationToken);
}

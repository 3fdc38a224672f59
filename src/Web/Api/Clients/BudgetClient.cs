namespace KhuyenCong.Web.Api.Clients;

/// <summary>The budget envelopes of the Proposals service (<c>/api/proposals/budget-envelopes</c>).</summary>
public sealed class BudgetClient(GatewayClient gateway)
{
    private const string Root = "/api/proposals/budget-envelopes";

    public Task<ApiResult<List<BudgetEnvelope>>> ListAsync(int? fromYear, int? toYear, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<BudgetEnvelope>>(Root + Query.Of(("fromYear", fromYear), ("toYear", toYear)), cancellationToken);

    /// <summary>The envelope of a year and source; without one, the figures of its approved proposals alone.</summary>
    public Task<ApiResult<BudgetEnvelope>> GetAsync(int planYear, FundingSource fundingSource, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<BudgetEnvelope>($"{Root}/{planYear}/{fundingSource}", cancellationToken);

    public Task<ApiResult<BudgetEnvelope>> AllocateAsync(AllocateBudgetRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<BudgetEnvelope>(Root, request, cancellationToken);

    /// <summary>Records an addition or a cut on the envelope of a year and source.</summary>
    public Task<ApiResult<BudgetEnvelope>> ChangeAsync(int planYear, FundingSource fundingSource, BudgetEntryRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<BudgetEnvelope>($"{Root}/{planYear}/{fundingSource}/entries", request, cancellationToken);
}

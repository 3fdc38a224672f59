namespace KhuyenCong.Web.Api.Clients;

/// <summary>The units' consolidations of a call's registrations (<c>/api/proposals/calls/{callId}/consolidations</c>).</summary>
public sealed class ConsolidationsClient(GatewayClient gateway)
{
    private static string Root(Guid callId) => $"/api/proposals/calls/{callId}/consolidations";

    /// <summary>Every unit with a filed proposal or a consolidation of the call (a district officer's own unit only).</summary>
    public Task<ApiResult<List<UnitConsolidationSummary>>> ListAsync(Guid callId, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<UnitConsolidationSummary>>(Root(callId), cancellationToken);

    public Task<ApiResult<UnitConsolidation>> GetAsync(Guid callId, string unitCode, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<UnitConsolidation>($"{Root(callId)}/{Uri.EscapeDataString(unitCode)}", cancellationToken);

    /// <summary>Starts the unit's consolidation, or takes its filed proposals in again while it is being prepared.</summary>
    public Task<ApiResult<UnitConsolidation>> PrepareAsync(Guid callId, string unitCode, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<UnitConsolidation>($"{Root(callId)}/{Uri.EscapeDataString(unitCode)}", new { }, cancellationToken);

    public Task<ApiResult<UnitConsolidation>> AssessAsync(Guid callId, string unitCode, Guid proposalId, AssessConsolidationItemRequest request,
        CancellationToken cancellationToken = default) =>
        gateway.PutAsync<UnitConsolidation>($"{Root(callId)}/{Uri.EscapeDataString(unitCode)}/items/{proposalId}", request, cancellationToken);

    public Task<ApiResult<UnitConsolidation>> SendAsync(Guid callId, string unitCode, SendConsolidationRequest request,
        CancellationToken cancellationToken = default) =>
        gateway.PostAsync<UnitConsolidation>($"{Root(callId)}/{Uri.EscapeDataString(unitCode)}/send", request, cancellationToken);
}

namespace KhuyenCong.Web.Api.Clients;

/// <summary>The reference data the Proposals service keeps for every form (<c>/api/reference</c>).</summary>
public sealed class ReferenceClient(GatewayClient gateway)
{
    /// <summary>The province's administrative units; with a date, only those that existed on it.</summary>
    public Task<ApiResult<List<AdministrativeUnit>>> AdministrativeUnitsAsync(DateOnly? validOn = null, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<AdministrativeUnit>>("/api/reference/administrative-units" + Query.Of(("validOn", validOn)), cancellationToken);
}

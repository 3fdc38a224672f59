namespace KhuyenCong.Web.Api.Clients;

/// <summary>What a list of establishments is narrowed to; unset filters are left out of the query.</summary>
public sealed record EstablishmentFilter
{
    public string? Q { get; init; }
    public string? District { get; init; }
    public Sector? Sector { get; init; }
    public EstablishmentType? Type { get; init; }
    public string? TaxCode { get; init; }
    public string? AdministrativeUnitCode { get; init; }
}

/// <summary>The registry of rural industrial establishments, kept by the Proposals service (<c>/api/establishments</c>).</summary>
public sealed class EstablishmentsClient(GatewayClient gateway)
{
    private const string Root = "/api/establishments";

    public Task<ApiResult<PageOf<Establishment>>> ListAsync(EstablishmentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<Establishment>>(Root + Query.Of(("q", filter.Q), ("district", filter.District), ("sector", filter.Sector), ("type", filter.Type),
            ("taxCode", filter.TaxCode), ("administrativeUnitCode", filter.AdministrativeUnitCode), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<Establishment>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<Establishment>($"{Root}/{id}", cancellationToken);

    public Task<ApiResult<Establishment>> RegisterAsync(EstablishmentRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Establishment>(Root, request, cancellationToken);

    public Task<ApiResult<Establishment>> UpdateAsync(Guid id, EstablishmentRequest request, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<Establishment>($"{Root}/{id}", request, cancellationToken);
}

namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Products service's certificates and public catalogue (<c>/api/products</c>).</summary>
public sealed class ProductsClient(GatewayClient gateway)
{
    private const string Root = "/api/products";

    public Task<ApiResult<PageOf<ProductCertificate>>> CertificatesAsync(string? establishmentTaxCode, int? year, CertificateStatus? status, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<ProductCertificate>>($"{Root}/certificates" + Query.Of(("establishmentTaxCode", establishmentTaxCode), ("year", year),
            ("status", status), ("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>The recognised products whose certificates are valid, as the public sees them.</summary>
    public Task<ApiResult<PageOf<CatalogueItem>>> CatalogueAsync(string? q, ProductGroup? group, RecognitionLevel? level, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<CatalogueItem>>($"{Root}/catalogue" + Query.Of(("q", q), ("group", group), ("level", level), ("page", page), ("pageSize", pageSize)),
            cancellationToken);
}

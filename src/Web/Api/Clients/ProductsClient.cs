using System.Text.Json;

namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Products service's competitions, entries, certificates and public catalogue (<c>/api/products</c>).</summary>
public sealed class ProductsClient(GatewayClient gateway)
{
    private const string Root = "/api/products";

    /// <summary>The certificates; <paramref name="q"/> finds them by number, holder's tax code, product or holder's name.</summary>
    public Task<ApiResult<PageOf<ProductCertificate>>> CertificatesAsync(string? q, string? establishmentTaxCode, int? year, CertificateStatus? status, int page,
        int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<ProductCertificate>>($"{Root}/certificates" + Query.Of(("q", q), ("establishmentTaxCode", establishmentTaxCode), ("year", year),
            ("status", status), ("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>The yearly reports owed and not filed, oldest first, of the certificates the caller sees.</summary>
    public Task<ApiResult<PageOf<HolderReportDue>>> HolderReportsDueAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<HolderReportDue>>($"{Root}/certificates/reports-due" + Query.Of(("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>Files the holder's yearly report on a certificate.</summary>
    public Task<ApiResult<HolderReport>> FileHolderReportAsync(Guid certificateId, HolderReportRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<HolderReport>($"{Root}/certificates/{certificateId}/holder-reports", request, cancellationToken);

    /// <summary>The recognised products whose certificates are valid, as the public sees them.</summary>
    public Task<ApiResult<PageOf<CatalogueItem>>> CatalogueAsync(string? q, ProductGroup? group, RecognitionLevel? level, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<CatalogueItem>>($"{Root}/catalogue" + Query.Of(("q", q), ("group", group), ("level", level), ("page", page), ("pageSize", pageSize)),
            cancellationToken);

    public Task<ApiResult<PageOf<CompetitionSummary>>> CompetitionsAsync(int? year, RecognitionLevel? level, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<CompetitionSummary>>($"{Root}/competitions" + Query.Of(("year", year), ("level", level), ("page", page), ("pageSize", pageSize)),
            cancellationToken);

    public Task<ApiResult<Competition>> CreateCompetitionAsync(CreateCompetitionRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Competition>($"{Root}/competitions", request, cancellationToken);

    public Task<ApiResult<Competition>> CompetitionAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<Competition>($"{Root}/competitions/{id}", cancellationToken);

    /// <summary>What was done to the competition, by whom and when (entries' products and scores, for the Centre only).</summary>
    public Task<ApiResult<List<HistoryEntry>>> HistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<HistoryEntry>>($"{Root}/competitions/{id}/history", cancellationToken);

    public Task<ApiResult<List<Entry>>> EntriesAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<Entry>>($"{Root}/competitions/{id}/entries", cancellationToken);

    public Task<ApiResult<CompetitionResults>> ResultsAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<CompetitionResults>($"{Root}/competitions/{id}/results", cancellationToken);

    public Task<ApiResult<List<Complaint>>> ComplaintsAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<Complaint>>($"{Root}/competitions/{id}/complaints", cancellationToken);

    /// <summary>The appraiser accounts that may take a jury seat.</summary>
    public Task<ApiResult<List<Appraiser>>> AppraisersAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<Appraiser>>($"{Root}/appraisers", cancellationToken);

    public Task<ApiResult<Competition>> SetCouncilAsync(Guid id, SetCouncilRequest council, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<Competition>($"{Root}/competitions/{id}/council", council, cancellationToken);

    /// <summary>
    /// A step of the competition or of one of its entries or complaints: <paramref name="step"/> is its path under the
    /// competition (<c>open</c>, <c>entries/{entryId}/submit</c>, <c>complaints/{complaintId}/answer</c>…).
    /// </summary>
    public Task<ApiResult<JsonElement>> StepAsync(Guid id, string step, object? body, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<JsonElement>($"{Root}/competitions/{id}/{step}", body, cancellationToken);

    /// <summary>An establishment's entries across competitions, newest competition first (none for one outside the user's scope).</summary>
    public Task<ApiResult<PageOf<EstablishmentEntry>>> EntriesOfAsync(string establishmentTaxCode, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<EstablishmentEntry>>($"{Root}/entries" + Query.Of(("establishmentTaxCode", establishmentTaxCode),
            ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<Entry>> RegisterEntryAsync(Guid id, RegisterEntryRequest entry, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Entry>($"{Root}/competitions/{id}/entries", entry, cancellationToken);

    /// <summary>The signed-in juror's score sheet for the entry.</summary>
    public Task<ApiResult<JsonElement>> ScoreAsync(Guid id, Guid entryId, ScoreRequest score, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<JsonElement>($"{Root}/competitions/{id}/entries/{entryId}/scores", score, cancellationToken);
}

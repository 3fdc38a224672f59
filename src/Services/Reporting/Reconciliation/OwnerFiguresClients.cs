using KhuyenCong.Contracts.Reconciliation;

namespace KhuyenCong.Reporting.Reconciliation;

/// <summary>
/// Reads an owning service's figures (<c>GET /api/&lt;area&gt;/figures</c>) with the caller's own token,
/// so the owner authorises the request as it would the caller's.
/// </summary>
public abstract class OwnerFiguresClient(HttpClient http)
{
    /// <summary>The area and service name (proposals, training, fairs, products).</summary>
    public abstract string Area { get; }

    protected abstract string Path { get; }

    /// <exception cref="HttpRequestException">The service could not be reached or did not answer with its figures.</exception>
    public async Task<OwnerFigures> GetAsync(int fromYear, int toYear, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?fromYear={fromYear}&toYear={toYear}");
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{Area} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<OwnerFigures>(cancellationToken)
            ?? throw new HttpRequestException($"{Area} answered without figures.");
    }
}

public sealed class ProposalFiguresClient(HttpClient http) : OwnerFiguresClient(http)
{
    public override string Area => "proposals";
    protected override string Path => "/api/proposals/figures";
}

public sealed class TrainingFiguresClient(HttpClient http) : OwnerFiguresClient(http)
{
    public override string Area => "training";
    protected override string Path => "/api/training/figures";
}

public sealed class FairFiguresClient(HttpClient http) : OwnerFiguresClient(http)
{
    public override string Area => "fairs";
    protected override string Path => "/api/fairs/figures";
}

public sealed class ProductFiguresClient(HttpClient http) : OwnerFiguresClient(http)
{
    public override string Area => "products";
    protected override string Path => "/api/products/figures";
}

using KhuyenCong.Web.Api;
using KhuyenCong.Web.Api.Clients;
using KhuyenCong.Web.Ui;

namespace KhuyenCong.Web.Search;

/// <summary>One record a search found: what it is called, a line that tells it apart, and where it is.</summary>
public sealed record SearchHit(string Title, string Detail, string Href);

/// <summary>
/// The records of one kind a search found, or, when the service keeping them did not answer, the problem instead:
/// the other kinds are still shown.
/// </summary>
public sealed record SearchGroup(SearchKind Kind, IReadOnlyList<SearchHit> Hits, int Total, string MoreHref, ApiProblem? Problem);

public enum SearchKind
{
    Proposals,
    Establishments,
    Courses,
    Fairs,
    Products,
}

/// <summary>
/// The app bar's search: a code, a name or a tax code looked up across proposals, establishments, courses, fairs and
/// recognised products at once, each through its service's list with its text filter. The services narrow every
/// list to the caller's scope; the filters an Establishment or a District officer's pages send are sent too.
/// </summary>
public sealed class RecordSearch(ProposalsClient proposals, EstablishmentsClient establishments, TrainingClient training, FairsClient fairs,
    ProductsClient products)
{
    /// <summary>How many records of a kind are listed; the group links to its full list for the rest.</summary>
    public const int PerKind = 8;

    /// <summary>The Vietnamese name of a kind of record, as the search's groups are headed.</summary>
    public static string NameOf(SearchKind kind) => kind switch
    {
        SearchKind.Proposals => "Đề án khuyến công",
        SearchKind.Establishments => "Cơ sở CNNT",
        SearchKind.Courses => "Khóa đào tạo",
        SearchKind.Fairs => "Hội chợ, triển lãm",
        _ => "Sản phẩm CNNT tiêu biểu",
    };

    /// <summary>The records of each kind that match <paramref name="text"/>, at most <paramref name="perKind"/> of each.</summary>
    public async Task<IReadOnlyList<SearchGroup>> FindAsync(string text, string? ownTaxCode, string? ownUnitCode, CancellationToken cancellationToken,
        int perKind = PerKind)
    {
        var q = text.Trim();
        var escaped = Uri.EscapeDataString(q);
        var groups = await Task.WhenAll(
            GroupAsync(SearchKind.Proposals, $"/proposals?q={escaped}",
                proposals.ListAsync(new ProposalFilter { Q = q, EstablishmentTaxCode = ownTaxCode, AdministrativeUnitCode = ownUnitCode, NewestFirst = true },
                    1, perKind, cancellationToken),
                page => (page.Items.Select(p => new SearchHit($"{p.Code} — {p.Title}", $"{p.PlanYear} · {p.District}", $"/proposals/{p.Id}")).ToList(), page.Total)),
            GroupAsync(SearchKind.Establishments, $"/establishments?q={escaped}",
                establishments.ListAsync(new EstablishmentFilter { Q = q, TaxCode = ownTaxCode, AdministrativeUnitCode = ownUnitCode }, 1, perKind, cancellationToken),
                page => (page.Items.Select(e => new SearchHit(e.Name, $"{e.TaxCode} · {e.District}", $"/establishments/{e.Id}")).ToList(), page.Total)),
            GroupAsync(SearchKind.Courses, $"/training?q={escaped}",
                training.CoursesAsync(q, null, null, null, 1, perKind, cancellationToken),
                page => (page.Items.Select(c => new SearchHit(c.Title, $"{c.PlanYear} · {c.District}", $"/training/courses/{c.Id}")).ToList(), page.Total)),
            GroupAsync(SearchKind.Fairs, $"/fairs?q={escaped}",
                fairs.ListAsync(q, null, null, 1, perKind, cancellationToken),
                page => (page.Items.Select(f => new SearchHit(f.Name, $"{f.Organiser} · {Format.Date(f.StartDate)}", $"/fairs/{f.Id}")).ToList(), page.Total)),
            GroupAsync(SearchKind.Products, $"/products/certificates?q={escaped}",
                products.CertificatesAsync(q, ownTaxCode, null, null, 1, perKind, cancellationToken),
                page => (page.Items.Select(c => new SearchHit(c.ProductName, $"{c.Number} · {c.EstablishmentName}",
                    $"/products/certificates?q={Uri.EscapeDataString(c.Number)}")).ToList(), page.Total)));
        return groups;
    }

    private static async Task<SearchGroup> GroupAsync<TPage>(SearchKind kind, string moreHref, Task<ApiResult<TPage>> query,
        Func<TPage, (IReadOnlyList<SearchHit> Hits, int Total)> hitsOf)
    {
        var result = await query;
        if (result.Value is not { } page)
        {
            return new SearchGroup(kind, [], 0, moreHref, result.Problem);
        }
        var (hits, total) = hitsOf(page);
        return new SearchGroup(kind, hits, total, moreHref, null);
    }
}

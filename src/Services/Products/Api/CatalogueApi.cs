using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Products.Api.ProductsApi;
using static KhuyenCong.ServiceDefaults.Http.ApiProblems;

namespace KhuyenCong.Products.Api;

/// <summary>The public catalogue of recognised products: those whose certificate is valid today. It needs no login.</summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder products)
    {
        products.MapGet("/catalogue", Search).WithName("SearchCatalogue").WithTags("Catalogue").ProducesValidationProblem();
        return products;
    }

    internal static async Task<Results<Ok<PageOf<CatalogueItem>>, ValidationProblem>> Search(
        ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        ProductGroup? group = null, RecognitionLevel? level = null, string? district = null, string? q = null,
        int page = 1, int pageSize = 50)
    {
        var validation = Paging(page, pageSize)
            .Check(q is null || q.Length <= 200, "q", "'q' must be at most 200 characters.")
            .Check(district is null || district.Length <= 100, "district", "'district' must be at most 100 characters.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var today = time.Today();
        // Valid means not revoked and not past its expiry date, even before the daily job has marked it.
        var query = db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && c.IssuedOn <= today && c.ExpiresOn >= today);
        if (group is not null)
        {
            query = query.Where(c => c.Group == group);
        }
        if (level is not null)
        {
            query = query.Where(c => c.Level == level);
        }
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(c => c.District == district.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{EscapeLike(q.Trim())}%";
            query = query.Where(c => EF.Functions.ILike(c.ProductName, pattern, "\\") || EF.Functions.ILike(c.EstablishmentName, pattern, "\\"));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.Level).ThenBy(c => c.ProductName).ThenBy(c => c.Number)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                Certificate = c,
                Entry = db.Entries.Where(e => e.Id == c.EntryId).Select(e => new { e.CompetitionId, e.Description }).Single(),
            })
            .ToListAsync(cancellationToken);
        var entryIds = rows.Select(r => r.Certificate.EntryId).ToList();
        var photos = (await db.EntryPhotos.AsNoTracking()
                .Where(p => entryIds.Contains(p.EntryId))
                .OrderBy(p => p.Position)
                .Select(p => new { p.Id, p.EntryId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EntryId, p => p.Id);
        var items = rows.Select(r => new CatalogueItem(
            r.Certificate.Number, r.Certificate.Level, r.Certificate.CompetitionYear, r.Certificate.ProductName, r.Certificate.Group,
            r.Entry.Description, r.Certificate.EstablishmentName, r.Certificate.District, r.Certificate.AverageScore,
            r.Certificate.IssuedOn, r.Certificate.ExpiresOn,
            photos[r.Certificate.EntryId].Select(photoId => EntriesApi.PhotoUrl(r.Entry.CompetitionId, r.Certificate.EntryId, photoId)).ToList()))
            .ToList();
        return TypedResults.Ok(new PageOf<CatalogueItem>(items, total, page, pageSize));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.ServiceDefaults.Http.ApiProblems;

namespace KhuyenCong.Products.Api;

/// <summary>
/// The public catalogue of recognised products: those whose certificate is valid today, with their photos.
/// It needs no login, and shows nothing of an entry that is not in it.
/// </summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder products)
    {
        products.MapGet("/catalogue", Search).WithName("SearchCatalogue").WithTags("Catalogue").AllowAnonymous()
            .ProducesValidationProblem();
        products.MapGet("/catalogue/photos/{photoId:guid}", GetPhoto).WithName("GetCataloguePhoto").WithTags("Catalogue").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp"])
            .ProducesProblem(StatusCodes.Status404NotFound);
        return products;
    }

    /// <summary>The certificates the catalogue shows on <paramref name="today"/>.</summary>
    private static IQueryable<Certificate> Listed(ProductsDbContext db, DateOnly today) =>
        // Valid means not revoked and not past its expiry date, even before the daily job has marked it.
        db.Certificates.AsNoTracking()
            .Where(c => c.Status != CertificateStatus.Revoked && c.IssuedOn <= today && c.ExpiresOn >= today);

    internal static async Task<Results<Ok<PageOf<CatalogueItem>>, ValidationProblem>> Search(
        ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        ProductGroup? group = null, RecognitionLevel? level = null, string? district = null, string? q = null,
        int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize)
            .Expect(q is null || q.Length <= 200, "q", "must be at most 200 characters.", "dài tối đa 200 ký tự.")
            .Expect(district is null || district.Length <= 100, "district", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var query = Listed(db, ProvinceCalendar.Today(time));
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
            var pattern = Like.Contains(q.Trim());
            query = query.Where(c => EF.Functions.ILike(c.ProductName, pattern, Like.EscapeCharacter) || EF.Functions.ILike(c.EstablishmentName, pattern, Like.EscapeCharacter));
        }
        var rows = await query
            .OrderByDescending(c => c.Level).ThenBy(c => c.ProductName).ThenBy(c => c.Number)
            .Select(c => new
            {
                Certificate = c,
                Description = db.Entries.Where(e => e.Id == c.EntryId).Select(e => e.Description).Single(),
            })
            .PageAsync(page, pageSize, cancellationToken);
        var entryIds = rows.Items.Select(r => r.Certificate.EntryId).ToList();
        var photos = (await db.EntryPhotos.AsNoTracking()
                .Where(p => entryIds.Contains(p.EntryId))
                .OrderBy(p => p.Position)
                .Select(p => new { p.Id, p.EntryId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EntryId, p => p.Id);
        return TypedResults.Ok(rows.Map(r => new CatalogueItem(
            r.Certificate.Number, r.Certificate.Level, r.Certificate.CompetitionYear, r.Certificate.ProductName, r.Certificate.Group,
            r.Description, r.Certificate.EstablishmentName, r.Certificate.District, r.Certificate.AverageScore,
            r.Certificate.IssuedOn, r.Certificate.ExpiresOn,
            photos[r.Certificate.EntryId].Select(PhotoUrl).ToList())));
    }

    /// <summary>A photo of a product the catalogue shows today; any other photo is not found, as an unknown one.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid photoId, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var listed = Listed(db, ProvinceCalendar.Today(time));
        var photo = await db.EntryPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && listed.Any(c => c.EntryId == p.EntryId))
            .Select(p => new { p.Content, p.Format })
            .SingleOrDefaultAsync(cancellationToken);
        return photo is null ? NotFound("Photo", photoId) : TypedResults.File(photo.Content, photo.Format.ContentType());
    }

    /// <summary>Where anyone fetches a photo of a product in the catalogue.</summary>
    internal static string PhotoUrl(Guid photoId) => $"/api/products/catalogue/photos/{photoId}";
}

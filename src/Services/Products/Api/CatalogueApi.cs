using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
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
/// The public catalogue of recognised products: those whose certificate is valid today, with their photos (the entry's
/// product photos, not withdrawn) as thumbnails and full size. It needs no login, and shows nothing of an entry that is
/// not in it: any other file, or a photo of a product not listed today, is not found, as an unknown one.
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
        products.MapGet("/catalogue/photos/{photoId:guid}/thumbnail", GetThumbnail).WithName("GetCataloguePhotoThumbnail").WithTags("Catalogue")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png"])
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
        var photos = await EntryPhotos.IdsAsync(db, rows.Items.Select(r => r.Certificate.EntryId).ToList(), cancellationToken);
        return TypedResults.Ok(rows.Map(r => new CatalogueItem(
            r.Certificate.Number, r.Certificate.Level, r.Certificate.CompetitionYear, r.Certificate.ProductName, r.Certificate.Group,
            r.Description, r.Certificate.EstablishmentName, r.Certificate.District, r.Certificate.AverageScore,
            r.Certificate.IssuedOn, r.Certificate.ExpiresOn,
            photos[r.Certificate.EntryId].Select(id => new CataloguePhoto(PhotoUrl(id) + "/thumbnail", PhotoUrl(id))).ToList())));
    }

    /// <summary>A photo of a product the catalogue shows today; any other file is not found, as an unknown one.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid photoId, HttpContext http, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var photo = await ListedPhotoAsync(photoId, db, time, cancellationToken);
        var found = photo is null
            ? null
            : await AttachmentStore.ReadAsync(db, photo.RecordKind, photo.RecordId, photo.Id, cancellationToken);
        return found is { } file ? AttachmentHttp.Download(http, file.Attachment, file.Content) : NotFound("Photo", photoId);
    }

    /// <summary>The small copy of a photo of a product the catalogue shows today (its long side at most 320 pixels); any other is not found.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetThumbnail(
        Guid photoId, HttpContext http, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var photo = await ListedPhotoAsync(photoId, db, time, cancellationToken);
        var found = photo is null
            ? null
            : await AttachmentStore.ReadThumbnailAsync(db, photo.RecordKind, photo.RecordId, photo.Id, cancellationToken);
        return found is { } small ? AttachmentHttp.Thumbnail(http, small.Attachment, small.Thumbnail) : NotFound("Photo", photoId);
    }

    /// <summary>The product photo with this id when its entry's product is in the catalogue today; null otherwise.</summary>
    private static async Task<Attachment?> ListedPhotoAsync(Guid photoId, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var photo = await EntryPhotos.FindAsync(db, photoId, cancellationToken);
        return photo is not null && await Listed(db, ProvinceCalendar.Today(time)).AnyAsync(c => c.EntryId == photo.RecordId, cancellationToken)
            ? photo
            : null;
    }

    /// <summary>Where anyone fetches a photo of a product in the catalogue.</summary>
    internal static string PhotoUrl(Guid photoId) => $"/api/products/catalogue/photos/{photoId}";
}

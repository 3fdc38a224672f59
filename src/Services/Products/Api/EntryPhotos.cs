using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Products.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Api;

/// <summary>
/// An entry's product photos are its pictures attached as <see cref="DocumentKind.ProductPhoto"/> and not withdrawn:
/// they are what the dossier counts (three at least, Art. 12.1.b) and what the catalogue shows. Read on the caller's
/// connection and transaction, so a command that holds the competition's lock counts what it will commit with.
/// </summary>
internal static class EntryPhotos
{
    /// <summary>The photos each entry holds; an entry without any is absent.</summary>
    public static async Task<Dictionary<Guid, int>> CountAsync(ProductsDbContext db, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken)
    {
        await using var attachments = await AttachmentStore.OpenAsync(db, cancellationToken);
        return await Of(attachments, entryIds)
            .GroupBy(a => a.RecordId)
            .Select(g => new { EntryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.EntryId, g => g.Count, cancellationToken);
    }

    /// <summary>The photos of one entry.</summary>
    public static async Task<int> CountAsync(ProductsDbContext db, Guid entryId, CancellationToken cancellationToken) =>
        (await CountAsync(db, [entryId], cancellationToken)).GetValueOrDefault(entryId);

    /// <summary>The ids of each entry's photos, in the order they were uploaded.</summary>
    public static async Task<ILookup<Guid, Guid>> IdsAsync(ProductsDbContext db, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken)
    {
        await using var attachments = await AttachmentStore.OpenAsync(db, cancellationToken);
        var rows = await Of(attachments, entryIds)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new { a.RecordId, a.Id })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.RecordId, r => r.Id);
    }

    /// <summary>The photo with this id, if it is one; null otherwise.</summary>
    public static async Task<Attachment?> FindAsync(ProductsDbContext db, Guid photoId, CancellationToken cancellationToken)
    {
        await using var attachments = await AttachmentStore.OpenAsync(db, cancellationToken);
        return await All(attachments).SingleOrDefaultAsync(a => a.Id == photoId, cancellationToken);
    }

    private static IQueryable<Attachment> Of(AttachmentsDbContext attachments, IReadOnlyCollection<Guid> entryIds) =>
        All(attachments).Where(a => entryIds.Contains(a.RecordId));

    /// <summary>Every entry's product photos: pictures of that kind, not withdrawn.</summary>
    private static IQueryable<Attachment> All(AttachmentsDbContext attachments) =>
        attachments.Attachments.AsNoTracking()
            .Where(a => a.RecordKind == CompetitionAttachmentsApi.EntryRecord && a.Kind == DocumentKind.ProductPhoto
                && a.WithdrawnAt == null && a.ContentType.StartsWith("image/"));
}

using System.Data.Common;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Products.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Products.Data;

/// <summary>
/// Moves the product photos that entries kept in their own table, before photos became attachments, into the entries'
/// attachments of kind <see cref="DocumentKind.ProductPhoto"/>: same id, bytes, name and upload time, uploaded by whoever
/// the competition's history says added them, each with its thumbnail. The migration <c>EntryPhotosBecomeAttachments</c>
/// set the old table aside as <see cref="HoldingTable"/>, since the attachment tables are migrated after the service's
/// own and thumbnails are made in code; this runs once both are migrated, in one transaction, and drops the holding
/// table when it is empty, so a start that fails moves nothing and the next start does it all.
/// </summary>
public sealed class EntryPhotoMove(IServiceProvider services, ILogger<EntryPhotoMove> logger) : IHostedService
{
    public const string HoldingTable = "entry_photos_to_move";

    /// <summary>Who uploaded a photo whose upload the history does not name.</summary>
    public const string UnknownUploader = "entry-photos";
    public const string UnknownUploaderName = "Ảnh hồ sơ chuyển từ kho ảnh cũ";

    /// <summary>Photos read at a time, so the move never holds many photos' bytes at once.</summary>
    private const int Batch = 20;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var moved = await MoveAsync(scope.ServiceProvider.GetRequiredService<ProductsDbContext>(), cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("Moved {Count} product photos of entries into their attachments", moved);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Moves every photo still held aside and drops the holding table; answers how many were moved.</summary>
    public static async Task<int> MoveAsync(ProductsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await ScalarAsync(db, $"SELECT to_regclass('{HoldingTable}') IS NOT NULL", cancellationToken) is not true)
            {
                return 0;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(db, $"LOCK TABLE {HoldingTable} IN EXCLUSIVE MODE", cancellationToken);
            var moved = 0;
            while (await NextAsync(db, cancellationToken) is { Count: > 0 } photos)
            {
                foreach (var photo in photos)
                {
                    await AttachmentStore.MoveInAsync(db, photo.Id,
                        new AttachmentUpload(CompetitionAttachmentsApi.EntryRecord, photo.EntryId, DocumentKind.ProductPhoto, photo.FileName, photo.Content,
                            photo.UploadedBy ?? UnknownUploader, photo.UploadedBy is null ? UnknownUploaderName : photo.UploadedByName),
                        photo.Type, photo.UploadedAt, cancellationToken);
                }
                await using (var delete = Command(db, $"DELETE FROM {HoldingTable} WHERE id = ANY(@moved)"))
                {
                    delete.Parameters.Add(new Npgsql.NpgsqlParameter("moved", photos.Select(p => p.Id).ToArray()));
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }
                moved += photos.Count;
            }
            await ExecuteAsync(db, $"DROP TABLE {HoldingTable}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return moved;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record HeldPhoto(Guid Id, Guid EntryId, string FileName, FileType Type, byte[] Content, DateTimeOffset UploadedAt,
        string? UploadedBy, string? UploadedByName);

    /// <summary>The next photos in the order they were added; the uploader is the actor of the history entry written with them.</summary>
    private static async Task<List<HeldPhoto>> NextAsync(ProductsDbContext db, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"""
            SELECT p.id, p.entry_id, p.file_name, p.format, p.content, p.uploaded_at, h.acted_by, h.acted_by_name
            FROM {HoldingTable} p
            JOIN entries e ON e.id = p.entry_id
            LEFT JOIN LATERAL (
                SELECT acted_by, acted_by_name FROM history_entries
                WHERE record_id = e.competition_id AND kind = '{CompetitionHistory.PhotosAdded}' AND at = p.uploaded_at
                ORDER BY id LIMIT 1) h ON true
            ORDER BY p.uploaded_at, p.entry_id, p.position
            LIMIT {Batch}
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<HeldPhoto> photos = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            photos.Add(new HeldPhoto(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), TypeOf(reader.GetString(3)),
                (byte[])reader[4], reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return photos;
    }

    /// <summary>The type each photo was stored with: its format, told by its content when it was uploaded.</summary>
    private static FileType TypeOf(string format) => format switch
    {
        "Jpeg" => FileTypes.Jpeg,
        "Png" => FileTypes.Png,
        "WebP" => FileTypes.WebP,
        _ => throw new InvalidOperationException($"A held product photo has the unknown format '{format}'."),
    };

    private static async Task<object?> ScalarAsync(ProductsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(ProductsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(ProductsDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}

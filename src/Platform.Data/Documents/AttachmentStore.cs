using System.Security.Cryptography;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.ServiceDefaults.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Platform.Documents;

/// <summary>
/// Keeps a service's attachments in its own PostgreSQL database (<c>bytea</c> in <c>attachment_contents</c>), so that
/// they are in every <c>pg_dump</c> of it and follow its transactions. Writes run inside the caller's command
/// transaction on the service context's connection, under a transaction lock on the record: concurrent uploads to one
/// record run one after another, so its limits hold, and the file commits with the record's history entry or not at all.
/// </summary>
public sealed class AttachmentStore(IOptions<AttachmentOptions> options, TimeProvider time)
{
    public const int MaxFileNameLength = 200;

    /// <summary>Options without a connection, made once so that EF Core builds its services once; each use sets the connection.</summary>
    private static readonly DbContextOptions<AttachmentsDbContext> SharedConnectionOptions = new DbContextOptionsBuilder<AttachmentsDbContext>()
        .UseNpgsql(AttachmentsDbContext.Npgsql)
        .UseSnakeCaseNamingConvention()
        .Options;

    public AttachmentOptions Limits => options.Value;

    /// <summary>The attachment tables on <paramref name="db"/>'s connection, in its current transaction when it has one.</summary>
    public static async Task<AttachmentsDbContext> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        var context = new AttachmentsDbContext(SharedConnectionOptions);
        context.Database.SetDbConnection(db.Database.GetDbConnection());
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        }
        return context;
    }

    /// <summary>
    /// Stores <paramref name="upload"/> of type <paramref name="type"/> (see <see cref="FileTypes.Check"/>) within the
    /// record's limits; refuses with 422 <c>/errors/attachment-limit</c> beyond them. Runs in the caller's transaction.
    /// </summary>
    public async Task<Attachment> AddAsync(DbContext db, AttachmentUpload upload, FileType type, CancellationToken cancellationToken)
    {
        await using var attachments = await InTransactionAsync(db, upload.RecordKind, upload.RecordId, cancellationToken);
        var held = await attachments.Attachments
            .Where(a => a.RecordKind == upload.RecordKind && a.RecordId == upload.RecordId)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Bytes = g.Sum(a => a.Size) })
            .SingleOrDefaultAsync(cancellationToken);
        var limits = Limits;
        if (held is not null && held.Count >= limits.MaxFilesPerRecord)
        {
            throw LimitReached(
                $"The record holds {held.Count} files already, the most it may hold ({limits.MaxFilesPerRecord}, withdrawn files included).",
                $"Hồ sơ đã có {held.Count} tệp, bằng số tệp tối đa được lưu ({limits.MaxFilesPerRecord}, kể cả tệp đã rút).");
        }
        if ((held?.Bytes ?? 0) + upload.Content.Length > limits.MaxRecordBytes)
        {
            throw LimitReached(
                $"The record's files would exceed {Megabytes(limits.MaxRecordBytes)} MB in all (withdrawn files included); it holds {Megabytes(held?.Bytes ?? 0)} MB.",
                $"Tổng dung lượng tệp của hồ sơ sẽ vượt {Megabytes(limits.MaxRecordBytes)} MB (kể cả tệp đã rút); hiện đã có {Megabytes(held?.Bytes ?? 0)} MB.");
        }

        var attachment = Attachment.Of(upload, type, SHA256.HashData(upload.Content), time.GetUtcNow());
        attachments.Attachments.Add(attachment);
        attachments.Contents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = upload.Content, Thumbnail = upload.Thumbnail?.Content });
        await attachments.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>
    /// Stores a paper the platform issued for the record (a decision, a certificate) unless a copy of that kind and name
    /// is stored already and not withdrawn, and answers the copy of record: the earlier one, byte for byte, or this one
    /// with its new <see cref="Attachment"/>. Runs in the caller's transaction under the record's attachments lock, so
    /// two printings at once, a repeated command or a redelivered message store one copy. Issued papers do not count
    /// against the record's upload limits: the platform makes them, one per paper, and refusing one would refuse the
    /// command that issues it.
    /// </summary>
    public async Task<(byte[] Paper, Attachment? Stored)> IssueAsync(DbContext db, AttachmentUpload paper, CancellationToken cancellationToken)
    {
        await using var attachments = await InTransactionAsync(db, paper.RecordKind, paper.RecordId, cancellationToken);
        if (await IssuedAsync(attachments, paper.RecordKind, paper.RecordId, paper.Kind, paper.FileName, cancellationToken) is { } earlier)
        {
            return (earlier, null);
        }
        var attachment = Attachment.Of(paper, FileTypes.Pdf, SHA256.HashData(paper.Content), time.GetUtcNow());
        attachments.Attachments.Add(attachment);
        attachments.Contents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = paper.Content });
        await attachments.SaveChangesAsync(cancellationToken);
        return (paper.Content, attachment);
    }

    /// <summary>
    /// Takes in a file the service kept elsewhere before, as it was: its id, its upload time and the type it was stored
    /// with, and its thumbnail when it is a picture that can be read (a picture that cannot keeps its bytes all the same).
    /// No limit is checked: the file exists already, and refusing it would lose it. Runs in the caller's transaction.
    /// </summary>
    public static async Task<Attachment> MoveInAsync(DbContext db, Guid id, AttachmentUpload file, FileType type, DateTimeOffset uploadedAt,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Attachments are changed inside a command's transaction.");
        }
        await using var attachments = await OpenAsync(db, cancellationToken);
        var attachment = Attachment.Of(file, type, SHA256.HashData(file.Content), uploadedAt, id);
        attachments.Attachments.Add(attachment);
        attachments.Contents.Add(new AttachmentContent
        {
            AttachmentId = attachment.Id,
            Bytes = file.Content,
            Thumbnail = Thumbnails.Of(type, file.Content).Thumbnail?.Content,
        });
        await attachments.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>The copy of a paper issued earlier for the record (stored and not withdrawn), or null.</summary>
    public static async Task<byte[]?> IssuedAsync(DbContext db, string recordKind, Guid recordId, DocumentKind kind, string fileName,
        CancellationToken cancellationToken)
    {
        await using var attachments = await OpenAsync(db, cancellationToken);
        return await IssuedAsync(attachments, recordKind, recordId, kind, fileName, cancellationToken);
    }

    private static Task<byte[]?> IssuedAsync(AttachmentsDbContext attachments, string recordKind, Guid recordId, DocumentKind kind, string fileName,
        CancellationToken cancellationToken) =>
        attachments.Attachments.AsNoTracking()
            .Where(a => a.RecordKind == recordKind && a.RecordId == recordId && a.Kind == kind && a.FileName == fileName && a.WithdrawnAt == null)
            .Join(attachments.Contents, a => a.Id, c => c.AttachmentId, (a, c) => new { a.UploadedAt, c.Bytes })
            .OrderByDescending(x => x.UploadedAt)
            .Select(x => x.Bytes)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the withdrawal of a record's file; null when the record has no such file. <paramref name="ensureMayLose"/>
    /// refuses it when the record still needs the file. Runs in the caller's transaction.
    /// </summary>
    public async Task<Attachment?> WithdrawAsync(DbContext db, string recordKind, Guid recordId, Guid attachmentId,
        Func<Attachment, bool> mayWithdraw, string by, string? byName, string reason, CancellationToken cancellationToken,
        Action<Attachment>? ensureMayLose = null)
    {
        await using var attachments = await InTransactionAsync(db, recordKind, recordId, cancellationToken);
        var attachment = await attachments.Attachments
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.RecordKind == recordKind && a.RecordId == recordId, cancellationToken);
        if (attachment is null)
        {
            return null;
        }
        if (!mayWithdraw(attachment))
        {
            throw new AttachmentRuleException("attachment-not-yours", RuleKind.Forbidden,
                "Only a Centre officer or the person who uploaded the file may withdraw it, while they may still add files to the record.")
            {
                Vietnamese = "Chỉ cán bộ Trung tâm hoặc người đã tải tệp lên (khi còn được bổ sung tài liệu cho hồ sơ) mới được rút tệp.",
            };
        }
        if (!attachment.IsWithdrawn)
        {
            ensureMayLose?.Invoke(attachment);
        }
        attachment.Withdraw(by, byName, reason, time.GetUtcNow());
        await attachments.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>The record's files, oldest first, withdrawn ones included.</summary>
    public static async Task<List<Attachment>> ListAsync(DbContext db, string recordKind, Guid recordId, CancellationToken cancellationToken)
    {
        await using var attachments = await OpenAsync(db, cancellationToken);
        return await attachments.Attachments.AsNoTracking()
            .Where(a => a.RecordKind == recordKind && a.RecordId == recordId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One of the record's files with its content, or null.</summary>
    public static async Task<(Attachment Attachment, byte[] Content)?> ReadAsync(DbContext db, string recordKind, Guid recordId, Guid attachmentId,
        CancellationToken cancellationToken)
    {
        await using var attachments = await OpenAsync(db, cancellationToken);
        var found = await attachments.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.RecordKind == recordKind && a.RecordId == recordId)
            .Join(attachments.Contents, a => a.Id, c => c.AttachmentId, (a, c) => new { Attachment = a, c.Bytes })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Attachment, found.Bytes);
    }

    /// <summary>
    /// One of the record's pictures with its thumbnail, or null when the record has no such file or it is no picture.
    /// A picture stored before thumbnails were made at upload gets one made from its content now.
    /// </summary>
    public static async Task<(Attachment Attachment, byte[] Thumbnail)?> ReadThumbnailAsync(DbContext db, string recordKind, Guid recordId,
        Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var attachments = await OpenAsync(db, cancellationToken);
        var found = await attachments.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.RecordKind == recordKind && a.RecordId == recordId && a.ContentType.StartsWith("image/"))
            .Join(attachments.Contents, a => a.Id, c => c.AttachmentId, (a, c) => new { Attachment = a, c.Thumbnail })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        if (found.Thumbnail is { } stored)
        {
            return (found.Attachment, stored);
        }
        var content = await attachments.Contents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
        var type = new FileType(found.Attachment.ContentType, [], true);
        return Thumbnails.Of(type, content).Thumbnail is { } made ? (found.Attachment, made.Content) : null;
    }

    /// <summary>The attachment tables in the caller's transaction, holding the record's attachment lock until it ends.</summary>
    private static async Task<AttachmentsDbContext> InTransactionAsync(DbContext db, string recordKind, Guid recordId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Attachments are changed inside a command's transaction.");
        }
        var attachments = await OpenAsync(db, cancellationToken);
        var key = $"attachments/{recordKind}/{recordId}";
        await attachments.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        return attachments;
    }

    private static AttachmentRuleException LimitReached(string english, string vietnamese) =>
        new("attachment-limit", RuleKind.Unprocessable, english) { Vietnamese = vietnamese };

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

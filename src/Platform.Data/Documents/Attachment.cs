using KhuyenCong.Contracts.Documents;

namespace KhuyenCong.Platform.Documents;

/// <summary>
/// A file attached to a record (a proposal, a course, a fair, a competition, an entry), in the record's own service
/// database: what it is (<see cref="Kind"/>), its name, type (told by its content), size and SHA-256, who uploaded it
/// and when. A file is never deleted: withdrawing it records who, when and why, and the file stays for officers.
/// The content lives in its own row (<see cref="AttachmentContent"/>), so a list never reads the bytes.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; private set; }
    /// <summary>The kind of record it belongs to: <c>Proposal</c>, <c>Course</c>, <c>Fair</c>, <c>Competition</c>, <c>Entry</c>.</summary>
    public string RecordKind { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Sha256 { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public string? UploadedByName { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    internal static Attachment Of(AttachmentUpload upload, FileType type, byte[] sha256, DateTimeOffset at, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(at),
        RecordKind = upload.RecordKind,
        RecordId = upload.RecordId,
        Kind = upload.Kind,
        FileName = upload.FileName,
        ContentType = type.ContentType,
        Size = upload.Content.Length,
        Sha256 = sha256,
        UploadedBy = upload.UploadedBy,
        UploadedByName = upload.UploadedByName,
        UploadedAt = at,
    };

    /// <summary>Records the withdrawal; a file withdrawn once keeps its first withdrawal.</summary>
    internal void Withdraw(string by, string? byName, string reason, DateTimeOffset at)
    {
        if (IsWithdrawn)
        {
            throw new AttachmentRuleException("attachment-withdrawn", ServiceDefaults.Domain.RuleKind.Conflict,
                $"The file '{FileName}' was already withdrawn on {WithdrawnAt:yyyy-MM-dd}.")
            {
                Vietnamese = $"Tệp '{FileName}' đã được rút ngày {WithdrawnAt:dd/MM/yyyy}.",
            };
        }
        WithdrawnBy = by;
        WithdrawnByName = byName;
        WithdrawnAt = at;
        WithdrawalReason = reason;
    }
}

/// <summary>The bytes of one attachment.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; init; }
    public byte[] Bytes { get; init; } = [];
    /// <summary>A picture's small copy, made at upload (<see cref="Thumbnails"/>); null for other files.</summary>
    public byte[]? Thumbnail { get; init; }
}

/// <summary>A file to attach, as received: the name is the sender's (cleaned), the type is decided by the content.</summary>
public sealed record AttachmentUpload(
    string RecordKind, Guid RecordId, DocumentKind Kind, string FileName, byte[] Content, string UploadedBy, string? UploadedByName,
    Thumbnail? Thumbnail = null);

/// <summary>A rule about attachments refused an operation (limits, a second withdrawal).</summary>
public sealed class AttachmentRuleException(string code, ServiceDefaults.Domain.RuleKind kind, string message)
    : ServiceDefaults.Domain.BusinessRuleException(code, kind, message);

using KhuyenCong.Contracts.Documents;

namespace KhuyenCong.Web.Api;

/// <summary>A file attached to a record, as the services list it; a withdrawn one says who withdrew it, when and why.</summary>
public sealed record Attachment(
    Guid Id, DocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, bool ShownInline,
    string UploadedBy, string? UploadedByName, DateTimeOffset UploadedAt,
    bool Withdrawn, string? WithdrawnBy, string? WithdrawnByName, DateTimeOffset? WithdrawnAt, string? WithdrawalReason)
{
    /// <summary>Pictures are previewed on the page; a PDF opens in the browser's viewer.</summary>
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

public sealed class WithdrawAttachmentRequest
{
    public string? Reason { get; set; }
}

namespace KhuyenCong.Platform.Documents;

/// <summary>
/// Limits on attachments (section <c>Attachments</c>). A file is at most <see cref="MaxFileBytes"/>, below the gateway's
/// request limit (16 MiB) so that the service, not the gateway, answers a file too large; a record holds at most
/// <see cref="MaxFilesPerRecord"/> files and <see cref="MaxRecordBytes"/> in all, withdrawn files included (they are kept).
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxRecordBytes { get; set; } = 100 * 1024 * 1024;
    public int MaxFilesPerRecord { get; set; } = 50;
}

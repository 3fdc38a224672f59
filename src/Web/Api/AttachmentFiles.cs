using System.Text.RegularExpressions;
using KhuyenCong.Platform.Http;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Attached files opened from the pages: the browser holds no token, so this endpoint fetches the file from the service
/// with the signed-in user's token (the service applies the record's scope) and hands it on as the service served it:
/// pictures and PDF inline (to preview), anything else as a download, never sniffed, cached privately. Only the
/// addresses of records' files (<see cref="RecordFiles"/>) are fetched.
/// </summary>
public static partial class AttachmentFiles
{
    public const string Path = "/files";
    public const string ThumbnailSegment = "thumbnail";

    public static IEndpointRouteBuilder MapAttachmentFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{**file}}", FileAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FileAsync(string file, bool? download, HttpContext http, AttachmentsClient attachments,
        CancellationToken cancellationToken)
    {
        if (RecordFile().Match(file) is not { Success: true } match)
        {
            return TypedResults.NotFound();
        }
        var record = new RecordFiles(match.Groups["record"].Value);
        var attachmentId = Guid.Parse(match.Groups["attachment"].Value);
        var found = match.Groups["thumbnail"].Success
            ? await attachments.ThumbnailAsync(record, attachmentId, cancellationToken)
            : await attachments.DownloadAsync(record, attachmentId, cancellationToken);
        if (found.Value is not { } content)
        {
            return found.ToDownload();
        }
        var inline = download != true && content.ContentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";
        return FileAnswer.Inert(http, content.Content, content.ContentType, content.FileName, inline);
    }

    private const string Id = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// <summary>A record that carries files (an entry only within its competition), then one file's id, then maybe its thumbnail.</summary>
    [GeneratedRegex("^(?<record>(proposals|training/courses|fairs|products/competitions)/" + Id + "|products/competitions/" + Id + "/entries/" + Id + ")/(?<attachment>" + Id + ")(?<thumbnail>/" + ThumbnailSegment + ")?$")]
    private static partial Regex RecordFile();
}

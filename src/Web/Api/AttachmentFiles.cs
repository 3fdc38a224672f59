using KhuyenCong.Web.Api.Clients;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Attached files opened from the pages: the browser holds no token, so this endpoint fetches the file from the service
/// with the signed-in user's token (the service applies the record's scope) and hands it on as the service served it:
/// pictures and PDF inline (to preview), anything else as a download, never sniffed, cached privately.
/// </summary>
public static class AttachmentFiles
{
    public const string Path = "/files/proposals";

    public static IEndpointRouteBuilder MapAttachmentFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{id:guid}}/{{attachmentId:guid}}", ProposalFileAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>The address of a proposal's file: shown in the browser when it can be, or saved when <paramref name="download"/>.</summary>
    public static string Link(Guid proposalId, Guid attachmentId, bool download = false) =>
        $"{Path}/{proposalId}/{attachmentId}{(download ? "?download=true" : "")}";

    private static async Task<IResult> ProposalFileAsync(Guid id, Guid attachmentId, bool? download, HttpContext http, ProposalsClient proposals,
        CancellationToken cancellationToken)
    {
        var file = await proposals.DownloadAttachmentAsync(id, attachmentId, cancellationToken);
        if (file.Value is not { } found)
        {
            return file.ToDownload();
        }
        var inline = download != true && found.ContentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(found.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "private";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(found.Content, found.ContentType);
    }
}

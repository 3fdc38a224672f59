using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Platform.Http;

/// <summary>
/// A file as an HTTP answer, inert: its type as the server knows it and never as a browser would sniff it
/// (<c>nosniff</c>), cached by nobody but the caller (<c>private</c>), and its name in <c>Content-Disposition</c>
/// (RFC 6266 <c>filename*</c> for Vietnamese names), shown by the browser (<c>inline</c>) or saved (<c>attachment</c>).
/// </summary>
public static class FileAnswer
{
    public static FileContentHttpResult Inert(HttpContext http, byte[] content, string contentType, string fileName, bool inline,
        string cacheControl = "private")
    {
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.CacheControl = cacheControl;
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, contentType);
    }
}

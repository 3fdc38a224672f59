using System.Text;
using KhuyenCong.Platform.Http;
using KhuyenCong.Platform.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Platform.Papers;

/// <summary>A generated paper as an HTTP answer: a PDF the browser shows (<c>inline</c>), never cached by others, never sniffed.</summary>
public static class PaperHttp
{
    public const string ContentType = "application/pdf";

    public static FileContentHttpResult Inline(HttpContext http, byte[] pdf, string fileName) =>
        FileAnswer.Inert(http, pdf, ContentType, fileName, inline: true, cacheControl: "private, no-store");

    /// <summary>A file name of the record's code: letters, digits and dashes only (Vietnamese letters lose their marks).</summary>
    public static string FileName(string prefix, string code)
    {
        var plain = new StringBuilder();
        foreach (var c in VietnameseText.Unmarked($"{prefix}-{code}"))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                plain.Append(c);
            }
            else if (c is ' ' or '/')
            {
                plain.Append('-');
            }
        }
        return plain + ".pdf";
    }
}

public static class PaperEndpoints
{
    /// <summary>Documents the endpoint's answer as a PDF (binary) and its 404 when the record is not within the caller's reach.</summary>
    public static RouteHandlerBuilder ProducesPaper(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, typeof(Stream), PaperHttp.ContentType)
        .ProducesProblem(StatusCodes.Status404NotFound);
}

using System.IO.Compression;
using System.Text;

namespace KhuyenCong.Platform.Documents;

/// <summary>A type of file the platform accepts: its content type, the names it may bear and whether a browser may show it.</summary>
public sealed record FileType(string ContentType, IReadOnlyList<string> Extensions, bool ShownInline);

/// <summary>Why a file was refused: 415 for a type the platform does not take, 422 for a file that is not what it says.</summary>
public sealed record FileRefusal(int Status, string Code, string English, string Vietnamese);

/// <summary>
/// Tells a file's type from its content (its first bytes and, for office files, the parts of its package), never from
/// its name or the content type the sender claimed. The name must then agree with the content: a PDF called
/// <c>report.html</c> or a page called <c>report.pdf</c> is refused. Markup near the start of any file (HTML, SVG,
/// script) is refused too, so that a polyglot, a picture that is also a page, cannot be stored.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("application/pdf", [".pdf"], true);
    public static readonly FileType Png = new("image/png", [".png"], true);
    public static readonly FileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"], true);
    public static readonly FileType Gif = new("image/gif", [".gif"], true);
    public static readonly FileType WebP = new("image/webp", [".webp"], true);
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], false);
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], false);
    public static readonly FileType Doc = new("application/msword", [".doc"], false);
    public static readonly FileType Xls = new("application/vnd.ms-excel", [".xls"], false);

    /// <summary>How far into a file markup is looked for: beyond what browsers sniff (512 bytes) and every format's header.</summary>
    private const int MarkupWindow = 8192;

    private static readonly string[] Markup = ["<html", "<!doctype", "<script", "<svg", "<body", "<iframe", "<head", "<?xml-stylesheet", "javascript:"];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string Accepted = "PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, DOC, XLS";

    /// <summary>The file's type, or why it is refused.</summary>
    public static (FileType? Type, FileRefusal? Refusal) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, new FileRefusal(422, "attachment-empty", "The file is empty.", "Tệp rỗng, không có nội dung."));
        }
        var type = Detect(content);
        if (type is null)
        {
            return (null, new FileRefusal(415, "unsupported-file-type",
                $"The content of the file is not one of the accepted types ({Accepted}); the name does not decide.",
                $"Nội dung tệp không thuộc các loại được nhận ({Accepted}); tên tệp không quyết định loại tệp."));
        }
        if (HasMarkup(content))
        {
            return (null, new FileRefusal(415, "unsupported-file-type",
                "The file also carries web page or script markup, which is not accepted in any document.",
                "Tệp có chứa mã trang web hoặc mã lệnh, không được nhận trong bất kỳ tài liệu nào."));
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!type.Extensions.Contains(extension))
        {
            return (null, new FileRefusal(422, "attachment-name-mismatch",
                $"The file's content is {type.Extensions[0].TrimStart('.').ToUpperInvariant()} but its name ends in '{extension}'; name it {string.Join(" or ", type.Extensions)}.",
                $"Nội dung tệp là {type.Extensions[0].TrimStart('.').ToUpperInvariant()} nhưng tên tệp có phần mở rộng '{extension}'; hãy đặt tên có đuôi {string.Join(" hoặc ", type.Extensions)}."));
        }
        return (type, null);
    }

    /// <summary>The type the content shows, or null when it is none the platform accepts.</summary>
    public static FileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.StartsWith(PngSignature))
        {
            return Png;
        }
        if (content.StartsWith(JpegSignature))
        {
            return Jpeg;
        }
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (content.StartsWith(Ole2))
        {
            // A compound file holds a Word or an Excel book (or anything else); its stream names tell which.
            return Contains(content, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"u8) ? Doc
                : Contains(content, "W\0o\0r\0k\0b\0o\0o\0k\0"u8) || Contains(content, "B\0o\0o\0k\0"u8) ? Xls
                : null;
        }
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficePackage(content);
        }
        return null;
    }

    /// <summary>
    /// A Word document or an Excel book as Office Open XML: a zip whose <c>[Content_Types].xml</c> declares the main part
    /// of a document or a workbook, macro-free. Any other zip, or a broken one, is not accepted.
    /// </summary>
    private static FileType? OfficePackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
            {
                return null;
            }
            string declared;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                declared = reader.ReadToEnd();
            }
            if (declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            if (declared.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal)
                && zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }
            if (declared.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", StringComparison.Ordinal)
                && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool HasMarkup(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, MarkupWindow)]);
        return Markup.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Contains(ReadOnlySpan<byte> content, ReadOnlySpan<byte> value) => content.IndexOf(value) >= 0;
}

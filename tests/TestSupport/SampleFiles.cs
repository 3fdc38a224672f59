using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace KhuyenCong.TestSupport;

/// <summary>Small real files of every type the platform accepts, and hostile ones it must refuse.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF that a viewer opens (a valid cross-reference table), showing <paramref name="text"/>.</summary>
    public static byte[] Pdf(string text = "Quyet dinh phe duyet")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {20 + text.Length} >>\nstream\nBT /F1 18 Tf 20 70 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 PNG picture.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The start of a JPEG picture (JFIF).</summary>
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Docx() => OfficePackage("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");

    public static byte[] Xlsx() => OfficePackage("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");

    /// <summary>A Word document with macros (docm), which is not accepted.</summary>
    public static byte[] Docm() => OfficePackage("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");

    /// <summary>A zip that is no office document.</summary>
    public static byte[] Zip() => Package(("notes.txt", "ghi chú"));

    /// <summary>A legacy Word document: a compound file with a WordDocument stream.</summary>
    public static byte[] Doc() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("WordDocument"), .. new byte[64]];

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    public static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    /// <summary>A PNG that is also a web page: the picture's signature followed by markup.</summary>
    public static byte[] Polyglot() => [.. Png()[..16], .. "<html><script>alert(1)</script></html>"u8];

    /// <summary>A real picture of the given size (a colour fading left to right), encoded as PNG or JPEG.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, 0),
                [new SKColor(0x2E, 0x7D, 0x32), new SKColor(0xF9, 0xA8, 0x25)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 80);
        return encoded.ToArray();
    }

    /// <summary>A PNG whose header is sound (1×1) but whose pixel data is noise: it passes the signature check and cannot be decoded.</summary>
    public static byte[] UndecodablePng() =>
        [.. Png()[..33], .. Chunk("IDAT", [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11))]), .. Chunk("IEND", [])];

    /// <summary>
    /// A decompression bomb: a PNG of a few kilobytes whose header claims <paramref name="side"/>×<paramref name="side"/> pixels
    /// (50000² is 2.5 billion pixels, 10 GB once decoded), followed by the start of its zero rows.
    /// </summary>
    public static byte[] PngBomb(int side = 50_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth; colour type 2 (RGB), deflate, adaptive filtering, no interlace
        header[9] = 2;
        using var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 << 20]);
        }
        return [.. Png()[..8], .. Chunk("IHDR", header), .. Chunk("IDAT", rows.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>One PNG chunk: length, type, data and the CRC-32 of type and data.</summary>
    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A multipart upload as a browser sends it: one <c>file</c> and its <c>kind</c>.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName, string kind = "ProposalDescription", string? claimedType = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType ?? "application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return form;
    }

    private static byte[] OfficePackage(string mainType, string mainPart) => Package(
        ("[Content_Types].xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>"),
        (mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document/>"));

    private static byte[] Package(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }
}

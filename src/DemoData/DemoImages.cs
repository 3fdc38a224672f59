using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KhuyenCong.DemoData;

/// <summary>Small valid PNG images (a plain colour), enough for a dossier's photos: the Products service checks what the bytes are.</summary>
public static class DemoImages
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    /// <summary>A <paramref name="size"/> × <paramref name="size"/> PNG of one RGB colour.</summary>
    public static byte[] Png(byte red, byte green, byte blue, int size = 16)
    {
        var rows = new byte[size * (1 + size * 3)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + size * 3); // each scanline starts with filter type 0
            for (var x = 0; x < size; x++)
            {
                rows[row + 1 + x * 3] = red;
                rows[row + 2 + x * 3] = green;
                rows[row + 3 + x * 3] = blue;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The three photos a dossier asks for (front, side, top), each a shade of the product's colour.</summary>
    public static IReadOnlyList<DemoFile> DossierPhotos(int seed)
    {
        var (r, g, b) = ((byte)(60 + seed * 37 % 160), (byte)(60 + seed * 53 % 160), (byte)(60 + seed * 71 % 160));
        return
        [
            new DemoFile("mat-truoc.png", "image/png", Png(r, g, b)),
            new DemoFile("mat-ben.png", "image/png", Png((byte)(r + 30), g, b)),
            new DemoFile("mat-tren.png", "image/png", Png(r, (byte)(g + 30), b)),
        ];
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return c ^ 0xFFFFFFFFu;
    }
}

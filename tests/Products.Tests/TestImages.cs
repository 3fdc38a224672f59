namespace KhuyenCong.Products.Tests;

/// <summary>Byte arrays of a given length that begin with an image format's signature.</summary>
internal static class TestImages
{
    public static byte[] Jpeg(int length) => WithHead([0xFF, 0xD8, 0xFF, 0xE0], length);

    public static byte[] Png(int length) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], length);

    public static byte[] WebP(int length) => WithHead("RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), length);

    private static byte[] WithHead(byte[] head, int length)
    {
        var bytes = new byte[Math.Max(length, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }
        return bytes;
    }
}

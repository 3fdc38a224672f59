using System.Globalization;
using SkiaSharp;

namespace KhuyenCong.Platform.Documents;

/// <summary>A picture's small copy for lists and cards: JPEG for opaque pictures, PNG for those with transparency.</summary>
public sealed record Thumbnail(byte[] Content, string ContentType);

/// <summary>
/// Makes the small copy of a picture (at most <see cref="LongSide"/> pixels on its long side, aspect kept, turned as
/// its EXIF orientation says) when it is uploaded, and refuses a picture that cannot be decoded or whose header
/// announces more pixels than a server should hold (a decompression bomb: a few kilobytes claiming 50000×50000).
/// The size is read from the header (<see cref="SKCodec.Info"/>) before anything is decoded; JPEG and WebP are then
/// decoded at a reduced scale, so a large photo never takes its full size in memory.
/// </summary>
public static class Thumbnails
{
    public const int LongSide = 320;

    /// <summary>The most pixels a side may have.</summary>
    public const int MaxSide = 16_384;

    /// <summary>The most pixels a picture may have in all: 40 megapixels, 160 MB once decoded without scaling.</summary>
    public const long MaxPixels = 40_000_000;

    private const int JpegQuality = 82;

    /// <summary>The thumbnail of a picture, null for any other type; or why the picture is refused.</summary>
    public static (Thumbnail? Thumbnail, FileRefusal? Refusal) Of(FileType type, byte[] content)
    {
        if (!type.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return (null, null);
        }
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return (null, Unreadable);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return (null, TooLarge(width, height));
        }

        var scale = Math.Min(1f, (float)LongSide / Math.Max(width, height));
        var decoded = codec.GetScaledDimensions(scale);
        var decodeInfo = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var full = new SKBitmap(decodeInfo);
        if (codec.GetPixels(decodeInfo, full.GetPixels()) != SKCodecResult.Success)
        {
            return (null, Unreadable);
        }

        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)),
            SKColorType.Rgba8888, decodeInfo.AlphaType);
        using var small = full.Width == target.Width && full.Height == target.Height
            ? full.Copy()
            : full.Resize(target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (small is null)
        {
            return (null, Unreadable);
        }
        using var oriented = Oriented(small, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(oriented);
        var opaque = decodeInfo.AlphaType == SKAlphaType.Opaque;
        using var encoded = image.Encode(opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, JpegQuality);
        return encoded is null
            ? (null, Unreadable)
            : (new Thumbnail(encoded.ToArray(), opaque ? FileTypes.Jpeg.ContentType : FileTypes.Png.ContentType), null);
    }

    /// <summary>The stored thumbnail's type, told by its first bytes as every file's is.</summary>
    public static string TypeOf(byte[] thumbnail) =>
        thumbnail is [0xFF, 0xD8, ..] ? FileTypes.Jpeg.ContentType : FileTypes.Png.ContentType;

    /// <summary>The picture as it is meant to be seen: a camera's EXIF orientation turns or mirrors the stored pixels.</summary>
    private static SKBitmap Oriented(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap.Copy();
        }
        var (w, h) = (bitmap.Width, bitmap.Height);
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // Where each stored pixel (x, y) lands: x' = a·x + b·y + c, y' = d·x + e·y + f (Skia's SkEncodedOriginToMatrix).
        var (a, b, c, d, e, f) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, w, 0, 1, 0),
            SKEncodedOrigin.BottomRight => (-1, 0, w, 0, -1, h),
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, h),
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),
            SKEncodedOrigin.RightTop => (0, -1, h, 1, 0, 0),
            SKEncodedOrigin.RightBottom => (0, -1, h, -1, 0, w),
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, w),
            _ => (1, 0, 0, 0, 1, 0),
        };
        var turned = new SKBitmap(new SKImageInfo(sideways ? h : w, sideways ? w : h, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(turned);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.SetMatrix(new SKMatrix(a, b, c, d, e, f, 0, 0, 1));
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    private static readonly FileRefusal Unreadable = new(422, "image-unreadable",
        "The picture cannot be read: its content is damaged or incomplete. Export it again as PNG or JPEG and send it anew.",
        "Ảnh không đọc được: nội dung tệp bị hỏng hoặc không đầy đủ. Hãy lưu lại ảnh dưới dạng PNG hoặc JPEG rồi gửi lại.");

    private static FileRefusal TooLarge(int width, int height)
    {
        var megapixels = (MaxPixels / 1_000_000).ToString(CultureInfo.InvariantCulture);
        return new(422, "image-too-large",
            $"The picture is {width}×{height} pixels; a picture may have at most {MaxSide} pixels a side and {megapixels} megapixels in all.",
            $"Ảnh có kích thước {width}×{height} điểm ảnh; ảnh chỉ được tối đa {MaxSide} điểm ảnh mỗi cạnh và {megapixels} triệu điểm ảnh.");
    }
}

using System.Net;
using KhuyenCong.Platform.Documents;
using KhuyenCong.TestSupport;
using SkiaSharp;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// A photo taken with the camera turned keeps its pixels as the sensor saw them and says how to turn them in its EXIF
/// Orientation tag: its thumbnail is made the right way up, its width and height swapped. The pictures are built here:
/// 640×480 stored, the top-left quadrant red and the rest blue, with an EXIF segment holding only the orientation.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ThumbnailOrientationTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly SKColor Red = new(0xE0, 0x10, 0x10);
    private static readonly SKColor Blue = new(0x10, 0x20, 0xD0);
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public Task InitializeAsync() => _host.AddEstablishmentAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    // 6: the camera was turned a quarter clockwise; the picture is turned back clockwise, the stored top-left lands top right.
    [InlineData((ushort)6, 230, 10)]
    // 8: the other way; the stored top-left lands bottom left.
    [InlineData((ushort)8, 10, 310)]
    public void A_sideways_photo_gets_a_thumbnail_the_right_way_up(ushort orientation, int redX, int redY)
    {
        var photo = SidewaysJpeg(orientation);
        using (var codec = SKCodec.Create(new MemoryStream(photo)))
        {
            Assert.Equal((640, 480), (codec.Info.Width, codec.Info.Height));
            Assert.Equal((SKEncodedOrigin)orientation, codec.EncodedOrigin);
        }

        var (thumbnail, refusal) = Thumbnails.Of(FileTypes.Jpeg, photo);

        Assert.Null(refusal);
        using var small = SKBitmap.Decode(thumbnail!.Content);
        Assert.Equal((240, 320), (small.Width, small.Height));
        AssertColour(Red, small.GetPixel(redX, redY));
        foreach (var (x, y) in new[] { (10, 10), (230, 10), (10, 310), (230, 310) }.Where(p => p != (redX, redY)))
        {
            AssertColour(Blue, small.GetPixel(x, y));
        }
    }

    [Fact]
    public void A_photo_without_orientation_keeps_its_shape()
    {
        var (thumbnail, _) = Thumbnails.Of(FileTypes.Jpeg, Quadrants());

        using var small = SKBitmap.Decode(thumbnail!.Content);
        Assert.Equal((320, 240), (small.Width, small.Height));
        AssertColour(Red, small.GetPixel(10, 10));
        AssertColour(Blue, small.GetPixel(310, 10));
        AssertColour(Blue, small.GetPixel(10, 230));
    }

    [Fact]
    public async Task An_entry_s_sideways_photo_is_shown_upright_in_its_list_and_in_the_catalogue()
    {
        var issued = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 4, 1), "Chè Đường Hoa", 7);
        var files = $"/api/products/competitions/{issued.GetProperty("competitionId").GetGuid()}/entries/{issued.GetProperty("entryId").GetGuid()}/attachments";
        var photo = (await ExpectAsync(await _host.Client.PostAsync(files, SampleFiles.Upload(SidewaysJpeg(6), "dung.jpg", "ProductPhoto")),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using (var listed = SKBitmap.Decode(await _host.Client.GetByteArrayAsync($"{files}/{photo}/thumbnail")))
        {
            Assert.Equal((240, 320), (listed.Width, listed.Height));
            AssertColour(Red, listed.GetPixel(230, 10));
        }
        using var inCatalogue = SKBitmap.Decode(await _host.AnonymousClient().GetByteArrayAsync($"/api/products/catalogue/photos/{photo}/thumbnail"));
        Assert.Equal((240, 320), (inCatalogue.Width, inCatalogue.Height));
        AssertColour(Red, inCatalogue.GetPixel(230, 10));
        // The photo itself is served as it was sent, its tag included: a browser turns it the same way.
        Assert.Equal(SidewaysJpeg(6), await _host.AnonymousClient().GetByteArrayAsync($"/api/products/catalogue/photos/{photo}"));
    }

    /// <summary>The quadrant picture as a JPEG whose EXIF Orientation tag is <paramref name="orientation"/>.</summary>
    private static byte[] SidewaysJpeg(ushort orientation)
    {
        var jpeg = Quadrants();
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        // APP1 "Exif": a big-endian TIFF header and one IFD of one entry, tag 0x0112 (Orientation), type SHORT, count 1.
        byte[] exif =
        [
            .. "Exif\0\0"u8,
            .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        var length = exif.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }

    /// <summary>640×480 as stored: the top-left quadrant red, the other three blue.</summary>
    private static byte[] Quadrants()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(640, 480, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Blue);
            using var red = new SKPaint { Color = Red };
            canvas.DrawRect(0, 0, 320, 240, red);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }

    private static void AssertColour(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"expected about {expected}, found {actual}");
}

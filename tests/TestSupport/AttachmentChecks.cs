using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using KhuyenCong.Platform.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit;

namespace KhuyenCong.TestSupport;

/// <summary>
/// What every record's files must do, checked against one record's attachments URL on a service started with the small
/// limits of <see cref="SmallLimits"/>: a file comes back byte for byte and inert, hostile files are refused and nothing
/// is written, a file too large is 413, concurrent uploads stop at the record's limit without a 5xx, and a repeated
/// upload with one idempotency key stores one file.
/// </summary>
public static class AttachmentChecks
{
    public const int MaxFilesPerRecord = 5;

    /// <summary>A file of at most 64 KiB, five files per record.</summary>
    public static readonly (string Key, string Value)[] SmallLimits =
    [
        ("Attachments:MaxFileBytes", "65536"),
        ("Attachments:MaxRecordBytes", "1048576"),
        ("Attachments:MaxFilesPerRecord", MaxFilesPerRecord.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>The samples by name: a PDF, a picture and office files the platform accepts, a page, an SVG and a polyglot it refuses.</summary>
    public static byte[] Sample(string name) => name switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "html" => SampleFiles.Html(),
        "svg" => SampleFiles.Svg(),
        "polyglot" => SampleFiles.Polyglot(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Uploads a file and reads it back: same bytes and SHA-256, type told by content, inert headers, listed with its kind.</summary>
    public static async Task<JsonElement> RoundTripAsync(HttpClient client, string files, byte[] content, string name, string kind,
        string contentType, string disposition)
    {
        var created = await Answers.ExpectAsync(await client.PostAsync(files, SampleFiles.Upload(content, name, kind, "text/html")), HttpStatusCode.Created);
        Assert.Equal((contentType, kind, Convert.ToHexStringLower(SHA256.HashData(content))),
            (created.GetProperty("contentType").GetString(), created.GetProperty("kind").GetString(), created.GetProperty("sha256").GetString()));

        var download = await client.GetAsync($"{files}/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(disposition, download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl!.Private);
        var listed = (await client.GetFromJsonAsync<JsonElement>(files)).EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal((name, kind), (listed.GetProperty("fileName").GetString(), listed.GetProperty("kind").GetString()));
        return created;
    }

    /// <summary>Pages, SVG pictures and polyglots are refused whatever they are called, and a name that lies about the content too.</summary>
    public static async Task SpoofedFilesAreRefusedAsync(HttpClient client, string files, string kind, Func<Task<int>> stored)
    {
        var before = await stored();
        foreach (var (sample, name, claimed, status, type) in new[]
        {
            ("html", "trang.pdf", "application/pdf", 415, "/errors/unsupported-file-type"),
            ("html", "trang.html", "text/html", 415, "/errors/unsupported-file-type"),
            ("svg", "anh.png", "image/png", 415, "/errors/unsupported-file-type"),
            ("svg", "anh.svg", "image/svg+xml", 415, "/errors/unsupported-file-type"),
            ("polyglot", "anh.png", "image/png", 415, "/errors/unsupported-file-type"),
            ("pdf", "the-le.html", "text/html", 422, "/errors/attachment-name-mismatch"),
        })
        {
            var problem = await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(Sample(sample), name, kind, claimed)),
                (HttpStatusCode)status, type);
            Assert.Contains("tệp", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await stored());
    }

    /// <summary>
    /// A picture's kind takes pictures alone: a true PDF or Word file sent as one is 415 <c>not-a-picture</c>, in Vietnamese
    /// by default and in English on request, the same each time it is sent, and nothing is written.
    /// </summary>
    public static async Task DocumentsUnderAPictureKindAreRefusedAsync(HttpClient client, string files, string kind, Func<Task<int>> stored)
    {
        var before = await stored();
        foreach (var (content, name) in new[] { (SampleFiles.Pdf(), "anh.pdf"), (SampleFiles.Docx(), "anh.docx"), (SampleFiles.Pdf(), "anh.pdf") })
        {
            var problem = await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(content, name, kind)),
                HttpStatusCode.UnsupportedMediaType, "/errors/not-a-picture");
            Assert.Contains($"'{name}' không phải là ảnh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var english = new HttpRequestMessage(HttpMethod.Post, files) { Content = SampleFiles.Upload(SampleFiles.Pdf(), "photo.pdf", kind) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var answer = await Answers.AssertProblemAsync(await client.SendAsync(english), HttpStatusCode.UnsupportedMediaType, "/errors/not-a-picture");
        Assert.Equal($"A file of kind {kind} is a picture (PNG, JPEG, GIF or WebP); 'photo.pdf' is application/pdf.", answer.GetProperty("detail").GetString());
        Assert.Equal(before, await stored());
    }

    /// <summary>A file above the 64 KiB limit is 413 in Vietnamese, and nothing is written.</summary>
    public static async Task TooLargeIsRefusedAsync(HttpClient client, string files, string kind, Func<Task<int>> stored)
    {
        var before = await stored();
        byte[] large = [.. SampleFiles.Pdf(), .. new byte[70_000]];
        var problem = await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(large, "lon.pdf", kind)),
            HttpStatusCode.RequestEntityTooLarge, "/errors/attachment-too-large");
        Assert.Equal("Mỗi tệp tối đa 0.1 MB.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await stored());
    }

    /// <summary>Twelve uploads at once to an empty record: five stored, seven refused with 422, none failing with 5xx.</summary>
    public static async Task ConcurrentUploadsHoldTheLimitAsync(HttpClient client, string files, string kind, Func<Task<int>> stored)
    {
        var responses = await Bursts.RunAsync(12, i => client.PostAsync(files, SampleFiles.Upload(SampleFiles.Pdf($"Trang {i}"), $"tep-{i}.pdf", kind)));

        await Bursts.AssertNoServerErrorsAsync(responses);
        var statuses = Bursts.Statuses(responses);
        Assert.Equal(MaxFilesPerRecord, statuses.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(12 - MaxFilesPerRecord, statuses.GetValueOrDefault(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(MaxFilesPerRecord, await stored());
    }

    /// <summary>The same upload sent twice with one <c>Idempotency-Key</c>: the second replays the first's answer, one file is stored.</summary>
    public static async Task RepeatedKeyStoresOneFileAsync(HttpClient client, string files, string kind, Func<Task<int>> stored)
    {
        var before = await stored();
        var key = $"upload-{Guid.NewGuid()}";
        HttpRequestMessage Request()
        {
            var form = new MultipartFormDataContent("fixed-boundary");
            form.Add(new ByteArrayContent(SampleFiles.Pdf()), "file", "ho-so.pdf");
            form.Add(new StringContent(kind), "kind");
            return new HttpRequestMessage(HttpMethod.Post, files) { Content = form }.WithKey(key);
        }
        var first = await Answers.ExpectAsync(await client.SendAsync(Request()), HttpStatusCode.Created);
        var again = await client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(before + 1, await stored());
    }

    /// <summary>
    /// A picture's thumbnail: at most 320 pixels on its long side with the picture's aspect, JPEG for an opaque picture,
    /// served as inertly as the file; a file that is no picture has none (404).
    /// </summary>
    public static async Task ThumbnailIsSmallKeepsTheAspectAndIsInertAsync(HttpClient client, string files, string photoKind, string paperKind)
    {
        var photo = await Answers.ExpectAsync(await client.PostAsync(files, SampleFiles.Upload(SampleFiles.Picture(1200, 480), "ảnh rộng.png", photoKind)),
            HttpStatusCode.Created);
        var tall = await Answers.ExpectAsync(await client.PostAsync(files,
            SampleFiles.Upload(SampleFiles.Picture(300, 900, SKEncodedImageFormat.Jpeg), "anh-doc.jpg", photoKind)), HttpStatusCode.Created);
        var paper = await Answers.ExpectAsync(await client.PostAsync(files, SampleFiles.Upload(SampleFiles.Pdf(), "giay.pdf", paperKind)), HttpStatusCode.Created);

        var wide = await client.GetAsync($"{files}/{photo.GetProperty("id").GetString()}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, wide.StatusCode);
        Assert.Equal("image/jpeg", wide.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("inline", "ảnh rộng-thu-nho.jpg"), (wide.Content.Headers.ContentDisposition!.DispositionType, wide.Content.Headers.ContentDisposition.FileNameStar));
        Assert.Equal("nosniff", wide.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(wide.Headers.CacheControl!.Private);
        Assert.Equal((320, 128), SizeOf(await wide.Content.ReadAsByteArrayAsync()));
        Assert.Equal((107, 320), SizeOf(await client.GetByteArrayAsync($"{files}/{tall.GetProperty("id").GetString()}/thumbnail")));
        await Answers.AssertProblemAsync(await client.GetAsync($"{files}/{paper.GetProperty("id").GetString()}/thumbnail"), HttpStatusCode.NotFound, "/errors/not-found");
    }

    /// <summary>
    /// A picture whose signature is right but whose content cannot be decoded, and a few kilobytes claiming 50000×50000
    /// pixels, are refused with 422 in Vietnamese, and nothing is written.
    /// </summary>
    public static async Task UndecodableAndBombPicturesAreRefusedAsync(HttpClient client, string files, string photoKind, Func<Task<int>> stored)
    {
        var before = await stored();
        var broken = await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(SampleFiles.UndecodablePng(), "anh-hong.png", photoKind)),
            HttpStatusCode.UnprocessableEntity, "/errors/image-unreadable");
        Assert.StartsWith("Ảnh không đọc được", broken.GetProperty("detail").GetString());
        await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(SampleFiles.Jpeg(), "anh-cut.jpg", photoKind)),
            HttpStatusCode.UnprocessableEntity, "/errors/image-unreadable");
        var bomb = SampleFiles.PngBomb();
        Assert.True(bomb.Length < 16 * 1024);
        var huge = await Answers.AssertProblemAsync(await client.PostAsync(files, SampleFiles.Upload(bomb, "anh-lon.png", photoKind)),
            HttpStatusCode.UnprocessableEntity, "/errors/image-too-large");
        Assert.Contains("50000×50000 điểm ảnh", huge.GetProperty("detail").GetString());
        Assert.Equal(before, await stored());
    }

    /// <summary>Pictures uploaded at once up to the record's limit: each stored with its own thumbnail, none failing with 5xx.</summary>
    public static async Task ConcurrentPictureUploadsEachGetTheirThumbnailAsync(HttpClient client, string files, string photoKind, Func<Task<int>> stored)
    {
        var responses = await Bursts.RunAsync(MaxFilesPerRecord + 3,
            i => client.PostAsync(files, SampleFiles.Upload(SampleFiles.Picture(400 + (40 * i), 200, SKEncodedImageFormat.Jpeg), $"anh-{i}.jpg", photoKind)));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(MaxFilesPerRecord, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.Created));
        foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            var attachment = await created.Content.ReadFromJsonAsync<JsonElement>();
            var i = int.Parse(attachment.GetProperty("fileName").GetString()!["anh-".Length..^".jpg".Length], System.Globalization.CultureInfo.InvariantCulture);
            var thumbnail = SizeOf(await client.GetByteArrayAsync($"{files}/{attachment.GetProperty("id").GetString()}/thumbnail"));
            Assert.Equal((320, (int)Math.Round(200 * 320d / (400 + (40 * i)))), thumbnail);
        }
        Assert.Equal(MaxFilesPerRecord, await stored());
    }

    /// <summary>A picture's width and height as its header gives them.</summary>
    public static (int Width, int Height) SizeOf(byte[] picture)
    {
        using var data = SKData.CreateCopy(picture);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>How many files the record holds in the service's database, each with its content row.</summary>
    public static async Task<int> StoredAsync(IServiceProvider services, Guid recordId)
    {
        await using var scope = services.CreateAsyncScope();
        var attachments = scope.ServiceProvider.GetRequiredService<AttachmentsDbContext>();
        var stored = await attachments.Attachments.CountAsync(a => a.RecordId == recordId);
        Assert.Equal(stored, await attachments.Contents.CountAsync(c => attachments.Attachments.Any(a => a.Id == c.AttachmentId && a.RecordId == recordId)));
        return stored;
    }
}

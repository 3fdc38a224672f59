namespace KhuyenCong.Products.Domain;

public enum PhotoFormat
{
    Jpeg = 1,
    Png = 2,
    WebP = 3,
}

/// <summary>A photo of the product in an entry's dossier, stored with the entry.</summary>
public sealed class EntryPhoto
{
    private EntryPhoto() { }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    /// <summary>1 for the first photo of the dossier, in the order they were uploaded.</summary>
    public int Position { get; private set; }
    public string FileName { get; private set; } = "";
    public PhotoFormat Format { get; private set; }
    public long SizeBytes { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }

    public string ContentType => Format.ContentType();

    public static EntryPhoto Store(Guid entryId, int position, string fileName, PhotoFormat format, byte[] content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EntryId = entryId,
        Position = position,
        FileName = fileName,
        Format = format,
        SizeBytes = content.LongLength,
        Content = content,
        UploadedAt = now,
    };
}

public static class PhotoFormats
{
    /// <summary>Recognises an image by its first bytes (its signature), whatever the client claims it is.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return PhotoFormat.Jpeg;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PhotoFormat.Png;
        }
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return PhotoFormat.WebP;
        }
        return null;
    }

    public static string ContentType(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.WebP => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown photo format."),
    };
}

/// <summary>The limits on a dossier's photos: a size per photo and a number per entry (configurable).</summary>
public sealed record PhotoPolicy(long MaxBytes, int MaxPerEntry)
{
    public void EnsureRoom(int stored, int adding)
    {
        if (checked(stored + adding) > MaxPerEntry)
        {
            throw new ProductRuleException("too-many-photos", RuleKind.Unprocessable,
                $"An entry holds at most {MaxPerEntry} photos; it has {stored} and {adding} more were sent.")
            {
                Vietnamese = $"Mỗi sản phẩm có tối đa {MaxPerEntry} ảnh; đã có {stored} ảnh và gửi thêm {adding} ảnh.",
            };
        }
    }

    public void EnsureSize(string fileName, long length)
    {
        if (length > MaxBytes)
        {
            throw new ProductRuleException("photo-too-large", RuleKind.Unprocessable,
                $"'{fileName}' has {length:N0} bytes; a photo may have at most {MaxBytes:N0}.")
            {
                Vietnamese = $"Tệp '{fileName}' có {length:N0} byte; mỗi ảnh tối đa {MaxBytes:N0} byte.",
            };
        }
    }

    /// <summary>The format of a JPEG, PNG or WebP image, recognised by its content.</summary>
    public static PhotoFormat FormatOf(string fileName, ReadOnlySpan<byte> content) =>
        PhotoFormats.Detect(content) ?? throw new ProductRuleException("photo-type-not-allowed", RuleKind.Unprocessable,
            $"'{fileName}' is not a JPEG, PNG or WebP image.")
        {
            Vietnamese = $"Tệp '{fileName}' không phải ảnh JPEG, PNG hoặc WebP.",
        };
}

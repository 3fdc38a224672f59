using System.Globalization;
using System.Text;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Http;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Platform.Documents;

/// <summary>A file as received and checked: its kind, its cleaned name, its bytes, the type its content shows and, for a picture, its thumbnail.</summary>
public sealed record ReceivedFile(DocumentKind Kind, string FileName, byte[] Content, FileType Type, Thumbnail? Thumbnail);

/// <summary>One attachment as the API shows it; <c>withdrawn</c> files are listed with who withdrew them, when and why.</summary>
public sealed record AttachmentResponse(
    Guid Id, DocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, bool ShownInline,
    string UploadedBy, string? UploadedByName, DateTimeOffset UploadedAt,
    bool Withdrawn, string? WithdrawnBy, string? WithdrawnByName, DateTimeOffset? WithdrawnAt, string? WithdrawalReason)
{
    public static AttachmentResponse From(Attachment a) => new(
        a.Id, a.Kind, a.FileName, a.ContentType, a.Size, Convert.ToHexStringLower(a.Sha256), ShowsInline(a.ContentType),
        a.UploadedBy, a.UploadedByName, a.UploadedAt, a.IsWithdrawn, a.WithdrawnBy, a.WithdrawnByName, a.WithdrawnAt, a.WithdrawalReason);

    internal static bool ShowsInline(string contentType) =>
        contentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";
}

/// <summary>The reason given when withdrawing a file.</summary>
public sealed record WithdrawAttachmentRequest(string? Reason);

/// <summary>
/// The HTTP side of attachments every service shares: reading an upload (<c>multipart/form-data</c> with one
/// <c>file</c> and its <c>kind</c>) within the limits, and answering a download inertly.
/// </summary>
public static class AttachmentHttp
{
    /// <summary>Room for the form's boundaries, headers and kind beside the file itself.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>Reads and checks the upload; exactly one of the three is set.</summary>
    public static async Task<(ReceivedFile? File, RequestValidation? Invalid, ProblemHttpResult? Refused)> ReadUploadAsync(
        HttpRequest request, AttachmentOptions limits, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, ApiProblems.Refused(StatusCodes.Status415UnsupportedMediaType, "multipart-expected",
                "Send the file as multipart/form-data with the fields 'file' and 'kind'.",
                "Hãy gửi tệp dưới dạng multipart/form-data với hai trường 'file' và 'kind'."));
        }
        var maxBody = limits.MaxFileBytes + FormOverhead;
        if (request.ContentLength > maxBody)
        {
            return (null, null, TooLarge(limits));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBody;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBody, ValueCountLimit = 16 }, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, TooLarge(limits));
        }
        catch (InvalidDataException broken) when (broken.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, TooLarge(limits));
        }
        catch (Exception broken) when (broken is InvalidDataException or BadHttpRequestException
            || (broken is IOException && !cancellationToken.IsCancellationRequested))
        {
            return (null, new RequestValidation().Check(false, "file", "The form could not be read as multipart/form-data.",
                "Không đọc được biểu mẫu multipart/form-data."), null);
        }

        var validation = new RequestValidation();
        var files = form.Files.GetFiles("file");
        validation.Expect(files.Count == 1 && form.Files.Count == 1, "file", "is required: send exactly one file, in the field 'file'.",
            "là bắt buộc: gửi đúng một tệp.");
        var kindText = form["kind"].ToString();
        var kindKnown = Enum.TryParse<DocumentKind>(kindText, ignoreCase: false, out var kind)
            && Enum.IsDefined(kind) && !kindText.Any(char.IsDigit);
        validation.Expect(kindKnown, "kind", $"is required: one of {string.Join(", ", Enum.GetNames<DocumentKind>())}.",
            $"là bắt buộc: một trong {string.Join(", ", Enum.GetValues<DocumentKind>().Select(k => Contracts.CodeNames.VietnameseOf(k)))}.");
        var name = files.Count == 1 ? CleanName(files[0].FileName) : "";
        if (files.Count == 1)
        {
            validation.Check(name.Length is > 0 and <= AttachmentStore.MaxFileNameLength, "file",
                $"The file needs a name of 1 to {AttachmentStore.MaxFileNameLength} characters.",
                $"Tệp cần có tên dài từ 1 đến {AttachmentStore.MaxFileNameLength} ký tự.");
        }
        if (!validation.IsValid)
        {
            return (null, validation, null);
        }
        var file = files[0];
        if (file.Length > limits.MaxFileBytes)
        {
            return (null, null, TooLarge(limits));
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        var (type, refusal) = FileTypes.Check(name, content);
        if (refusal is not null)
        {
            return (null, null, ApiProblems.Refused(refusal.Status, refusal.Code, refusal.English, refusal.Vietnamese));
        }
        var (thumbnail, unreadable) = Thumbnails.Of(type!, content);
        if (unreadable is not null)
        {
            return (null, null, ApiProblems.Refused(unreadable.Status, unreadable.Code, unreadable.English, unreadable.Vietnamese));
        }
        return (new ReceivedFile(kind, name, content, type!, thumbnail), null, null);
    }

    /// <summary>
    /// The file, inert: its stored type (told by content at upload), <c>nosniff</c>, private caching, and
    /// <c>Content-Disposition: attachment</c> except images and PDF, which a browser may show (<c>inline</c>).
    /// </summary>
    public static FileContentHttpResult Download(HttpContext http, Attachment attachment, byte[] content) =>
        Inert(http, attachment, content, attachment.ContentType, attachment.FileName);

    /// <summary>A picture's thumbnail, as inert as the file itself, named after it.</summary>
    public static FileContentHttpResult Thumbnail(HttpContext http, Attachment attachment, byte[] thumbnail)
    {
        var contentType = Thumbnails.TypeOf(thumbnail);
        var name = $"{Path.GetFileNameWithoutExtension(attachment.FileName)}-thu-nho{(contentType == FileTypes.Jpeg.ContentType ? ".jpg" : ".png")}";
        return Inert(http, attachment, thumbnail, contentType, name);
    }

    private static FileContentHttpResult Inert(HttpContext http, Attachment attachment, byte[] content, string contentType, string fileName)
    {
        var answer = FileAnswer.Inert(http, content, contentType, fileName, AttachmentResponse.ShowsInline(contentType));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'";
        if (attachment.IsWithdrawn)
        {
            headers["X-Attachment-Withdrawn"] = attachment.WithdrawnAt!.Value.ToString("O", CultureInfo.InvariantCulture);
        }
        return answer;
    }

    /// <summary>The last segment of the sender's name, without control characters or characters no file system takes.</summary>
    public static string CleanName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Trim().TrimStart('.');
    }

    private static ProblemHttpResult TooLarge(AttachmentOptions limits)
    {
        var megabytes = (limits.MaxFileBytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture);
        return ApiProblems.Refused(StatusCodes.Status413PayloadTooLarge, "attachment-too-large",
            $"A file may be at most {megabytes} MB.", $"Mỗi tệp tối đa {megabytes} MB.");
    }
}

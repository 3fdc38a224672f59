using System.Security.Claims;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Platform.Documents;

/// <summary>
/// What the caller may do with one record's files, as the record's service decides it from the record and the caller:
/// which kinds they read, whether they may attach a kind, withdraw a file, read a withdrawn one, and what the record's
/// history keeps of it. A record the caller may not see is not an <see cref="AttachedRecord"/> at all (404).
/// </summary>
public sealed class AttachedRecord
{
    /// <summary>The kinds of file the caller reads; the others are neither listed nor served (404).</summary>
    public required Func<DocumentKind, bool> Reads { get; init; }

    /// <summary>Throws a <see cref="ServiceDefaults.Domain.BusinessRuleException"/> when the caller may not attach a file of the kind.</summary>
    public required Action<DocumentKind> EnsureMayAttach { get; init; }

    /// <summary>Whether the caller may withdraw the file.</summary>
    public required Func<Attachment, bool> MayWithdraw { get; init; }

    /// <summary>
    /// Throws a <see cref="ServiceDefaults.Domain.BusinessRuleException"/> when the record's own rules keep the file (a
    /// submitted dossier keeps the papers it needs), whoever asks; called for a file not yet withdrawn, in the command's transaction.
    /// </summary>
    public Action<Attachment>? EnsureMayLose { get; init; }

    /// <summary>Whether the caller still reads a withdrawn file (Centre officers); anyone else is told it is gone (410).</summary>
    public bool ReadsWithdrawn { get; init; }

    /// <summary>Why the caller, who sees the record, may not change its files at all; null when they may.</summary>
    public ProblemHttpResult? ChangeRefused { get; init; }

    /// <summary>Writes the record's history entry for a file attached, in the command's transaction (before it saves).</summary>
    public Action<Attachment>? Attached { get; init; }

    /// <summary>Writes the record's history entry for a file withdrawn with its reason.</summary>
    public Action<Attachment, string>? Withdrawn { get; init; }
}

/// <summary>What a command on a record's files works with: the request, its database, the caller and the time.</summary>
public sealed record AttachmentCall<TDb>(TDb Db, HttpContext Http, Guid RecordId, CancellationToken CancellationToken)
    where TDb : ServiceDbContext
{
    public ClaimsPrincipal User => Http.User;
    public string Actor => ServiceDefaults.Http.Actor.NameOf(User);
    public string? ActorName => User.FindFirst("name")?.Value;
    public DateTimeOffset Now => Http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}

/// <summary>
/// One kind of record that carries files, as its routes show it: <paramref name="RecordKind"/> is what the store keeps
/// (<c>Course</c>), <paramref name="Name"/> names the operations (<c>AttachCourseFile</c>, <c>ListCourseAttachments</c>...),
/// <paramref name="RecordIdParameter"/> is the route value holding the record's id, <paramref name="Kinds"/> the kinds of
/// paper the record takes, <paramref name="ChangePolicy"/> who may upload and withdraw (further narrowed by the record).
/// </summary>
public sealed record AttachmentRoutes(
    string RecordKind, string Name, string Tag, string RecordIdParameter, IReadOnlyList<DocumentKind> Kinds, string ChangePolicy,
    string EnglishNoun, string VietnameseNoun);

/// <summary>
/// The attachments API every record shares, mapped under a record's route: upload (multipart <c>file</c> and <c>kind</c>,
/// typed by content, within the limits), list, download (inert), withdraw with a reason. Each record's service gives
/// only its access check (<c>find</c>): whoever does not see the record gets 404 for it and its files; commands run on
/// the one command path (a transaction, the record's lock, the idempotency key's mark) with the record's history entry.
/// </summary>
public static class AttachmentsApi
{
    /// <summary>
    /// Maps the four operations under <paramref name="group"/> (a group such as <c>/api/training/courses/{id:guid}/attachments</c>).
    /// <paramref name="find"/> answers the record as the caller may use it, or null when they do not see it; called with
    /// <c>forChange</c> inside the command's transaction, it locks the record first (<c>db.LockAsync</c>) and loads it tracked.
    /// </summary>
    public static RouteGroupBuilder MapAttachments<TDb>(
        this RouteGroupBuilder group, AttachmentRoutes routes,
        Func<AttachmentCall<TDb>, bool, Task<AttachedRecord?>> find)
        where TDb : ServiceDbContext
    {
        var endpoints = new AttachmentEndpoints<TDb>(routes, find);
        group.WithTags(routes.Tag);
        group.MapPost("/", endpoints.UploadAsync)
            .WithName($"Attach{routes.Name}File").WithSummary($"Attaches a file (multipart: file, kind) to the {routes.EnglishNoun}; its type is told by its content.")
            .RequireAuthorization(routes.ChangePolicy)
            .Accepts<IFormFile>("multipart/form-data").ProducesRefusals()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", endpoints.ListAsync)
            .WithName($"List{routes.Name}Attachments").WithSummary($"The {routes.EnglishNoun}'s files the caller reads, oldest first, withdrawn ones included.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{attachmentId:guid}", endpoints.DownloadAsync)
            .WithName($"Download{routes.Name}Attachment").WithSummary("The file itself: images and PDF inline, anything else as a download, never sniffed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("/{attachmentId:guid}/thumbnail", endpoints.ThumbnailAsync)
            .WithName($"Download{routes.Name}AttachmentThumbnail")
            .WithSummary($"A picture's small copy (at most {Thumbnails.LongSide} pixels on its long side), under the file's own rules; 404 for files that are no picture.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapPost("/{attachmentId:guid}/withdraw", endpoints.WithdrawAsync)
            .WithName($"Withdraw{routes.Name}Attachment").WithSummary("Withdraws a file with a reason: recorded, never deleted.")
            .RequireAuthorization(routes.ChangePolicy)
            .ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    /// <summary>The kinds that are pictures (a photo, a product's photo): they take pictures alone, whatever else the record takes.</summary>
    private static readonly DocumentKind[] PictureKinds = [DocumentKind.Photo, DocumentKind.ProductPhoto];

    /// <summary>The refusal of a file that is no picture under a picture's kind (a PDF sent as a product photo), or null.</summary>
    internal static ProblemHttpResult? NotAPicture(ReceivedFile file) =>
        PictureKinds.Contains(file.Kind) && !file.Type.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? ApiProblems.Refused(StatusCodes.Status415UnsupportedMediaType, "not-a-picture",
                $"A file of kind {file.Kind} is a picture (PNG, JPEG, GIF or WebP); '{file.FileName}' is {file.Type.ContentType}.",
                $"{CodeNames.VietnameseOf(file.Kind)} phải là tệp ảnh (PNG, JPEG, GIF hoặc WebP); tệp '{file.FileName}' không phải là ảnh.")
            : null;

    /// <summary>The answer for a withdrawn file to whoever no longer reads it.</summary>
    public static ProblemHttpResult Gone(Attachment attachment) => ApiProblems.Refused(StatusCodes.Status410Gone, "attachment-withdrawn",
        $"The file '{attachment.FileName}' was withdrawn on {attachment.WithdrawnAt:yyyy-MM-dd}; a Centre officer can still read it.",
        $"Tệp '{attachment.FileName}' đã được rút ngày {attachment.WithdrawnAt:dd/MM/yyyy}; cán bộ Trung tâm vẫn xem được tệp này.");
}

/// <summary>The four operations on one kind of record's files, bound to its routes and its access check.</summary>
internal sealed class AttachmentEndpoints<TDb>(AttachmentRoutes routes, Func<AttachmentCall<TDb>, bool, Task<AttachedRecord?>> find)
    where TDb : ServiceDbContext
{
    public async Task<Results<Created<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext http, AttachmentStore store, CancellationToken cancellationToken)
    {
        var call = Call(http, cancellationToken);
        var (file, invalid, refused) = await AttachmentHttp.ReadUploadAsync(call.Http.Request, store.Limits, call.CancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.Invalid(invalid);
        }
        if (refused is not null)
        {
            return refused;
        }
        if (!routes.Kinds.Contains(file!.Kind))
        {
            return ApiProblems.Invalid(new RequestValidation().Check(false, "kind",
                $"A {routes.EnglishNoun} takes one of: {string.Join(", ", routes.Kinds)}.",
                $"{routes.VietnameseNoun} nhận một trong các loại tài liệu: {string.Join(", ", routes.Kinds.Select(k => CodeNames.VietnameseOf(k)))}."));
        }
        if (AttachmentsApi.NotAPicture(file) is { } notAPicture)
        {
            return notAPicture;
        }
        return await call.Db.RunAsync<Created<AttachmentResponse>>(async ct =>
        {
            var record = await find(call with { CancellationToken = ct }, true);
            if (record is null)
            {
                return RecordNotFound(call.RecordId);
            }
            if (record.ChangeRefused is { } beyond)
            {
                return beyond;
            }
            record.EnsureMayAttach(file.Kind);
            var attachment = await store.AddAsync(call.Db,
                new AttachmentUpload(routes.RecordKind, call.RecordId, file.Kind, file.FileName, file.Content, call.Actor, call.ActorName, file.Thumbnail), file.Type, ct);
            record.Attached?.Invoke(attachment);
            await call.Db.SaveChangesAsync(ct);
            return TypedResults.Created($"{call.Http.Request.PathBase}{call.Http.Request.Path.Value?.TrimEnd('/')}/{attachment.Id}",
                AttachmentResponse.From(attachment));
        }, call.CancellationToken);
    }

    public async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, CancellationToken cancellationToken)
    {
        var call = Call(http, cancellationToken);
        if (await find(call, false) is not { } record)
        {
            return RecordNotFound(call.RecordId);
        }
        var attachments = await AttachmentStore.ListAsync(call.Db, routes.RecordKind, call.RecordId, call.CancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttachmentResponse>>([.. attachments.Where(a => record.Reads(a.Kind)).Select(AttachmentResponse.From)]);
    }

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid attachmentId, HttpContext http, CancellationToken cancellationToken)
    {
        var call = Call(http, cancellationToken);
        if (await find(call, false) is not { } record)
        {
            return RecordNotFound(call.RecordId);
        }
        if (await AttachmentStore.ReadAsync(call.Db, routes.RecordKind, call.RecordId, attachmentId, call.CancellationToken) is not { } found
            || !record.Reads(found.Attachment.Kind))
        {
            return AttachmentNotFound(attachmentId);
        }
        if (found.Attachment.IsWithdrawn && !record.ReadsWithdrawn)
        {
            return AttachmentsApi.Gone(found.Attachment);
        }
        return AttachmentHttp.Download(call.Http, found.Attachment, found.Content);
    }

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> ThumbnailAsync(
        Guid attachmentId, HttpContext http, CancellationToken cancellationToken)
    {
        var call = Call(http, cancellationToken);
        if (await find(call, false) is not { } record)
        {
            return RecordNotFound(call.RecordId);
        }
        if (await AttachmentStore.ReadThumbnailAsync(call.Db, routes.RecordKind, call.RecordId, attachmentId, call.CancellationToken) is not { } found
            || !record.Reads(found.Attachment.Kind))
        {
            return AttachmentNotFound(attachmentId);
        }
        if (found.Attachment.IsWithdrawn && !record.ReadsWithdrawn)
        {
            return AttachmentsApi.Gone(found.Attachment);
        }
        return AttachmentHttp.Thumbnail(call.Http, found.Attachment, found.Thumbnail);
    }

    public async Task<Results<Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        Guid attachmentId, WithdrawAttachmentRequest request, HttpContext http, AttachmentStore store, CancellationToken cancellationToken)
    {
        var call = Call(http, cancellationToken);
        var reason = request.Reason?.Trim();
        var validation = new RequestValidation()
            .Check(reason is { Length: > 0 and <= 1000 }, "reason", "is required: why the file is withdrawn, at most 1000 characters.",
                "là bắt buộc: lý do rút tệp, tối đa 1000 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await call.Db.RunAsync<Ok<AttachmentResponse>>(async ct =>
        {
            var record = await find(call with { CancellationToken = ct }, true);
            if (record is null)
            {
                return RecordNotFound(call.RecordId);
            }
            if (record.ChangeRefused is { } beyond)
            {
                return beyond;
            }
            var attachment = await store.WithdrawAsync(call.Db, routes.RecordKind, call.RecordId, attachmentId,
                a => record.Reads(a.Kind) && record.MayWithdraw(a), call.Actor, call.ActorName, reason!, ct, record.EnsureMayLose);
            if (attachment is null)
            {
                return AttachmentNotFound(attachmentId);
            }
            record.Withdrawn?.Invoke(attachment, reason!);
            await call.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(AttachmentResponse.From(attachment));
        }, call.CancellationToken);
    }

    /// <summary>The record's id from the route and the service's context of the request.</summary>
    private AttachmentCall<TDb> Call(HttpContext http, CancellationToken cancellationToken) => new(http.RequestServices.GetRequiredService<TDb>(), http,
        Guid.Parse((string)http.GetRouteValue(routes.RecordIdParameter)!, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    private ProblemHttpResult RecordNotFound(Guid id) => ApiProblems.NotFound(routes.RecordKind,
        $"There is no {routes.EnglishNoun} with id {id}.", $"Không có {routes.VietnameseNoun.ToLowerInvariant()} mã {id}.");

    private ProblemHttpResult AttachmentNotFound(Guid attachmentId) => ApiProblems.NotFound("Attachment",
        $"The {routes.EnglishNoun} has no file with id {attachmentId}.", $"{routes.VietnameseNoun} không có tệp mã {attachmentId}.");
}

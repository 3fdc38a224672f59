using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// The papers of a proposal's dossier and of each step of its lifecycle, kept in the service's database
/// (<see cref="AttachmentStore"/>) under the proposal's access rules: whoever sees the proposal sees its list; another
/// establishment's proposal, and so its files, is 404. Uploading and withdrawing follow <see cref="Proposal.EnsureFilerMayAttach"/>.
/// </summary>
public static class ProposalAttachmentsApi
{
    internal const string RecordKind = "Proposal";

    public static IEndpointRouteBuilder MapProposalAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/{id:guid}/attachments").WithTags("Proposals").RequireAuthorization(Policies.Read);
        group.MapPost("/", Upload).WithName("AttachProposalFile").RequireAuthorization(Policies.Propose)
            .Accepts<IFormFile>("multipart/form-data").ProducesRefusals()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", List).WithName("ListProposalAttachments").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{attachmentId:guid}", Download).WithName("DownloadProposalAttachment")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapPost("/{attachmentId:guid}/withdraw", Withdraw).WithName("WithdrawProposalAttachment").RequireAuthorization(Policies.Propose)
            .ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Attaches a file (multipart: <c>file</c>, <c>kind</c>) to the proposal; its type is told by its content.</summary>
    internal static async Task<Results<Created<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, [AsParameters] ProposalServices s, AttachmentStore store)
    {
        var (file, invalid, refused) = await AttachmentHttp.ReadUploadAsync(s.Http.Request, store.Limits, s.CancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.Invalid(invalid);
        }
        if (refused is not null)
        {
            return refused;
        }
        return await s.Db.RunAsync<Created<AttachmentResponse>>(async ct =>
        {
            await s.Db.LockAsync<Proposal>(id, ct);
            var proposal = await FindAsync(id, s, tracked: true, ct);
            if (proposal is null)
            {
                return NotFound(id);
            }
            var officer = IsOfficer(s);
            if (!officer)
            {
                if (!await Scoping.MayChangeAsync(s.Scope, proposal, s.Db, ct))
                {
                    return Scoping.ProposalBeyondScope(s.Http);
                }
                proposal.EnsureFilerMayAttach(file!.Kind);
            }
            var attachment = await store.AddAsync(s.Db,
                new AttachmentUpload(RecordKind, id, file!.Kind, file.FileName, file.Content, s.Actor, s.ActorName), file.Type, ct);
            var known = proposal.History.Count;
            proposal.RecordAttachment(file.Kind, file.FileName, s.Now, s.Actor);
            proposal.NameActor(known, s.Actor, s.ActorName);
            s.Db.Touch(proposal);
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/proposals/{id}/attachments/{attachment.Id}", AttachmentResponse.From(attachment));
        }, s.CancellationToken);
    }

    /// <summary>The proposal's files, oldest first, withdrawn ones included with who withdrew them and why.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, ProblemHttpResult>> List(Guid id, [AsParameters] ProposalServices s)
    {
        if (await FindAsync(id, s, tracked: false, s.CancellationToken) is null)
        {
            return NotFound(id);
        }
        var attachments = await AttachmentStore.ListAsync(s.Db, RecordKind, id, s.CancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttachmentResponse>>([.. attachments.Select(AttachmentResponse.From)]);
    }

    /// <summary>
    /// The file itself: images and PDF inline, anything else as a download, never sniffed. A withdrawn file stays
    /// readable by Centre officers (marked by <c>X-Attachment-Withdrawn</c>); for anyone else it is gone (410).
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, Guid attachmentId, [AsParameters] ProposalServices s)
    {
        if (await FindAsync(id, s, tracked: false, s.CancellationToken) is null)
        {
            return NotFound(id);
        }
        if (await AttachmentStore.ReadAsync(s.Db, RecordKind, id, attachmentId, s.CancellationToken) is not { } found)
        {
            return AttachmentNotFound(attachmentId);
        }
        if (found.Attachment.IsWithdrawn && !IsOfficer(s))
        {
            return ApiProblems.Refused(StatusCodes.Status410Gone, "attachment-withdrawn",
                $"The file '{found.Attachment.FileName}' was withdrawn on {found.Attachment.WithdrawnAt:yyyy-MM-dd}; a Centre officer can still read it.",
                $"Tệp '{found.Attachment.FileName}' đã được rút ngày {found.Attachment.WithdrawnAt:dd/MM/yyyy}; cán bộ Trung tâm vẫn xem được tệp này.");
        }
        return AttachmentHttp.Download(s.Http, found.Attachment, found.Content);
    }

    /// <summary>Withdraws a file with a reason: recorded, never deleted. Officers withdraw any file; a filer its own while it may still add it.</summary>
    internal static async Task<Results<Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, Guid attachmentId, WithdrawAttachmentRequest request, [AsParameters] ProposalServices s, AttachmentStore store)
    {
        var reason = request.Reason?.Trim();
        var validation = new RequestValidation()
            .Check(reason is { Length: > 0 and <= 1000 }, "reason", "is required: why the file is withdrawn, at most 1000 characters.",
                "là bắt buộc: lý do rút tệp, tối đa 1000 ký tự.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await s.Db.RunAsync<Ok<AttachmentResponse>>(async ct =>
        {
            await s.Db.LockAsync<Proposal>(id, ct);
            var proposal = await FindAsync(id, s, tracked: true, ct);
            if (proposal is null)
            {
                return NotFound(id);
            }
            var officer = IsOfficer(s);
            if (!officer && !await Scoping.MayChangeAsync(s.Scope, proposal, s.Db, ct))
            {
                return Scoping.ProposalBeyondScope(s.Http);
            }
            var attachment = await store.WithdrawAsync(s.Db, RecordKind, id, attachmentId,
                a => officer || (a.UploadedBy == s.Actor && proposal.PapersTheFilerMayAdd.Contains(a.Kind)),
                s.Actor, s.ActorName, reason!, ct);
            if (attachment is null)
            {
                return AttachmentNotFound(attachmentId);
            }
            var known = proposal.History.Count;
            proposal.RecordAttachmentWithdrawn(attachment.Kind, attachment.FileName, reason!, s.Now, s.Actor);
            proposal.NameActor(known, s.Actor, s.ActorName);
            s.Db.Touch(proposal);
            await s.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(AttachmentResponse.From(attachment));
        }, s.CancellationToken);
    }

    /// <summary>A Centre officer (or administrator) acting for the whole province, who attaches any paper at any step.</summary>
    private static bool IsOfficer(ProposalServices s) => s.User.Admits(Policies.Manage) && s.Scope.CanSeeEverything;

    private static Task<Proposal?> FindAsync(Guid id, ProposalServices s, bool tracked, CancellationToken cancellationToken)
    {
        var proposals = tracked ? s.Db.Proposals : s.Db.Proposals.AsNoTracking();
        return proposals.AsSplitQuery().Within(s.Scope).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Proposal", $"There is no proposal with id {id}.", $"Không có đề án mã {id}.");

    private static ProblemHttpResult AttachmentNotFound(Guid attachmentId) =>
        ApiProblems.NotFound("Attachment", $"The proposal has no file with id {attachmentId}.", $"Đề án không có tệp mã {attachmentId}.");
}

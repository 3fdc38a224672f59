using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// The papers of a proposal's dossier and of each step of its lifecycle, kept in the service's database
/// (<see cref="AttachmentStore"/>) under the proposal's access rules: whoever sees the proposal sees its files; another
/// establishment's proposal, and so its files, is 404. Uploading and withdrawing follow <see cref="Proposal.EnsureFilerMayAttach"/>.
/// </summary>
public static class ProposalAttachmentsApi
{
    internal const string RecordKind = "Proposal";

    private static readonly AttachmentRoutes Routes = new(RecordKind, "Proposal", "Proposals", "id",
    [
        DocumentKind.ProposalDescription, DocumentKind.CostEstimate, DocumentKind.AppraisalMinutes, DocumentKind.ApprovalDecision,
        DocumentKind.Contract, DocumentKind.ProgressReport, DocumentKind.AcceptanceMinutes, DocumentKind.SettlementDossier,
        DocumentKind.PostSupportEvaluation, DocumentKind.Photo, DocumentKind.Other,
    ], Policies.Propose, "proposal", "Đề án");

    public static IEndpointRouteBuilder MapProposalAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/proposals/{id:guid}/attachments").RequireAuthorization(Policies.Read)
            .MapAttachments<ProposalsDbContext>(Routes, FindAsync);
        return app;
    }

    /// <summary>
    /// The proposal as the caller may use its files: officers of the Centre attach and withdraw any paper and still read
    /// withdrawn ones; its filer adds the papers its step allows and withdraws its own while it may still add them.
    /// </summary>
    private static async Task<AttachedRecord?> FindAsync(AttachmentCall<ProposalsDbContext> call, bool forChange)
    {
        var (db, id, ct) = (call.Db, call.RecordId, call.CancellationToken);
        if (forChange)
        {
            await db.LockAsync<Proposal>(id, ct);
        }
        var scope = call.User.Scope();
        var proposals = forChange ? db.Proposals : db.Proposals.AsNoTracking();
        var proposal = await proposals.AsSplitQuery().Within(scope).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return null;
        }
        var officer = call.User.Admits(Policies.Manage) && scope.CanSeeEverything;
        var refused = forChange && !officer && !await Scoping.MayChangeAsync(scope, proposal, db, ct) ? Scoping.ProposalBeyondScope(call.Http) : null;
        var now = call.Now;
        return new AttachedRecord
        {
            Reads = _ => true,
            ReadsWithdrawn = officer,
            ChangeRefused = refused,
            EnsureMayAttach = kind =>
            {
                if (!officer)
                {
                    proposal.EnsureFilerMayAttach(kind);
                }
            },
            MayWithdraw = a => officer || (a.UploadedBy == call.Actor && proposal.PapersTheFilerMayAdd.Contains(a.Kind)),
            Attached = a =>
            {
                var known = proposal.History.Count;
                proposal.RecordAttachment(a.Kind, a.FileName, now, call.Actor);
                proposal.NameActor(known, call.Actor, call.ActorName);
                db.Touch(proposal);
            },
            Withdrawn = (a, reason) =>
            {
                var known = proposal.History.Count;
                proposal.RecordAttachmentWithdrawn(a.Kind, a.FileName, reason, now, call.Actor);
                proposal.NameActor(known, call.Actor, call.ActorName);
                db.Touch(proposal);
            },
        };
    }
}

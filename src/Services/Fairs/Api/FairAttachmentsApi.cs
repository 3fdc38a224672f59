using KhuyenCong.Contracts.Documents;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.History;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// The papers of a fair (its dossier, the booth contract with the organiser, the report of its results, photos), kept in
/// the service's database (<see cref="AttachmentStore"/>). Every signed-in role reads a fair and its public papers; the
/// contract and the results report, which carry the Centre's figures and the registrants', only the Centre reads.
/// Officers attach and withdraw; each file and each withdrawal is on the fair's history.
/// </summary>
public static class FairAttachmentsApi
{
    internal const string RecordKind = "Fair";

    /// <summary>The papers the Centre alone reads.</summary>
    private static readonly DocumentKind[] CentrePapers = [DocumentKind.BoothContract, DocumentKind.FairResultReport];

    private static readonly AttachmentRoutes Routes = new(RecordKind, "Fair", "Fairs", "id",
        [DocumentKind.FairDossier, DocumentKind.BoothContract, DocumentKind.FairResultReport, DocumentKind.Photo, DocumentKind.Other],
        Policies.Manage, "fair", "Hội chợ");

    public static IEndpointRouteBuilder MapFairAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/fairs/{id:guid}/attachments").RequireAuthorization(Policies.Read).MapAttachments<FairsDbContext>(Routes, FindAsync);
        return app;
    }

    private static async Task<AttachedRecord?> FindAsync(AttachmentCall<FairsDbContext> call, bool forChange)
    {
        var (db, id, ct) = (call.Db, call.RecordId, call.CancellationToken);
        if (forChange)
        {
            await db.LockAsync<Fair>(id, ct);
        }
        var fairs = forChange ? db.Fairs : db.Fairs.AsNoTracking();
        var fair = await fairs.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (fair is null)
        {
            return null;
        }
        var centre = call.User.Admits(Policies.Manage) && call.User.Scope().CanSeeEverything;
        return new AttachedRecord
        {
            Reads = kind => centre || !CentrePapers.Contains(kind),
            ReadsWithdrawn = centre,
            EnsureMayAttach = _ => { },
            MayWithdraw = _ => call.User.Admits(Policies.Manage),
            Attached = a => Record(db, fair, HistoryEntry.Of(id, FairHistory.AttachmentAdded, call.Actor, call.ActorName, call.Now) with
            {
                Document = a.FileName,
                Changes = [new FieldChange("kind", null, a.Kind.ToString())],
            }),
            Withdrawn = (a, reason) => Record(db, fair, HistoryEntry.Of(id, FairHistory.AttachmentWithdrawn, call.Actor, call.ActorName, call.Now) with
            {
                Document = a.FileName,
                Reason = reason,
                Changes = [new FieldChange("kind", a.Kind.ToString(), null)],
            }),
        };
    }

    private static void Record(FairsDbContext db, Fair fair, HistoryEntry entry)
    {
        db.Record(entry);
        db.Touch(fair);
    }
}

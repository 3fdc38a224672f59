using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Api;

/// <summary>
/// The papers of a competition and of each entry, kept in the service's database (<see cref="AttachmentStore"/>).
/// A competition is public: every signed-in role reads its rules and photos, the council's minutes only the Centre.
/// An entry's papers (its dossier, its product's photos) are read by whoever sees the entry, so another
/// establishment's entry and its files are 404; the entrant adds them while its entry is a draft, the Centre at any time.
/// A submitted entry keeps the three product photos its dossier needs: withdrawing one of them is refused (422).
/// Every file and withdrawal is on the competition's history, an entry's naming its product (for the Centre's eyes).
/// </summary>
public static class CompetitionAttachmentsApi
{
    internal const string CompetitionRecord = "Competition";
    internal const string EntryRecord = "Entry";

    /// <summary>The papers of a competition the Centre alone reads.</summary>
    private static readonly DocumentKind[] CentrePapers = [DocumentKind.CouncilMinutes];

    /// <summary>The papers an entrant adds to its own entry.</summary>
    private static readonly DocumentKind[] EntrantsPapers = [DocumentKind.EntryDossier, DocumentKind.ProductPhoto, DocumentKind.Other];

    private static readonly AttachmentRoutes CompetitionRoutes = new(CompetitionRecord, "Competition", "Competitions", "id",
        [DocumentKind.CompetitionRules, DocumentKind.CouncilMinutes, DocumentKind.Photo, DocumentKind.Other],
        Policies.Manage, "competition", "Cuộc thi");

    private static readonly AttachmentRoutes EntryRoutes = new(EntryRecord, "Entry", "Entries", "entryId",
        EntrantsPapers, Policies.Propose, "entry", "Hồ sơ dự thi");

    public static RouteGroupBuilder MapCompetitionAttachmentsApi(this RouteGroupBuilder products)
    {
        products.MapGroup("/competitions/{id:guid}/attachments").RequireAuthorization(Policies.Read)
            .MapAttachments<ProductsDbContext>(CompetitionRoutes, FindCompetitionAsync);
        products.MapGroup("/competitions/{id:guid}/entries/{entryId:guid}/attachments").RequireAuthorization(Policies.Read)
            .MapAttachments<ProductsDbContext>(EntryRoutes, FindEntryAsync);
        return products;
    }

    private static async Task<AttachedRecord?> FindCompetitionAsync(AttachmentCall<ProductsDbContext> call, bool forChange)
    {
        var (db, id, ct) = (call.Db, call.RecordId, call.CancellationToken);
        if (forChange)
        {
            await db.LockAsync<Competition>(id, ct);
        }
        var competitions = forChange ? db.Competitions : db.Competitions.AsNoTracking();
        var competition = await competitions.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (competition is null)
        {
            return null;
        }
        var centre = IsCentre(call);
        return new AttachedRecord
        {
            Reads = kind => centre || !CentrePapers.Contains(kind),
            ReadsWithdrawn = centre,
            EnsureMayAttach = _ => { },
            MayWithdraw = _ => call.User.Admits(Policies.Manage),
            Attached = a => Record(db, competition, Added(call, id, a)),
            Withdrawn = (a, reason) => Record(db, competition, Withdrawn(call, id, a, reason)),
        };
    }

    private static async Task<AttachedRecord?> FindEntryAsync(AttachmentCall<ProductsDbContext> call, bool forChange)
    {
        var (db, entryId, ct) = (call.Db, call.RecordId, call.CancellationToken);
        var id = Guid.Parse((string)call.Http.GetRouteValue("id")!, System.Globalization.CultureInfo.InvariantCulture);
        if (forChange)
        {
            await db.LockAsync<Competition>(id, ct);
        }
        var competitions = forChange ? db.Competitions : db.Competitions.AsNoTracking();
        var competition = await competitions.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == id, ct);
        var entry = competition?.Entries.SingleOrDefault(e => e.Id == entryId);
        if (entry is null || !await EstablishmentScope.CoversAsync(call.User.Scope(), entry.EstablishmentTaxCode, db.KnownEstablishments, ct))
        {
            return null;
        }
        var centre = IsCentre(call);
        var product = entry.ProductName;
        // Counted under the competition's lock, which a submission takes too: the two never pass each other.
        var photos = forChange ? await EntryPhotos.CountAsync(db, entryId, ct) : 0;
        return new AttachedRecord
        {
            Reads = _ => true,
            ReadsWithdrawn = centre,
            EnsureMayAttach = _ =>
            {
                if (!centre)
                {
                    competition!.EnsureEntrantMayAttach(entryId);
                }
            },
            MayWithdraw = a => centre || (a.UploadedBy == call.Actor && competition!.Status == CompetitionStatus.Open && entry.Status == EntryStatus.Draft),
            EnsureMayLose = a =>
            {
                if (a.Kind == DocumentKind.ProductPhoto && a.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    competition!.EnsurePhotoMayBeWithdrawn(entryId, photos - 1);
                }
            },
            Attached = a => Record(db, competition!, Added(call, id, a) with { Subject = product }),
            Withdrawn = (a, reason) => Record(db, competition!, Withdrawn(call, id, a, reason) with { Subject = product }),
        };
    }

    /// <summary>A Centre officer (or administrator) acting for the whole province.</summary>
    private static bool IsCentre(AttachmentCall<ProductsDbContext> call) => call.User.Admits(Policies.Manage) && call.User.Scope().CanSeeEverything;

    private static HistoryEntry Added(AttachmentCall<ProductsDbContext> call, Guid competitionId, Attachment a) =>
        HistoryEntry.Of(competitionId, a.RecordKind == EntryRecord ? CompetitionHistory.EntryAttachmentAdded : CompetitionHistory.AttachmentAdded,
            call.Actor, call.ActorName, call.Now) with
        {
            Document = a.FileName,
            Changes = [new FieldChange("kind", null, a.Kind.ToString())],
        };

    private static HistoryEntry Withdrawn(AttachmentCall<ProductsDbContext> call, Guid competitionId, Attachment a, string reason) =>
        HistoryEntry.Of(competitionId, a.RecordKind == EntryRecord ? CompetitionHistory.EntryAttachmentWithdrawn : CompetitionHistory.AttachmentWithdrawn,
            call.Actor, call.ActorName, call.Now) with
        {
            Document = a.FileName,
            Reason = reason,
            Changes = [new FieldChange("kind", a.Kind.ToString(), null)],
        };

    private static void Record(ProductsDbContext db, Competition competition, HistoryEntry entry)
    {
        db.Record(entry);
        db.Touch(competition);
    }
}

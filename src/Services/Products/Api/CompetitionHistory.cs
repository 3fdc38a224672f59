using KhuyenCong.Platform.History;
using KhuyenCong.Products.Domain;

namespace KhuyenCong.Products.Api;

/// <summary>
/// What a competition's history records (<see cref="HistoryEntry.Kind"/>), one code per command. Entries about
/// one entry name its product (and a juror's score), which the Centre sees for all entries and others only in the results.
/// The acts on a certificate after its issue land here too: certificates have no page of their own, and the
/// competition that recognised the product is where its story is read. A district round recorded outside the
/// platform lands on the provincial competitions it binds (<see cref="DistrictRoundCycle"/>).
/// </summary>
public static class CompetitionHistory
{
    public const string Created = "competition-created";
    public const string CouncilSet = "competition-council-set";
    public const string Opened = "competition-opened";
    public const string EntryRegistered = "competition-entry-registered";
    public const string EntrySubmitted = "competition-entry-submitted";
    public const string ScoringStarted = "competition-scoring-started";
    public const string SheetSubmitted = "competition-sheet-submitted";
    public const string ConflictDeclared = "competition-conflict-declared";
    public const string ResultsPublished = "competition-results-published";
    public const string ComplaintFiled = "competition-complaint-filed";
    public const string RescoreOrdered = "competition-rescore-ordered";
    public const string ComplaintAnswered = "competition-complaint-answered";
    public const string Closed = "competition-closed";
    public const string Recognised = "competition-product-recognised";
    /// <summary>
    /// Photos added to an entry before they became its attachments: no command writes it now, but the histories recorded
    /// then keep it, and the move of those photos reads their uploader from it (EntryPhotoMove).
    /// </summary>
    public const string PhotosAdded = "competition-photos-added";
    public const string AttachmentAdded = "competition-attachment-added";
    public const string AttachmentWithdrawn = "competition-attachment-withdrawn";
    /// <summary>A paper of one entry: its product in <see cref="HistoryEntry.Subject"/>, its file's name in <see cref="HistoryEntry.Document"/>.</summary>
    public const string EntryAttachmentAdded = "competition-entry-attachment-added";
    public const string EntryAttachmentWithdrawn = "competition-entry-attachment-withdrawn";
    public const string DistrictRoundRecorded = "competition-district-round-recorded";
    public const string CertificateRevoked = "competition-certificate-revoked";
    /// <summary>A holder's yearly report: <see cref="HistoryEntry.Amount"/> carries the year reported on.</summary>
    public const string HolderReportRecorded = "competition-holder-report-recorded";
    /// <summary>Written by the daily expiry job, which acts for nobody: its actor is <see cref="ExpiryJob"/>.</summary>
    public const string CertificateExpired = "competition-certificate-expired";

    /// <summary>The actor of the entries the daily expiry job writes, by id and by the name a history shows.</summary>
    public const string ExpiryJob = "certificate-expiry";
    public const string ExpiryJobName = "Tự động khi hết hạn";

    private static readonly HashSet<string> AboutOneEntry = new(StringComparer.Ordinal)
    {
        EntryRegistered, EntrySubmitted, SheetSubmitted, ConflictDeclared, ComplaintFiled, RescoreOrdered, ComplaintAnswered,
        PhotosAdded, HolderReportRecorded, EntryAttachmentAdded, EntryAttachmentWithdrawn,
    };

    /// <summary>The entries whose file name is the entrant's too.</summary>
    private static readonly HashSet<string> NamingAnEntrysFile = new(StringComparer.Ordinal) { EntryAttachmentAdded, EntryAttachmentWithdrawn };

    /// <summary>A competition's history as its reader may see it: entries' products, scores and reasons only for the Centre.</summary>
    public static IReadOnlyList<HistoryEntryResponse> For(IReadOnlyList<HistoryEntryResponse> entries, bool seesEveryEntry) =>
        seesEveryEntry
            ? entries
            : entries.Select(e => AboutOneEntry.Contains(e.Kind) ? e with { Subject = null, Score = null, Reason = null, Document = NamingAnEntrysFile.Contains(e.Kind) ? null : e.Document } : e).ToList();

    /// <summary>The product an entry of the competition shows.</summary>
    public static string ProductOf(Competition competition, Guid entryId) =>
        competition.Entries.SingleOrDefault(e => e.Id == entryId)?.ProductName ?? "";
}

using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.History;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// What a fair's history records (<see cref="HistoryEntry.Kind"/>), one code per command, and the fields an edit
/// compares. Entries about one registration name its establishment and figures, which only the Centre sees of all.
/// </summary>
public static class FairHistory
{
    public const string Created = "fair-created";
    public const string Revised = "fair-revised";
    public const string Published = "fair-published";
    public const string RegistrationReceived = "fair-registration-received";
    public const string RegistrationClosed = "fair-registration-closed";
    public const string Allocated = "fair-allocated";
    public const string AllocationOverridden = "fair-allocation-overridden";
    public const string Held = "fair-held";
    public const string OutcomeRecorded = "fair-outcome-recorded";
    public const string Closed = "fair-closed";
    public const string Cancelled = "fair-cancelled";
    public const string AttachmentAdded = "fair-attachment-added";
    public const string AttachmentWithdrawn = "fair-attachment-withdrawn";

    private static readonly HashSet<string> AboutOneRegistration = new(StringComparer.Ordinal) { RegistrationReceived, AllocationOverridden, OutcomeRecorded };

    /// <summary>The details of a fair, field by field in an invariant form, for the history of an edit.</summary>
    public static IReadOnlyList<(string Field, string? Value)> Snapshot(Fair f) =>
    [
        ("name", f.Name),
        ("kind", f.Kind.ToString()),
        ("organiser", f.Organiser),
        ("venue", f.Venue),
        ("country", f.Country),
        ("province", f.Province),
        ("startDate", FieldChange.Invariant(f.StartDate)),
        ("endDate", FieldChange.Invariant(f.EndDate)),
        ("registrationDeadline", FieldChange.Invariant(f.RegistrationDeadline)),
        ("boothCount", FieldChange.Invariant(f.BoothCount)),
        ("boothRent", FieldChange.Invariant(f.BoothRent)),
        ("rentSharePercent", FieldChange.Invariant(f.Policy.RentSharePercent)),
        ("extraSupportPerParticipant", FieldChange.Invariant(f.Policy.ExtraSupportPerParticipant)),
        ("extraCostsDescription", f.Policy.ExtraCostsDescription),
    ];

    /// <summary>A fair's history as its reader may see it: who registered, and their figures, only for the Centre.</summary>
    public static IReadOnlyList<HistoryEntryResponse> For(IReadOnlyList<HistoryEntryResponse> entries, bool seesEveryRegistration) =>
        seesEveryRegistration
            ? entries
            : entries.Select(e => AboutOneRegistration.Contains(e.Kind) ? e with { Subject = null, Amount = null, Reason = null } : e).ToList();
}

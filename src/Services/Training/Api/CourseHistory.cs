using KhuyenCong.Platform.History;
using KhuyenCong.Training.Domain;

namespace KhuyenCong.Training.Api;

/// <summary>
/// What a course's history records (<see cref="HistoryEntry.Kind"/>), one code per command, and the fields an
/// edit compares. Trainees are named in <see cref="HistoryEntry.Subject"/>; only officers read those names.
/// </summary>
public static class CourseHistory
{
    public const string Created = "course-created";
    public const string CreatedFromProposal = "course-created-from-proposal";
    public const string Revised = "course-revised";
    public const string Opened = "course-opened";
    public const string Started = "course-started";
    public const string Completed = "course-completed";
    public const string Cancelled = "course-cancelled";
    public const string Enrolled = "trainee-enrolled";
    public const string Waitlisted = "trainee-waitlisted";
    public const string Withdrawn = "trainee-withdrawn";
    public const string SessionRecorded = "session-recorded";
    public const string AttendanceCorrected = "attendance-corrected";
    public const string CertificatesIssued = "certificates-issued";
    public const string EmploymentRecorded = "employment-recorded";
    public const string AttachmentAdded = "course-attachment-added";
    public const string AttachmentWithdrawn = "course-attachment-withdrawn";

    /// <summary>The actor of a course created from a proposal whose approval message named no approver.</summary>
    public const string FromProposal = "proposals";

    /// <summary>The name such an entry shows: the proposal it came from.</summary>
    public static string FromProposalName(string proposalCode) => $"Tự động từ đề án {proposalCode}";

    /// <summary>The name such an entry shows a reader of English.</summary>
    public static string FromProposalEnglishName(string proposalCode) => $"Automatically from proposal {proposalCode}";

    /// <summary>The kinds whose subject is a trainee, whose name is personal data.</summary>
    public static readonly IReadOnlySet<string> NamingTrainees = new HashSet<string>(StringComparer.Ordinal) { Enrolled, Waitlisted, Withdrawn };

    /// <summary>The plan of a course, field by field in an invariant form, for the history of an edit.</summary>
    public static IReadOnlyList<(string Field, string? Value)> Snapshot(Course c) =>
    [
        ("type", c.Type.ToString()),
        ("title", c.Title),
        ("trade", c.Trade),
        ("location", c.Location.Name),
        ("district", c.Location.District),
        ("planYear", FieldChange.Invariant(c.PlanYear)),
        ("startDate", FieldChange.Invariant(c.StartDate)),
        ("endDate", FieldChange.Invariant(c.EndDate)),
        ("capacity", FieldChange.Invariant(c.Capacity)),
        ("budget", FieldChange.Invariant(c.Budget)),
        ("instructors", string.Join("; ", c.Instructors)),
    ];

    /// <summary>
    /// A course's history as its reader may see it: the trainees' names only when <paramref name="readsPersonalData"/>;
    /// a course planned by an approval that named no approver is named after its proposal in the reader's language
    /// (entries written before that name was stored would show the service's name, "proposals", as their actor).
    /// </summary>
    public static IReadOnlyList<HistoryEntryResponse> For(IReadOnlyList<HistoryEntryResponse> entries, bool readsPersonalData, bool english = false) =>
        entries.Select(e => NamingTrainees.Contains(e.Kind) && !readsPersonalData ? e with { Subject = null } : e)
            .Select(e => e.Kind == CreatedFromProposal && e.ActedBy == FromProposal
                         && (e.ActedByName == FromProposal || e.ActedByName == FromProposalName(e.Subject ?? ""))
                ? e with { ActedByName = english ? FromProposalEnglishName(e.Subject ?? "") : FromProposalName(e.Subject ?? "") }
                : e)
            .ToList();
}

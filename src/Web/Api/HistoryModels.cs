namespace KhuyenCong.Web.Api;

/// <summary>
/// One entry of a course's, fair's or competition's history: what was done (<see cref="Kind"/>, a code the screen
/// names), who did it by name, when it was recorded and the day the act bears, with the facts of the act: an amount
/// or a count, a score, a document, who or what it concerns (<see cref="Subject"/>), a reason, an edit's changes.
/// </summary>
public sealed record HistoryEntry(
    long Id, string Kind, DateTimeOffset At, string ActedBy, string? ActedByName, DateOnly? OccurredOn, long? Amount, decimal? Score,
    string? Document, string? Subject, string? Reason, IReadOnlyList<FieldChange>? Changes);

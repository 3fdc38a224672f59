namespace KhuyenCong.Products.Domain;

/// <summary>
/// A seat of a competition's council, whose members score on its jury (Art. 9, 11): the user account that holds
/// it (only that user scores it), the name it shows (the account's display name when the council was seated),
/// the position and the chair. Identified by <see cref="Id"/> when scoring.
/// </summary>
public sealed class JuryMember
{
    private JuryMember() { }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public int Seat { get; private set; }

    /// <summary>The account (the <c>sub</c> of its tokens) holding the seat; null on a seat recorded by name only, before seats named accounts.</summary>
    public string? UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Position { get; private set; }

    /// <summary>The chair of the council (Chủ tịch Hội đồng, Art. 9).</summary>
    public bool IsChair { get; private set; }

    internal static JuryMember Seated(Guid competitionId, int seat, CouncilSeat council) => new()
    {
        Id = Guid.CreateVersion7(),
        CompetitionId = competitionId,
        Seat = seat,
        UserId = council.UserId,
        Name = council.DisplayName!,
        Position = council.Position,
        IsChair = council.IsChair,
    };
}

/// <summary>
/// A seat as the council decision names it, with what the service's copy of the accounts says of the user:
/// <see cref="DisplayName"/> is null when the account is unknown, <see cref="IsActiveAppraiser"/> false when
/// it is locked or does not hold the Appraiser role.
/// </summary>
public sealed record CouncilSeat(string UserId, string? DisplayName, bool IsActiveAppraiser, string? Position, bool IsChair);

/// <summary>
/// A juror's declaration of a conflict of interest with the establishment of an entry: the juror steps out of
/// that entry only, in every scoring round of it.
/// </summary>
public sealed class JuryConflict
{
    private JuryConflict() { }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid MemberId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>The account that declared it: always the seat's own.</summary>
    public string DeclaredBy { get; private set; } = "";

    internal static JuryConflict Declare(Guid entryId, Guid memberId, string userId, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EntryId = entryId,
        MemberId = memberId,
        Reason = reason,
        DeclaredAt = now,
        DeclaredBy = userId,
    };
}

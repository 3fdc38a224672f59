namespace KhuyenCong.Products.Domain;

/// <summary>One jury member's score sheet for one entry in one scoring round.</summary>
public sealed class Score
{
    private Score() { }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid MemberId { get; private set; }
    public int Round { get; private set; }
    public decimal Market { get; private set; }
    public decimal Technical { get; private set; }
    public decimal Cultural { get; private set; }
    public decimal Other { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }

    /// <summary>The account that filled the sheet: always the seat's own; null on sheets recorded before seats named accounts.</summary>
    public string? ScoredBy { get; private set; }

    public decimal Total => Market + Technical + Cultural + Other;

    internal static Score Record(Guid entryId, Guid memberId, int round, ScoreSheet sheet, string userId, DateTimeOffset now)
    {
        var score = new Score { Id = Guid.CreateVersion7(), EntryId = entryId, MemberId = memberId, Round = round };
        score.Replace(sheet, userId, now);
        return score;
    }

    /// <summary>A member may correct their own sheet while the round is open.</summary>
    internal void Replace(ScoreSheet sheet, string userId, DateTimeOffset now)
    {
        ScoredBy = userId;
        Market = sheet.Market;
        Technical = sheet.Technical;
        Cultural = sheet.Cultural;
        Other = sheet.Other;
        ScoredAt = now;
    }
}

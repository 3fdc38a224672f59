namespace KhuyenCong.Products.Domain;

/// <summary>A member of a competition's council who scores on its jury (Art. 9, 11), identified by <see cref="Id"/> when scoring.</summary>
public sealed class JuryMember
{
    private JuryMember() { }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public int Seat { get; private set; }
    public string Name { get; private set; } = "";
    public string? Position { get; private set; }

    internal static JuryMember Seated(Guid competitionId, int seat, string name, string? position) => new()
    {
        Id = Guid.CreateVersion7(),
        CompetitionId = competitionId,
        Seat = seat,
        Name = name,
        Position = position,
    };
}

/// <summary>A council member as the council decision names them.</summary>
public sealed record CouncilSeat(string Name, string? Position);

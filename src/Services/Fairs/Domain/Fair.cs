namespace KhuyenCong.Fairs.Domain;

/// <summary>A trade-promotion fair or exhibition (content group 4) with a number of booths.</summary>
public sealed class Fair
{
    private Fair() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Venue { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public int BoothCount { get; private set; }
}

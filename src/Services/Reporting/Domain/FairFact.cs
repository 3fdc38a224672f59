namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// The reporting copy of one trade fair. Its consumers come with the fairs integration events; until
/// then the table is empty and the fairs report answers zeros with the shape it will keep.
/// </summary>
public sealed class FairFact
{
    private FairFact() { }

    public Guid FairId { get; private set; }
    public int PlanYear { get; private set; }
    public string District { get; private set; } = "";
    public bool Held { get; private set; }
    public bool Cancelled { get; private set; }
    public int Booths { get; private set; }
    public int EstablishmentsSupported { get; private set; }
    public int Contracts { get; private set; }
    public long SalesValue { get; private set; }
}

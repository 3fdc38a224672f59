namespace KhuyenCong.Proposals.Data;

/// <summary>The last number handed out for a code prefix (KCQG / KCĐP) and plan year.</summary>
public sealed class ProposalCodeSequence
{
    public string Prefix { get; set; } = "";
    public int Year { get; set; }
    public int LastValue { get; set; }
}

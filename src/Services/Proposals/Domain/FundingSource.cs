namespace KhuyenCong.Proposals.Domain;

/// <summary>National programme (KCQG, ministry budget) or local programme (KCĐP, provincial budget).</summary>
public enum FundingSource
{
    National = 1,
    Local = 2,
}

public static class FundingSourceCodes
{
    /// <summary>The prefix of a proposal code: KCQG-2024-001, KCĐP-2024-017.</summary>
    public static string CodePrefix(this FundingSource source) => source switch
    {
        FundingSource.National => "KCQG",
        FundingSource.Local => "KCĐP",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown funding source."),
    };
}

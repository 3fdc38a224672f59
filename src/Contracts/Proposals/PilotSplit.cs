namespace KhuyenCong.Contracts.Proposals;

/// <summary>
/// The support of a multi-year pilot proposal (đề án điểm) split by year (phân kỳ kinh phí): one amount per year from its
/// start year. Proposals keeps the split a proposal states; Reporting spreads the proposal's figures over its years by it.
/// </summary>
public static class PilotSplit
{
    /// <summary>An even split of <paramref name="total"/> over <paramref name="years"/> years, the first year taking what does not divide.</summary>
    public static long[] Even(long total, int years)
    {
        var each = total / years;
        return [total - each * (years - 1), .. Enumerable.Repeat(each, years - 1)];
    }

    /// <summary>
    /// The part of <paramref name="total"/> (the support asked, approved or settled) that falls in <paramref name="year"/>, in the
    /// proportions of <paramref name="shares"/> (year <paramref name="startYear"/> first): the parts of every year add up to the
    /// total exactly; 0 outside the years; all in the start year when the shares are all 0.
    /// </summary>
    public static long ShareOf(int startYear, IReadOnlyList<long> shares, int year, long total)
    {
        if (year < startYear || year >= startYear + shares.Count)
        {
            return 0;
        }
        var whole = shares.Aggregate(Int128.Zero, (sum, s) => sum + s);
        if (whole == 0)
        {
            return year == startYear ? total : 0;
        }
        var before = shares.Take(year - startYear).Aggregate(Int128.Zero, (sum, s) => sum + s);
        var through = before + shares[year - startYear];
        return (long)((Int128)total * through / whole - (Int128)total * before / whole);
    }
}

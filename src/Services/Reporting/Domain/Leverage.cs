namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// "One đồng of khuyến công support attracts N đồng of investment": own capital ÷ state support.
/// </summary>
public static class Leverage
{
    public static decimal? Of(long ownCapital, long stateSupport) =>
        stateSupport == 0 ? null : Math.Round((decimal)ownCapital / stateSupport, 2, MidpointRounding.AwayFromZero);

    public static string Describe(decimal? leverage) =>
        leverage is null ? "no state support in the period" : $"1 : {leverage.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
}

namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// "One đồng of khuyến công support attracts N đồng of investment": own capital ÷ state support.
/// </summary>
public static class Leverage
{
    public static decimal? Of(long ownCapital, long stateSupport) =>
        stateSupport == 0 ? null : Math.Round((decimal)ownCapital / stateSupport, 2, MidpointRounding.AwayFromZero);

    /// <summary>The ratio as the programme's reports print it (they are Vietnamese documents, also in the API's answer).</summary>
    public static string Describe(decimal? leverage) =>
        leverage is null ? "không có kinh phí khuyến công hỗ trợ trong giai đoạn" : $"1 : {leverage.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
}

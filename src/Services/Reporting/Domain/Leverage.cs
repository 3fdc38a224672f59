namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// "One đồng of khuyến công support attracts N đồng of investment": own capital ÷ state support.
/// </summary>
public static class Leverage
{
    public static decimal? Of(long ownCapital, long stateSupport) =>
        stateSupport == 0 ? null : Math.Round((decimal)ownCapital / stateSupport, 2, MidpointRounding.AwayFromZero);

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The ratio as the programme's reports print it ("1 : 7,03", a decimal comma: they are Vietnamese documents,
    /// also in the API's answer; the number itself is the answer's <c>leverage</c>).
    /// </summary>
    public static string Describe(decimal? leverage) =>
        leverage is null ? "không có kinh phí khuyến công hỗ trợ trong giai đoạn" : $"1 : {leverage.Value.ToString("0.00", Vietnamese)}";
}

using System.Globalization;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Time;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// The allocation rule and its reasons as people read them: Vietnamese by default, English when the caller asks
/// for it (<c>Accept-Language: en</c>), built here from the codes and facts the registrations keep.
/// </summary>
public static class AllocationTexts
{
    public const string RuleEnglish =
        "Booths go in one order until they run out: priority 1 = holds a typical-product certificate valid on the fair's start date, " +
        "priority 2 = in a priority area, priority 3 = others; within a priority the earlier registration first, and for the same " +
        "registration time the lower tax code. Each gets the booths wanted while enough remain; the one meeting the last booths gets " +
        "what remains; the rest are wait-listed in the same order.";

    public const string RuleVietnamese =
        "Gian hàng được phân lần lượt theo một thứ tự cho đến khi hết: ưu tiên 1 = có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực " +
        "vào ngày khai mạc hội chợ, ưu tiên 2 = thuộc địa bàn ưu tiên, ưu tiên 3 = các cơ sở còn lại; trong cùng mức ưu tiên, đăng ký trước " +
        "được phân trước, cùng thời điểm đăng ký thì mã số thuế nhỏ hơn trước. Mỗi cơ sở được đủ số gian đăng ký khi còn đủ; cơ sở gặp những " +
        "gian cuối cùng được phần còn lại; các cơ sở sau đó vào danh sách chờ theo cùng thứ tự.";

    public static string Rule(bool english) => english ? RuleEnglish : RuleVietnamese;

    /// <summary>The reason a registration reads: the officer's override when there is one, with what the rule had decided.</summary>
    public static string? ReasonOf(FairRegistration r, bool english)
    {
        var rule = r.RuleReason is { } reason ? Sentence(reason, english) : null;
        if (!r.IsOverridden)
        {
            return rule;
        }
        var at = ProvinceCalendar.FormatTimestamp(r.OverriddenAt!.Value);
        return english
            ? $"Manual override by {r.OverriddenBy} on {at}: {(r.BoothsAllocated == 0 ? "wait-listed" : $"{r.BoothsAllocated} booth(s)")} — {r.OverrideReason} (the rule had decided: {rule})"
            : $"Cán bộ {r.OverriddenBy} điều chỉnh lúc {LocalTime(at)}: {(r.BoothsAllocated == 0 ? "vào danh sách chờ" : $"{r.BoothsAllocated} gian hàng")} — {r.OverrideReason} (quy tắc đã quyết định: {rule})";
    }

    /// <summary>The rule's reason in one language; a sentence kept from before reasons had codes reads as it was written.</summary>
    public static string Sentence(AllocationReason r, bool english) => r.Code switch
    {
        AllocationReason.Recorded => r.Text ?? "",
        _ when english => r.Code switch
        {
            AllocationReason.Allocated => $"Allocated {Booths(r.Booths)}: {WhyEnglish(r)}.",
            AllocationReason.PartlyAllocated => $"Allocated {r.Booths} of {Booths(r.BoothsWanted)} wanted, the last {Booths(r.Booths)} left: {WhyEnglish(r)}.",
            _ => $"Wait-listed: all {Booths(r.BoothCount)} went to registrations ahead in the order; {WhyEnglish(r)}.",
        },
        AllocationReason.Allocated => $"Được phân {r.Booths} gian hàng: {WhyVietnamese(r)}.",
        AllocationReason.PartlyAllocated =>
            $"Được phân {r.Booths} trên {r.BoothsWanted} gian hàng đăng ký, là {r.Booths} gian cuối cùng còn lại: {WhyVietnamese(r)}.",
        _ => $"Vào danh sách chờ: cả {r.BoothCount} gian hàng đã được phân cho các đăng ký đứng trước trong thứ tự; {WhyVietnamese(r)}.",
    };

    private static string WhyEnglish(AllocationReason r)
    {
        var priority = r.Rank switch
        {
            1 => $"holds valid {r.CertificateLevel.ToString()!.ToLowerInvariant()} certificate {r.CertificateNumber}" +
                 (r.PriorityArea is { } area ? $", in priority area {area}" : "") + " (priority 1)",
            2 => $"no valid typical-product certificate, in priority area {r.PriorityArea} (priority 2)",
            _ => "no valid typical-product certificate, not in a priority area (priority 3)",
        };
        var tie = r.Tied ? ", same registration time as another of this priority, ordered by tax code" : "";
        return $"{priority}, registered {r.RegisteredAt}{tie}, {Ordinal(r.Position)} in the allocation order";
    }

    private static string WhyVietnamese(AllocationReason r)
    {
        var priority = r.Rank switch
        {
            1 => $"có giấy chứng nhận sản phẩm CNNT tiêu biểu {LevelOf(r.CertificateLevel)} số {r.CertificateNumber} còn hiệu lực" +
                 (r.PriorityArea is { } area ? $", thuộc địa bàn ưu tiên {area}" : "") + " (ưu tiên 1)",
            2 => $"không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, thuộc địa bàn ưu tiên {r.PriorityArea} (ưu tiên 2)",
            _ => "không có giấy chứng nhận sản phẩm CNNT tiêu biểu còn hiệu lực, không thuộc địa bàn ưu tiên (ưu tiên 3)",
        };
        var tie = r.Tied ? ", cùng thời điểm đăng ký với cơ sở khác cùng mức ưu tiên nên xếp theo mã số thuế" : "";
        return $"{priority}, đăng ký lúc {LocalTime(r.RegisteredAt)}{tie}, thứ {r.Position} trong thứ tự phân gian hàng";
    }

    private static string LevelOf(CertificateLevel? level) => level switch
    {
        CertificateLevel.District => "cấp huyện",
        CertificateLevel.Provincial => "cấp tỉnh",
        CertificateLevel.Regional => "cấp khu vực",
        CertificateLevel.National => "cấp quốc gia",
        _ => "",
    };

    /// <summary>"2026-03-02 10:25" (the province's time as kept) as Vietnamese read it: "02/03/2026 10:25".</summary>
    private static string LocalTime(string kept) =>
        DateTime.TryParseExact(kept, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : kept;

    private static string Booths(int n) => n == 1 ? "1 booth" : $"{n} booths";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}

namespace KhuyenCong.Products.Domain;

/// <summary>The competent authority's decision (number and date) to hold a competition outside its usual years.</summary>
public sealed record ScheduleDecision(string Number, DateOnly Date);

/// <summary>
/// The years in which each level is held (Circular 26/2014/TT-BCT, Art. 14): district and provincial
/// rounds every two years, usually in odd years (14.1.a); regional and national rounds every two years,
/// usually in even years (14.2.a). "Other cases" are for the competent authority to decide (the
/// province for district and provincial rounds, the Minister of Industry and Trade for regional and
/// national ones), so a round in the other years needs that decision, which the competition records.
/// </summary>
public static class CompetitionSchedule
{
    public const string RuleCode = "competition-year-off-cycle";

    /// <summary>Whether <paramref name="level"/> is usually held in <paramref name="year"/>.</summary>
    public static bool IsUsualYear(RecognitionLevel level, int year) =>
        level is RecognitionLevel.District or RecognitionLevel.Provincial ? year % 2 != 0 : year % 2 == 0;

    public static string LegalBasisFor(RecognitionLevel level) =>
        level is RecognitionLevel.District or RecognitionLevel.Provincial
            ? "Thông tư 26/2014/TT-BCT, Điều 14 khoản 1 điểm a"
            : "Thông tư 26/2014/TT-BCT, Điều 14 khoản 2 điểm a";

    /// <summary>Refuses a round outside its usual years unless the competent authority's decision is named.</summary>
    public static void Check(RecognitionLevel level, int year, ScheduleDecision? decision)
    {
        if (IsUsualYear(level, year) || decision is not null)
        {
            return;
        }
        var (usual, usualVi, authority) = level is RecognitionLevel.District or RecognitionLevel.Provincial
            ? ("odd", "năm lẻ", "cấp có thẩm quyền")
            : ("even", "năm chẵn", "Bộ trưởng Bộ Công Thương");
        throw new ProductRuleException(RuleCode, RuleKind.Unprocessable,
            $"{level} competitions are held every two years, usually in {usual} years; a {level} competition in {year} needs the competent authority's decision (its number and date).")
        {
            Vietnamese = $"Bình chọn cấp {RecognitionLevels.VietnameseName(level)} được tổ chức định kỳ hai năm một lần, thường vào {usualVi}; tổ chức năm {year} phải có quyết định của {authority} (số và ngày quyết định).",
            LegalBasis = LegalBasisFor(level),
        };
    }
}

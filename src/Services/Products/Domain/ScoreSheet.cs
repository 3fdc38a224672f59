namespace KhuyenCong.Products.Domain;

/// <summary>
/// One jury member's score sheet (phiếu chấm điểm, Annex 4 of Circular 26/2014): market and production
/// potential 40, economic-technical-social-environmental 40, cultural and aesthetic 10, other 10.
/// </summary>
public sealed record ScoreSheet
{
    public const decimal MarketMax = 40m;
    public const decimal TechnicalMax = 40m;
    public const decimal CulturalMax = 10m;
    public const decimal OtherMax = 10m;
    public const decimal MaxTotal = MarketMax + TechnicalMax + CulturalMax + OtherMax;

    private ScoreSheet(decimal market, decimal technical, decimal cultural, decimal other)
    {
        Market = market;
        Technical = technical;
        Cultural = cultural;
        Other = other;
    }

    public decimal Market { get; }
    public decimal Technical { get; }
    public decimal Cultural { get; }
    public decimal Other { get; }
    public decimal Total => Market + Technical + Cultural + Other;

    /// <summary>A sheet whose every criterion lies between 0 and its maximum, in steps of at most 0.01 point.</summary>
    public static ScoreSheet Create(decimal market, decimal technical, decimal cultural, decimal other)
    {
        Check(market, MarketMax, "market and production potential", "đáp ứng thị trường và khả năng phát triển sản xuất");
        Check(technical, TechnicalMax, "economic, technical, social and environmental", "kinh tế - kỹ thuật - xã hội và môi trường");
        Check(cultural, CulturalMax, "cultural and aesthetic", "tính văn hóa và thẩm mỹ");
        Check(other, OtherMax, "other", "khác");
        return new ScoreSheet(market, technical, cultural, other);
    }

    private const string SheetBasis = "Thông tư 26/2014/TT-BCT, Điều 7 khoản 2 và Phụ lục 3, 4 (tiêu chí và phiếu chấm điểm)";

    private static void Check(decimal points, decimal max, string criterion, string criterionVi)
    {
        if (points < 0 || points > max)
        {
            throw new ProductRuleException("score-out-of-range", RuleKind.Unprocessable,
                $"The '{criterion}' criterion is scored from 0 to {max} points; {points} is outside that range.")
            {
                Vietnamese = $"Tiêu chí '{criterionVi}' được chấm từ 0 đến {max} điểm; {points} nằm ngoài khung điểm.",
                LegalBasis = SheetBasis,
            };
        }
        if (points != Math.Round(points, 2))
        {
            throw new ProductRuleException("score-out-of-range", RuleKind.Unprocessable,
                $"The '{criterion}' criterion is scored in steps of at most 0.01 point; {points} has more decimals.")
            {
                Vietnamese = $"Tiêu chí '{criterionVi}' được chấm với tối đa hai chữ số thập phân; {points} có nhiều hơn.",
                LegalBasis = SheetBasis,
            };
        }
    }

    /// <summary>The average of the sheets' totals, rounded to two decimals; this published figure is what the threshold is compared with.</summary>
    public static decimal AverageOf(IReadOnlyCollection<decimal> totals)
    {
        if (totals.Count == 0)
        {
            throw new ArgumentException("An average needs at least one score sheet.", nameof(totals));
        }
        return Math.Round(totals.Sum() / totals.Count, 2, MidpointRounding.AwayFromZero);
    }
}

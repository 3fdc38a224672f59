namespace KhuyenCong.Fairs.Domain;

/// <summary>
/// The highest share of booth rent the programme may cover for a kind of fair, from a day on, with the text
/// that sets it: a row of the norms table. Joint Circular 26/2014/TTLT-BTC-BCT (in force 08/04/2014),
/// Art. 6.2.d and 6.2.đ, sets 100 % for the programme's domestic fairs, 80 % for other domestic fairs and
/// 100 % for overseas fairs. It names no online fair, so an online fair has no norm, and no support, until
/// the province enters one with its own legal basis.
/// </summary>
public sealed class FairSupportNorm
{
    private FairSupportNorm() { }

    public Guid Id { get; private set; }
    public FairKind Kind { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    /// <summary>The highest share of booth rent covered, 0–100 %.</summary>
    public decimal MaxRentSharePercent { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public static FairSupportNorm Create(Guid id, FairKind kind, DateOnly effectiveFrom, decimal maxRentSharePercent, string legalBasis,
        DateTimeOffset now, string createdBy)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new FairRuleException("unknown-fair-kind", RuleKind.Unprocessable, $"{(int)kind} is not a kind of fair.")
            {
                Vietnamese = $"{(int)kind} không phải là một loại hội chợ.",
            };
        }
        if (maxRentSharePercent is < 0 or > 100 || decimal.Round(maxRentSharePercent, 2) != maxRentSharePercent)
        {
            throw new FairRuleException("invalid-norm", RuleKind.Unprocessable, "A norm covers 0 to 100 % of booth rent, with at most 2 decimals.")
            {
                Vietnamese = "Định mức hỗ trợ tiền thuê gian hàng từ 0 đến 100 %, tối đa 2 chữ số thập phân.",
            };
        }
        return new FairSupportNorm
        {
            Id = id,
            Kind = kind,
            EffectiveFrom = effectiveFrom,
            MaxRentSharePercent = maxRentSharePercent,
            LegalBasis = legalBasis,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    /// <summary>The norm of <paramref name="kind"/> in force on <paramref name="day"/>: the latest that took effect by then.</summary>
    public static FairSupportNorm? InForce(IEnumerable<FairSupportNorm> norms, FairKind kind, DateOnly day) =>
        norms.Where(n => n.Kind == kind && n.EffectiveFrom <= day).MaxBy(n => n.EffectiveFrom);
}

/// <summary>The rows the norms table starts with: joint Circular 26/2014/TTLT-BTC-BCT, Art. 6.2.d and 6.2.đ.</summary>
public static class FairSupportNormSeed
{
    public static readonly DateOnly InForceFrom = new(2014, 4, 8);
    public static readonly DateTimeOffset SeededAt = new(2014, 4, 8, 0, 0, 0, TimeSpan.FromHours(7));
    public const string SeededBy = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT";

    public static IReadOnlyList<FairSupportNorm> Rows { get; } =
    [
        FairSupportNorm.Create(new Guid("0193a6a0-0000-7000-8000-000000000001"), FairKind.DomesticProgramme, InForceFrom, 100m,
            "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", SeededAt, SeededBy),
        FairSupportNorm.Create(new Guid("0193a6a0-0000-7000-8000-000000000002"), FairKind.OtherDomestic, InForceFrom, 80m,
            "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm d", SeededAt, SeededBy),
        FairSupportNorm.Create(new Guid("0193a6a0-0000-7000-8000-000000000003"), FairKind.Overseas, InForceFrom, 100m,
            "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm đ", SeededAt, SeededBy),
    ];
}

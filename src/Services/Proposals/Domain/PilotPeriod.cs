using KhuyenCong.Contracts.Proposals;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The years of a multi-year pilot proposal (đề án điểm), which runs 3 to 5 years, and its support split by year
/// (phân kỳ kinh phí): <see cref="Shares"/>[i] is the state support of year <c>StartYear + i</c>. The split is what the
/// proposal states; one that states none is split evenly, the first year taking what does not divide.
/// </summary>
public sealed record PilotPeriod(int StartYear, int EndYear)
{
    public const int MinimumYears = 3;
    public const int MaximumYears = 5;

    public int Years => EndYear - StartYear + 1;

    /// <summary>The state support of each year, from the start year on; it adds up to the proposal's state support.</summary>
    public IReadOnlyList<long> Shares { get; private init; } = [];

    public bool Covers(int year) => year >= StartYear && year <= EndYear;

    /// <summary>
    /// The part of <paramref name="total"/> (the support asked, approved or settled) that falls in <paramref name="year"/>,
    /// in the proportions of the shares: the parts of every year add up to the total exactly; 0 outside the period.
    /// </summary>
    public long ShareOf(int year, long total) => PilotSplit.ShareOf(StartYear, Shares, year, total);

    public static PilotPeriod Of(int startYear, int endYear, int planYear, IReadOnlyList<long>? shares, long stateSupport)
    {
        var period = new PilotPeriod(startYear, endYear);
        if (period.Years is < MinimumYears or > MaximumYears)
        {
            throw new ProposalRuleException("pilot-length", RuleKind.Unprocessable,
                $"A pilot proposal runs {MinimumYears} to {MaximumYears} years; {startYear}–{endYear} is {period.Years}.")
            {
                Vietnamese = $"Đề án thí điểm kéo dài từ {MinimumYears} đến {MaximumYears} năm; {startYear}–{endYear} là {period.Years} năm.",
            };
        }
        if (startYear != planYear)
        {
            throw new ProposalRuleException("pilot-start", RuleKind.Unprocessable,
                $"A pilot proposal starts in its plan year {planYear}, not {startYear}.")
            {
                Vietnamese = $"Đề án thí điểm bắt đầu trong năm kế hoạch {planYear}, không phải năm {startYear}.",
            };
        }
        if (shares is null)
        {
            return period with { Shares = PilotSplit.Even(stateSupport, period.Years) };
        }
        if (shares.Count != period.Years || shares.Any(s => s < 0) || shares.Aggregate(Int128.Zero, (sum, s) => sum + s) != stateSupport)
        {
            throw new ProposalRuleException("pilot-shares", RuleKind.Unprocessable,
                $"The support of a pilot proposal is split over its {period.Years} years ({startYear}–{endYear}), one amount per year, none negative, "
                + $"adding up to the state support of {stateSupport:N0} VND.")
            {
                Vietnamese = $"Kinh phí hỗ trợ của đề án thí điểm được phân cho {period.Years} năm ({startYear}–{endYear}), mỗi năm một số tiền không âm, "
                    + $"cộng lại bằng kinh phí khuyến công hỗ trợ {stateSupport:N0} đồng.",
            };
        }
        return period with { Shares = [.. shares] };
    }
}

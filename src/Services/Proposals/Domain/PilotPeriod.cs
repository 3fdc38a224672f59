namespace KhuyenCong.Proposals.Domain;

/// <summary>The years of a multi-year pilot proposal (đề án điểm), which runs 3 to 5 years.</summary>
public sealed record PilotPeriod(int StartYear, int EndYear)
{
    public const int MinimumYears = 3;
    public const int MaximumYears = 5;

    public int Years => EndYear - StartYear + 1;

    public static PilotPeriod Of(int startYear, int endYear, int planYear)
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
        return period;
    }
}

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The configurable rules of the programme (section <c>Proposals</c> of the configuration). Support
/// caps, the management-cost ceiling and advance rates are not here: they are data, in the reference tables.
/// </summary>
public sealed class ProposalRules
{
    public const string Section = "Proposals";

    /// <summary>Proposals for plan year Y are due by this day and month of year Y-1 (20 May).</summary>
    public int RegistrationDeadlineMonth { get; set; } = 5;
    public int RegistrationDeadlineDay { get; set; } = 20;

    /// <summary>The average appraisal score (out of 100) at which the council recommends a proposal.</summary>
    public decimal AppraisalPassThreshold { get; set; } = 70m;

    /// <summary>Post-support evaluations are due this many months after acceptance.</summary>
    public int[] FollowUpMonths { get; set; } = [6, 12, 24];

    /// <summary>Settlement is due within this many days of acceptance ...</summary>
    public int SettlementDays { get; set; } = 15;

    /// <summary>... and by this day of January of the year after the budget year.</summary>
    public int SettlementJanuaryDay { get; set; } = 22;

    /// <summary>
    /// The monthly progress report of a month of implementation is due by this day of that month (the 25th:
    /// Circular 36/2013/TT-BCT, Art. 23.3.a) and overdue from the next day.
    /// </summary>
    public int ProgressReportDueDay { get; set; } = 25;

    /// <summary>
    /// Council members fill their score sheets within this many days of the council's forming: the Centre's own working
    /// target (no legal text fixes one), used for the members' tasks and reminders.
    /// </summary>
    public int AppraisalSheetDays { get; set; } = 10;

    public DateOnly RegistrationDeadline(int planYear) => new(planYear - 1, RegistrationDeadlineMonth, RegistrationDeadlineDay);

    /// <summary>Settlement is due within the days after acceptance and by the January day after the budget year, whichever comes first.</summary>
    public DateOnly SettlementDeadline(DateOnly acceptedOn, int budgetYear)
    {
        var withinDays = acceptedOn.AddDays(SettlementDays);
        var yearEnd = YearEndSettlementDeadline(budgetYear);
        return withinDays < yearEnd ? withinDays : yearEnd;
    }

    /// <summary>The latest day anything paid in a budget year is settled by, acceptance or not: the January day after it.</summary>
    public DateOnly YearEndSettlementDeadline(int budgetYear) => new(budgetYear + 1, 1, SettlementJanuaryDay);

    /// <summary>The day the progress report of a month (<paramref name="period"/>, its first day) is due: its due day, or its last day in a shorter month.</summary>
    public DateOnly ProgressReportDueOn(DateOnly period) =>
        new(period.Year, period.Month, Math.Min(ProgressReportDueDay, DateTime.DaysInMonth(period.Year, period.Month)));
}

namespace KhuyenCong.Products.Domain;

/// <summary>
/// Counts working days (ngày làm việc) for the complaint deadlines of Art. 20: Saturdays, Sundays and
/// the configured public holidays are not working days.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days counted from the day after
    /// <paramref name="start"/> (the day of the notice itself is not counted).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }
        return date;
    }
}

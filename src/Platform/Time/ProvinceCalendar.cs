using System.Globalization;

namespace KhuyenCong.Platform.Time;

/// <summary>
/// The province's calendar. Viet Nam keeps UTC+7 all year, without daylight saving, so a calendar day there
/// runs from 17:00 UTC to 17:00 UTC; instants are stored in UTC and deadlines are calendar days in the province.
/// Working days (ngày làm việc) are Monday to Friday except the configured public holidays.
/// </summary>
public sealed class ProvinceCalendar(IEnumerable<DateOnly> holidays)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    /// <summary>Today in the province, whatever the server's time zone.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The calendar day in the province at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first instant of a calendar day in the province, in UTC as instants are stored.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>"02/03/2026", as dates are written in Viet Nam.</summary>
    public static string FormatDate(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"02/03/2026" for the calendar day in the province at an instant.</summary>
    public static string FormatDate(DateTimeOffset at) => FormatDate(DateOf(at));

    /// <summary>"02/03/2026 10:15", local time in the province.</summary>
    public static string FormatDateTime(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-03-02 10:15", local time in the province, in the sortable form records and logs use.</summary>
    public static string FormatTimestamp(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

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

    /// <summary>
    /// The working days after <paramref name="start"/> up to and including <paramref name="end"/>, counted as
    /// <see cref="AddWorkingDays"/> counts them (so <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>);
    /// zero when <paramref name="end"/> is not after <paramref name="start"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }
}

using KhuyenCong.Platform.Time;
using Xunit;

namespace KhuyenCong.Products.Tests;

public sealed class WorkingDayTests
{
    [Fact]
    public void Weekends_are_not_counted()
    {
        // Monday 2 June 2025: 15 working days are three weeks of five, ending Monday 23 June.
        var calendar = new ProvinceCalendar([]);
        Assert.Equal(new DateOnly(2025, 6, 23), calendar.AddWorkingDays(new DateOnly(2025, 6, 2), 15));
    }

    [Fact]
    public void The_day_of_the_notice_is_not_counted()
    {
        var calendar = new ProvinceCalendar([]);
        Assert.Equal(new DateOnly(2025, 6, 3), calendar.AddWorkingDays(new DateOnly(2025, 6, 2), 1));
    }

    [Fact]
    public void A_notice_on_a_friday_counts_from_monday()
    {
        var calendar = new ProvinceCalendar([]);
        Assert.Equal(new DateOnly(2025, 6, 9), calendar.AddWorkingDays(new DateOnly(2025, 6, 6), 1));
    }

    [Fact]
    public void Configured_holidays_are_skipped()
    {
        // Results on Tuesday 1 April 2025; Hùng Kings' day (7 April) is a holiday: the 15th working day is 23 April, not 22.
        var withHoliday = new ProvinceCalendar([new DateOnly(2025, 4, 7)]);
        var without = new ProvinceCalendar([]);
        Assert.Equal(new DateOnly(2025, 4, 22), without.AddWorkingDays(new DateOnly(2025, 4, 1), 15));
        Assert.Equal(new DateOnly(2025, 4, 23), withHoliday.AddWorkingDays(new DateOnly(2025, 4, 1), 15));
    }

    [Fact]
    public void The_tet_holiday_week_pushes_the_answer_deadline()
    {
        // Received Tuesday 10 February 2026: 11–13 February count, the Tết week (16–20) does not, then 23–27 February and 2–3 March.
        var tet = new ProvinceCalendar([new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20)]);
        Assert.Equal(new DateOnly(2026, 3, 3), tet.AddWorkingDays(new DateOnly(2026, 2, 10), 10));
    }

    [Theory]
    [InlineData(2025, 6, 7, false)]
    [InlineData(2025, 6, 8, false)]
    [InlineData(2025, 9, 2, false)]
    [InlineData(2025, 9, 3, true)]
    public void Working_days_are_weekdays_that_are_not_holidays(int year, int month, int day, bool working) =>
        Assert.Equal(working, new ProvinceCalendar([new DateOnly(2025, 9, 2)]).IsWorkingDay(new DateOnly(year, month, day)));
}

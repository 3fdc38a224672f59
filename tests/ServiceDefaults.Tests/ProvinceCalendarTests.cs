using KhuyenCong.Platform.Time;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed class ProvinceCalendarTests
{
    [Fact]
    public void A_day_in_the_province_starts_at_17_00_UTC_the_day_before()
    {
        var lastSecond = new DateTimeOffset(2026, 6, 30, 16, 59, 59, TimeSpan.Zero);
        var midnight = new DateTimeOffset(2026, 6, 30, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 6, 30), ProvinceCalendar.DateOf(lastSecond));
        Assert.Equal(new DateOnly(2026, 7, 1), ProvinceCalendar.DateOf(midnight));
        Assert.Equal(new DateOnly(2026, 6, 30), ProvinceCalendar.Today(new FakeTimeProvider(lastSecond)));
        Assert.Equal(new DateOnly(2026, 7, 1), ProvinceCalendar.Today(new FakeTimeProvider(midnight)));
        Assert.Equal(midnight, ProvinceCalendar.StartOfDay(new DateOnly(2026, 7, 1)));
        Assert.Equal(TimeSpan.Zero, ProvinceCalendar.StartOfDay(new DateOnly(2026, 7, 1)).Offset);
    }

    [Fact]
    public void The_date_of_an_instant_does_not_depend_on_the_offset_it_is_written_in()
    {
        var inHanoi = new DateTimeOffset(2026, 7, 1, 1, 30, 0, TimeSpan.FromHours(7));
        var inParis = new DateTimeOffset(2026, 6, 30, 20, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(new DateOnly(2026, 7, 1), ProvinceCalendar.DateOf(inHanoi));
        Assert.Equal(new DateOnly(2026, 7, 1), ProvinceCalendar.DateOf(inParis));
    }

    [Fact]
    public void Working_days_skip_the_weekend_and_the_configured_holidays()
    {
        // Thursday 30 April and Friday 1 May 2026 are public holidays; 2 and 3 May are a weekend.
        var calendar = new ProvinceCalendar([new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1)]);
        var wednesday = new DateOnly(2026, 4, 29);

        Assert.True(calendar.IsWorkingDay(wednesday));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 30)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 5, 2)));
        Assert.Equal(new DateOnly(2026, 5, 4), calendar.AddWorkingDays(wednesday, 1));
        Assert.Equal(new DateOnly(2026, 5, 6), calendar.AddWorkingDays(wednesday, 3));
        Assert.Equal(wednesday, calendar.AddWorkingDays(wednesday, 0));
        Assert.Equal(3, calendar.WorkingDaysBetween(wednesday, new DateOnly(2026, 5, 6)));
        Assert.Equal(0, calendar.WorkingDaysBetween(wednesday, new DateOnly(2026, 5, 3)));
        Assert.Equal(0, calendar.WorkingDaysBetween(new DateOnly(2026, 5, 6), wednesday));
    }

    [Fact]
    public void Without_holidays_only_the_weekend_is_skipped()
    {
        var calendar = new ProvinceCalendar([]);

        Assert.Equal(new DateOnly(2026, 5, 1), calendar.AddWorkingDays(new DateOnly(2026, 4, 29), 2));
        Assert.Equal(5, calendar.WorkingDaysBetween(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 8)));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProvinceCalendar([]).AddWorkingDays(new DateOnly(2026, 5, 4), -1));

    [Fact]
    public void Dates_and_times_are_written_as_read_in_the_province()
    {
        var evening = new DateTimeOffset(2026, 3, 1, 17, 15, 0, TimeSpan.Zero);

        Assert.Equal("02/03/2026", ProvinceCalendar.FormatDate(new DateOnly(2026, 3, 2)));
        Assert.Equal("02/03/2026", ProvinceCalendar.FormatDate(evening));
        Assert.Equal("02/03/2026 00:15", ProvinceCalendar.FormatDateTime(evening));
        Assert.Equal("2026-03-02 00:15", ProvinceCalendar.FormatTimestamp(evening));
    }
}

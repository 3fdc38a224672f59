using Microsoft.Extensions.Time.Testing;

namespace KhuyenCong.TestSupport;

public static class TestClock
{
    private static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// Sets the clock to <paramref name="now"/>, forwards or back, kept in UTC as the system clock gives it (the
    /// database stores no other offset); timers already set keep their own schedule.
    /// </summary>
    public static void SetTo(this FakeTimeProvider clock, DateTimeOffset now) => clock.AdjustTime(now.ToUniversalTime());

    /// <summary>
    /// Sets the clock to nine in the morning, province time (UTC+7), of <paramref name="date"/>, forwards or
    /// back; timers already set keep their own schedule, as when a real system clock is set.
    /// </summary>
    public static void SetToday(this FakeTimeProvider clock, DateOnly date) =>
        clock.SetTo(new DateTimeOffset(date, new TimeOnly(9, 0), ProvinceOffset));
}

using Microsoft.Extensions.Time.Testing;

namespace KhuyenCong.TestSupport;

public static class TestClock
{
    private static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// Sets the clock to nine in the morning, province time (UTC+7), of <paramref name="date"/>, forwards or
    /// back; timers already set keep their own schedule, as when a real system clock is adjusted.
    /// </summary>
    public static void SetToday(this FakeTimeProvider clock, DateOnly date) =>
        clock.AdjustTime(new DateTimeOffset(date, new TimeOnly(9, 0), ProvinceOffset).ToUniversalTime());
}

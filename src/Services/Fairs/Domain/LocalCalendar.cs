using System.Globalization;

namespace KhuyenCong.Fairs.Domain;

/// <summary>The province's calendar: Vietnam keeps UTC+7 all year, and deadlines are calendar days there.</summary>
public static class LocalCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first instant of a calendar day in the province, in UTC as instants are stored.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>"2026-03-02 10:15", local time, as officers read it.</summary>
    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

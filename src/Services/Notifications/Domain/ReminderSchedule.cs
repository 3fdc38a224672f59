namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// When a task's deadline is recalled: some days before it and on the day (<see cref="DaysBefore"/>, 0 meaning the day
/// itself), then every <see cref="OverdueEveryDays"/> days while it is overdue. From configuration,
/// <c>Notifications:Reminders</c>.
/// </summary>
public sealed class ReminderSchedule
{
    public const string Section = "Notifications:Reminders";

    /// <summary>How many days before the deadline each reminder goes out; 0 is the day itself (unset: 7 and 0).</summary>
    /// <remarks>Null by default: the configuration binder would append configured days to a default array rather than replace it.</remarks>
    public int[]? DaysBefore { get; set; }

    /// <summary>How often an overdue task is recalled, in days; 0: never after the deadline.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>How often the reminders and digests due are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The reminder occasion a deadline has reached on <paramref name="today"/>, as days from the deadline (−7: seven days
    /// before, 0: on the day, 14: two weeks overdue); null before the first. Only the latest one reached counts, so a task
    /// learnt of late, or a service that was down for days, sends one reminder and not every one it missed.
    /// </summary>
    public int? OccasionOn(DateOnly dueOn, DateOnly today)
    {
        var daysPast = today.DayNumber - dueOn.DayNumber;
        if (daysPast > 0 && OverdueEveryDays > 0 && daysPast >= OverdueEveryDays)
        {
            return daysPast / OverdueEveryDays * OverdueEveryDays;
        }
        var reached = (DaysBefore ?? [7, 0]).Select(days => -days).Where(offset => offset <= daysPast).ToList();
        return reached.Count == 0 ? null : reached.Max();
    }
}

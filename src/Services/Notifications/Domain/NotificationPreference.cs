namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// What a user wants to receive by e-mail: reminders of which task kinds, and a daily digest. A user without a row gets
/// everything; the one-click unsubscribe link turns e-mail off.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public string UserId { get; private set; } = "";
    public bool EmailEnabled { get; private set; } = true;
    public bool DigestEnabled { get; private set; } = true;

    /// <summary>The task kinds the user does not want e-mails about.</summary>
    public List<TaskKind> MutedKinds { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationPreference Default(string userId) => new() { UserId = userId };

    public bool Wants(TaskKind kind) => EmailEnabled && !MutedKinds.Contains(kind);

    public bool WantsDigest => EmailEnabled && DigestEnabled;

    public void Set(bool emailEnabled, bool digestEnabled, IEnumerable<TaskKind> kinds, DateTimeOffset at)
    {
        EmailEnabled = emailEnabled;
        DigestEnabled = digestEnabled;
        var wanted = kinds.ToHashSet();
        MutedKinds = [.. Enum.GetValues<TaskKind>().Where(k => !wanted.Contains(k))];
        UpdatedAt = at;
    }

    public void Unsubscribe(DateTimeOffset at)
    {
        EmailEnabled = false;
        UpdatedAt = at;
    }
}

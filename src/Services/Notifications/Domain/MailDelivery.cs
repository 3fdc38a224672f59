using KhuyenCong.Platform.Accounts;
namespace KhuyenCong.Notifications.Domain;

public enum MailKind
{
    Reminder = 1,
    Digest = 2,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 1,
    Sent = 2,

    /// <summary>Given up after the last attempt; <see cref="MailDelivery.LastError"/> says why.</summary>
    Failed = 3,

    /// <summary>Not sent: the user turned e-mail off, or the task was closed, before it went out.</summary>
    Cancelled = 4,
}

/// <summary>
/// One e-mail to send, kept with its whole text until the SMTP server has taken it (the outbox and the delivery log): a
/// refused or failed attempt is retried after 1, 5, 15 and 60 minutes, then the delivery is given up and says so.
/// <see cref="Key"/> is unique (one mail per reminder, one digest per user and day).
/// </summary>
public sealed class MailDelivery
{
    /// <summary>How long to wait after each failed attempt; after the last, the delivery is given up.</summary>
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    private MailDelivery() { }

    public Guid Id { get; private set; }

    /// <summary>"reminder:{reminder id}" or "digest:{user id}:{yyyy-MM-dd}".</summary>
    public string Key { get; private set; } = "";
    public MailKind Kind { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The task a reminder is about; null for a digest.</summary>
    public Guid? TaskId { get; private set; }
    public TaskKind? TaskKind { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string UnsubscribeUrl { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static MailDelivery Reminder(Guid reminderId, WorkTask task, KnownAccount to, MailText text, DateTimeOffset at) =>
        New($"reminder:{reminderId}", MailKind.Reminder, to, text, at, task);

    public static MailDelivery Digest(DateOnly day, KnownAccount to, MailText text, DateTimeOffset at) =>
        New($"digest:{to.UserId}:{day:yyyy-MM-dd}", MailKind.Digest, to, text, at, task: null);

    private static MailDelivery New(string key, MailKind kind, KnownAccount to, MailText text, DateTimeOffset at, WorkTask? task) => new()
    {
        Id = Guid.NewGuid(),
        Key = key,
        Kind = kind,
        UserId = to.UserId,
        TaskId = task?.Id,
        TaskKind = task?.Kind,
        ToAddress = to.Email ?? "",
        ToName = to.DisplayName,
        Subject = text.Subject,
        Body = text.Body,
        UnsubscribeUrl = text.UnsubscribeUrl,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = at,
        CreatedAt = at,
    };

    public void Sent(DateTimeOffset at)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAt = at;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: the next one after the back-off, or, after the last, gives up.</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        Attempts++;
        if (Attempts > Backoff.Length)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
            LastError = $"Given up after {Attempts} attempts: {error}";
        }
        else
        {
            NextAttemptAt = at + Backoff[Attempts - 1];
            LastError = error;
        }
    }

    public void Cancel(string reason)
    {
        Status = DeliveryStatus.Cancelled;
        NextAttemptAt = null;
        LastError = reason;
    }
}

/// <summary>The text of one e-mail: subject, plain-text body, and the one-click unsubscribe link it carries.</summary>
public sealed record MailText(string Subject, string Body, string UnsubscribeUrl);

namespace KhuyenCong.Notifications.Mail;

/// <summary>The SMTP server the reminders go through and how the mails name the platform, from <c>Notifications:Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Notifications:Mail";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>Signs in only when set; TLS is used whenever the server offers STARTTLS.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// A PEM file holding the SMTP server's own certificate, trusted besides those the system trusts: a private mail server
    /// (or the development one) whose certificate no public authority signed. Unset: the system's trust only.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    public string SenderAddress { get; set; } = "khuyencong@localhost.localdomain";
    public string SenderName { get; set; } = "Trung tâm Khuyến công";

    /// <summary>The web UI's public address: the links in the mails are absolute from it.</summary>
    public Uri WebBaseUrl { get; set; } = new("http://localhost:8080/");

    /// <summary>How often the outbox is looked at for mails due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one connection to the SMTP server may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

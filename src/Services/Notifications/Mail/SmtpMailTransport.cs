using KhuyenCong.Notifications.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KhuyenCong.Notifications.Mail;

/// <summary>Hands one e-mail to the SMTP server; throws when the server is down or refuses it.</summary>
public interface IMailTransport
{
    Task SendAsync(MailDelivery mail, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through the configured SMTP server with MailKit: STARTTLS whenever the server offers it (its certificate checked as
/// <see cref="SmtpServerTrust"/> says), signing in when credentials are set.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MailDelivery mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient
        {
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = SmtpServerTrust.For(settings),
        };
        await client.ConnectAsync(settings.Host, settings.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(Message(mail, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static MimeMessage Message(MailDelivery mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.SenderName, settings.SenderAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        // The delivery's id: a retry after a lost answer is recognisable as the same mail.
        message.MessageId = $"{mail.Id:N}@khuyencong";
        message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KhuyenCong.Notifications.Mail;

/// <summary>
/// Which certificates the SMTP server may present over TLS: those the system trusts and, when
/// <see cref="MailOptions.TrustedCertificatePath"/> is set, that one certificate too (a private mail server's own, not
/// signed by a public authority). The pinned certificate must still name the host the service connects to.
/// </summary>
internal static class SmtpServerTrust
{
    /// <summary>The check to give the SMTP client; null: the system's own.</summary>
    public static RemoteCertificateValidationCallback? For(MailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.TrustedCertificatePath))
        {
            return null;
        }
        using var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(settings.TrustedCertificatePath));
        var pinned = trusted.GetCertHash(HashAlgorithmName.SHA256);
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null
                && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned));
    }
}

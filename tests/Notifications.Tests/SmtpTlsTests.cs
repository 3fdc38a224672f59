using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.Platform.Accounts;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// smtp4dev requiring STARTTLS, with a self-signed certificate of its own for <c>127.0.0.1</c> (as a private mail server
/// has one): the PEM file of the certificate is what <c>Notifications:Mail:TrustedCertificatePath</c> names.
/// </summary>
public sealed class Smtp4devWithTls : Smtp4dev
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kc-smtp-tls-").FullName;

    public Smtp4devWithTls()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var pfx = Path.Combine(_directory, "smtp.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, password));
        CertificatePath = Path.Combine(_directory, "smtp.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        TlsArguments = ["--tlsmode=StartTls", $"--tlscertificate={pfx}", $"--tlscertificatepassword={password}", "--secureconnectionrequired"];
    }

    /// <summary>The server's certificate, without its key, as PEM.</summary>
    public string CertificatePath { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// The sender over TLS with a real SMTP server: STARTTLS with a server whose certificate only the configuration vouches
/// for, the same server refused when the configuration does not (the certificate is checked, not waved through), and a
/// server that offers no TLS still reached in the clear.
/// </summary>
public sealed class SmtpTlsTests(Smtp4devWithTls tls, Smtp4dev plain) : IClassFixture<Smtp4devWithTls>, IClassFixture<Smtp4dev>
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_server_requiring_STARTTLS_receives_the_mail_when_the_configuration_trusts_its_certificate()
    {
        await tls.ClearAsync();
        await Transport(tls.SmtpPort, tls.CertificatePath).SendAsync(Mail("tls@htx-a.test", "Thư qua TLS"), CancellationToken.None);

        var mail = Assert.Single(await tls.MessagesAsync());
        Assert.Equal(("tls@htx-a.test", "Thư qua TLS"), (mail.To, mail.Subject));
    }

    [Fact]
    public async Task A_server_whose_certificate_nobody_vouches_for_is_refused_and_receives_nothing()
    {
        await tls.ClearAsync();
        await Assert.ThrowsAsync<SslHandshakeException>(() =>
            Transport(tls.SmtpPort, trustedCertificate: null).SendAsync(Mail("untrusted@htx-a.test", "Không gửi"), CancellationToken.None));

        Assert.Empty(await tls.MessagesAsync());
    }

    [Fact]
    public async Task A_server_offering_no_TLS_still_receives_the_mail_in_the_clear()
    {
        await plain.ClearAsync();
        await Transport(plain.SmtpPort, tls.CertificatePath).SendAsync(Mail("plain@htx-a.test", "Thư không TLS"), CancellationToken.None);

        var mail = Assert.Single(await plain.MessagesAsync());
        Assert.Equal(("plain@htx-a.test", "Thư không TLS"), (mail.To, mail.Subject));
    }

    private static SmtpMailTransport Transport(int port, string? trustedCertificate) => new(Options.Create(new MailOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Timeout = TimeSpan.FromSeconds(10),
        TrustedCertificatePath = trustedCertificate,
    }));

    private static MailDelivery Mail(string address, string subject)
    {
        var to = KnownAccount.From(new AccountChanged
        {
            UserId = address, Revision = 1, UserName = address, DisplayName = "HTX Chè Đường Hoa", Roles = ["Establishment"], IsActive = true,
            OccurredAt = At, Email = address,
        });
        return MailDelivery.Digest(new DateOnly(2026, 6, 1), to, new MailText(subject, "Nội dung", "https://khuyencong.test/unsubscribe"), At);
    }
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KhuyenCong.AppHost.Production;

/// <summary>
/// The certificate the gateway serves HTTPS with: the operator's own (a PFX with its password, or a PEM
/// certificate and key), or, when none is given, one made once for the local network and kept in the secrets
/// directory (<c>tls/certificate.pem</c>, <c>tls/key.pem</c>), self-signed, for localhost, the host's name and
/// its IP addresses.
/// </summary>
/// <param name="Path">The certificate file Kestrel loads (PEM or PFX).</param>
/// <param name="KeyPath">The PEM key, when <paramref name="Path"/> is a PEM certificate.</param>
/// <param name="Password">The PFX's password, when <paramref name="Path"/> is a PFX.</param>
/// <param name="Certificate">The public certificate, for its fingerprint and for the processes that trust it.</param>
/// <param name="Generated">Whether it was made here rather than given by the operator.</param>
public sealed record GatewayCertificate(string Path, string? KeyPath, string? Password, X509Certificate2 Certificate, bool Generated)
{
    /// <summary>How long a generated certificate is valid; browsers refuse longer ones.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(397);

    /// <summary>A generated certificate this close to its end is replaced at start-up.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>The SHA-256 fingerprint as browsers show it (AA:BB:…).</summary>
    public string Fingerprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(p => new string(p)).Aggregate((a, b) => $"{a}:{b}");

    /// <summary>The operator's PFX (with its password) or PEM certificate and key.</summary>
    public static GatewayCertificate FromOperator(string path, string? keyPath, string? password)
    {
        var certificate = keyPath is null
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
            : X509Certificate2.CreateFromPemFile(path, keyPath);
        return new GatewayCertificate(System.IO.Path.GetFullPath(path), keyPath is null ? null : System.IO.Path.GetFullPath(keyPath), password, certificate, Generated: false);
    }

    /// <summary>
    /// The certificate kept in <paramref name="directory"/>, or a new one when there is none yet or it is about to
    /// expire; the key file is readable by its owner only.
    /// </summary>
    public static GatewayCertificate LoadOrCreate(string directory, string hostName, IReadOnlyCollection<IPAddress> addresses, TimeProvider clock)
    {
        var certificatePath = System.IO.Path.Combine(directory, "certificate.pem");
        var keyPath = System.IO.Path.Combine(directory, "key.pem");
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            var kept = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (kept.NotAfter.ToUniversalTime() - clock.GetUtcNow().UtcDateTime > RenewBefore)
            {
                return new GatewayCertificate(certificatePath, keyPath, null, kept, Generated: true);
            }
        }

        SecretFiles.CreateDirectory(directory);
        var certificate = Create(hostName, addresses, clock.GetUtcNow());
        SecretFiles.Write(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        return new GatewayCertificate(certificatePath, keyPath, null, certificate, Generated: true);
    }

    /// <summary>A self-signed server certificate for localhost, <paramref name="hostName"/> and <paramref name="addresses"/>.</summary>
    public static X509Certificate2 Create(string hostName, IReadOnlyCollection<IPAddress> addresses, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}, O=KhuyenCong", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { "localhost", hostName }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(name);
        }
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }.Concat(addresses).Distinct())
        {
            names.AddIpAddress(address);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
    }

    /// <summary>The machine's own addresses on its running network interfaces (loopback and link-local ones left out).</summary>
    public static IReadOnlyCollection<IPAddress> MachineAddresses() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .Distinct(),
    ];
}

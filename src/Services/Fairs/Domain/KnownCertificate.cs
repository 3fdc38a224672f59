namespace KhuyenCong.Fairs.Domain;

/// <summary>The levels of a typical-product certificate (Circular 26/2014/TT-BCT).</summary>
public enum CertificateLevel
{
    District = 1,
    Provincial = 2,
    Regional = 3,
    National = 4,
}

/// <summary>
/// This service's copy of a typical-product certificate of the Products service, kept from its
/// recognition, revocation and expiry events in whatever order they arrive: a revocation or an expiry
/// seen first leaves a row that the later recognition completes but never makes valid again.
/// </summary>
public sealed class KnownCertificate
{
    private KnownCertificate() { }

    public Guid CertificateId { get; private set; }
    public string CertificateNumber { get; private set; } = "";
    public string EstablishmentTaxCode { get; private set; } = "";
    public CertificateLevel Level { get; private set; }
    /// <summary>Known once the recognition has arrived.</summary>
    public string? ProductName { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public bool IsRevoked { get; private set; }
    public DateOnly? RevokedOn { get; private set; }
    public bool IsExpired { get; private set; }
    public DateOnly? ExpiredOn { get; private set; }

    public static KnownCertificate Identify(Guid certificateId, string number, string taxCode, CertificateLevel level) => new()
    {
        CertificateId = certificateId,
        CertificateNumber = number,
        EstablishmentTaxCode = taxCode,
        Level = level,
    };

    public void Recognize(string productName, DateOnly issuedOn, DateOnly expiresOn)
    {
        ProductName = productName;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public void Revoke(DateOnly revokedOn)
    {
        IsRevoked = true;
        RevokedOn = revokedOn;
    }

    public void Expire(DateOnly expiredOn)
    {
        IsExpired = true;
        ExpiredOn = expiredOn;
    }

    /// <summary>
    /// Recognised, neither revoked nor expired, and in force on <paramref name="day"/> (the fair's start
    /// date: the establishment must hold it when it exhibits, so one issued later does not count for a
    /// fair recorded after the fact).
    /// </summary>
    public bool IsValidOn(DateOnly day) =>
        IssuedOn is { } issued && issued <= day && ExpiresOn is { } expires && !IsRevoked && !IsExpired && expires >= day;

    /// <summary>The highest-level valid certificate among <paramref name="certificates"/>, the latest expiry first among equals.</summary>
    public static KnownCertificate? BestValid(IEnumerable<KnownCertificate> certificates, DateOnly day) =>
        certificates.Where(c => c.IsValidOn(day))
            .OrderByDescending(c => c.Level).ThenByDescending(c => c.ExpiresOn).ThenBy(c => c.CertificateNumber, StringComparer.Ordinal)
            .FirstOrDefault();
}

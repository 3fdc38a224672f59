namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// A typical-product certificate. A revocation or expiry may arrive before the recognition it ends:
/// the row then waits, without a competition year, until the recognition fills it in (and its
/// number, holder and level outrank theirs, so the row is the same whatever order they arrive in).
/// </summary>
public sealed class CertificateFact
{
    private CertificateFact() { }

    public Guid CertificateId { get; private set; }
    public string CertificateNumber { get; private set; } = "";
    public string EstablishmentTaxCode { get; private set; } = "";
    public int Level { get; private set; }
    public int ProductGroup { get; private set; }
    public string ProductName { get; private set; } = "";
    public int CompetitionYear { get; private set; }
    public string District { get; private set; } = "";
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public DateOnly? RevokedOn { get; private set; }
    public DateOnly? ExpiredOn { get; private set; }

    public static CertificateFact For(Guid certificateId, string number, string taxCode, int level) =>
        new() { CertificateId = certificateId, CertificateNumber = number, EstablishmentTaxCode = taxCode, Level = level };

    /// <summary>The recognition is the certificate's own record: its number, holder and level replace what a revocation or expiry said first.</summary>
    public void Recognized(string number, string taxCode, int level, int productGroup, string productName, int competitionYear, string district, DateOnly issuedOn, DateOnly expiresOn)
    {
        CertificateNumber = number;
        EstablishmentTaxCode = taxCode;
        Level = level;
        ProductGroup = productGroup;
        ProductName = productName;
        CompetitionYear = competitionYear;
        District = district;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public void Revoked(DateOnly revokedOn) => RevokedOn = revokedOn;

    public void Expired(DateOnly expiredOn) => ExpiredOn = expiredOn;
}

namespace KhuyenCong.Products.Domain;

/// <summary>
/// A regional entry needs a valid provincial certificate, a national entry a valid regional one
/// (Art. 12.3–4): held by the same establishment, of the level directly below, not revoked, and not
/// expired on the day the dossier was received. The refusals speak only of the establishment's own
/// certificates.
/// </summary>
public static class LowerLevelPrerequisite
{
    public const string RuleCode = "lower-level-certificate-required";

    public static void Check(RecognitionLevel level, string establishmentTaxCode, DateOnly entryDate,
        Certificate? certificate, string? certificateNumber)
    {
        if (level.RequiredCertificateLevel() is not { } required)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(certificateNumber))
        {
            Refuse($"A {level} entry requires the establishment's valid {required} certificate; none was given.");
        }
        // Another establishment's certificate is answered as one that does not exist, so that a number
        // tells nothing about who holds it.
        if (certificate is null || certificate.EstablishmentTaxCode != establishmentTaxCode)
        {
            Refuse($"The establishment holds no certificate with the number given; a {level} entry requires its own valid {required} certificate.");
        }
        if (certificate.Level != required)
        {
            Refuse($"Certificate {certificate.Number} is a {certificate.Level} certificate; a {level} entry requires a {required} one.");
        }
        if (certificate.Status == CertificateStatus.Revoked)
        {
            Refuse($"Certificate {certificate.Number} was revoked on {certificate.RevokedOn:yyyy-MM-dd}.");
        }
        if (!certificate.IsValidOn(entryDate))
        {
            Refuse(entryDate < certificate.IssuedOn
                ? $"Certificate {certificate.Number} was issued on {certificate.IssuedOn:yyyy-MM-dd}, after the entry date {entryDate:yyyy-MM-dd}."
                : $"Certificate {certificate.Number} expired on {certificate.ExpiresOn:yyyy-MM-dd}, before the entry date {entryDate:yyyy-MM-dd}.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string message) => throw new ProductRuleException(RuleCode, RuleKind.Unprocessable, message);
}

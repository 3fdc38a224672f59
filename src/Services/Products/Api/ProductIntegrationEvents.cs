using KhuyenCong.Contracts.Products;
using KhuyenCong.Products.Domain;
using ContractGroup = KhuyenCong.Contracts.Products.ProductGroup;
using ContractLevel = KhuyenCong.Contracts.Products.RecognitionLevel;

namespace KhuyenCong.Products.Api;

/// <summary>Maps certificates to the integration events Fairs and Reporting rely on.</summary>
internal static class ProductIntegrationEvents
{
    public static ProductRecognized Recognized(Certificate c, string actedBy) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        Level = (ContractLevel)c.Level,
        CompetitionYear = c.CompetitionYear,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        ProductName = c.ProductName,
        Group = (ContractGroup)c.Group,
        District = c.District,
        AverageScore = c.AverageScore,
        IssuedOn = c.IssuedOn,
        ExpiresOn = c.ExpiresOn,
        ActedBy = actedBy,
    };

    public static CertificateRevoked Revoked(Certificate c, string actedBy) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        Level = (ContractLevel)c.Level,
        RevokedOn = c.RevokedOn ?? throw new InvalidOperationException("A revoked certificate has a revocation date."),
        Reason = c.RevocationReason ?? "",
        ActedBy = actedBy,
    };

    /// <summary>The certificate expired at the end of its expiry date.</summary>
    public static CertificateExpired Expired(Certificate c) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        Level = (ContractLevel)c.Level,
        ExpiredOn = c.ExpiresOn,
    };
}

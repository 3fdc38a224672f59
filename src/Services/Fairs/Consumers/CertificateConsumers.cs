using KhuyenCong.Contracts.Products;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Messaging;
using MassTransit;

namespace KhuyenCong.Fairs.Consumers;

/// <summary>
/// Keeps <see cref="KnownCertificate"/> rows from the Products service's events. Each event only adds
/// what it knows to the row, so any order of arrival ends in the same certificate: a revocation seen
/// before the recognition stays revoked.
/// </summary>
public abstract class CertificateCopyConsumer<TMessage>(FairsDbContext db) : IdempotentConsumer<TMessage, FairsDbContext>(db)
    where TMessage : class
{
    protected async Task<KnownCertificate> CertificateAsync(Guid id, string number, string taxCode, RecognitionLevel level, CancellationToken cancellationToken)
    {
        var certificate = await Db.Certificates.FindAsync([id], cancellationToken);
        if (certificate is null)
        {
            certificate = KnownCertificate.Identify(id, number, taxCode, (CertificateLevel)level);
            Db.Certificates.Add(certificate);
        }
        return certificate;
    }
}

public sealed class ProductRecognizedConsumer(FairsDbContext db) : CertificateCopyConsumer<ProductRecognized>(db)
{
    protected override async Task HandleAsync(ProductRecognized message, ConsumeContext<ProductRecognized> context)
    {
        var certificate = await CertificateAsync(message.CertificateId, message.CertificateNumber, message.EstablishmentTaxCode, message.Level, context.CancellationToken);
        certificate.Recognize(message.ProductName, message.IssuedOn, message.ExpiresOn);
    }
}

public sealed class CertificateRevokedConsumer(FairsDbContext db) : CertificateCopyConsumer<CertificateRevoked>(db)
{
    protected override async Task HandleAsync(CertificateRevoked message, ConsumeContext<CertificateRevoked> context)
    {
        var certificate = await CertificateAsync(message.CertificateId, message.CertificateNumber, message.EstablishmentTaxCode, message.Level, context.CancellationToken);
        certificate.Revoke(message.RevokedOn);
    }
}

public sealed class CertificateExpiredConsumer(FairsDbContext db) : CertificateCopyConsumer<CertificateExpired>(db)
{
    protected override async Task HandleAsync(CertificateExpired message, ConsumeContext<CertificateExpired> context)
    {
        var certificate = await CertificateAsync(message.CertificateId, message.CertificateNumber, message.EstablishmentTaxCode, message.Level, context.CancellationToken);
        certificate.Expire(message.ExpiredOn);
    }
}

using KhuyenCong.Contracts.Products;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// A certificate's holder reports each year of its validity (Circular 26/2014/TT-BCT, Art. 22.2): one task per certificate
/// and year, the holder's (and its district officer's), listed from the start of the following year when the year is over;
/// and, for the Centre's officers, the same report once it is overdue. A year's task is the derived record of the certificate
/// and the year, so the filing or a revocation that arrives first leaves it closed.
/// </summary>
public sealed class HolderReportsOfCertificateConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProductRecognized>(db, time)
{
    protected override async Task HandleAsync(ProductRecognized message, ConsumeContext<ProductRecognized> context)
    {
        foreach (var period in message.HolderReports)
        {
            var record = DerivedRecordId.OfYear(message.CertificateId, period.Year);
            var code = $"{message.CertificateNumber} – năm {period.Year}";
            await OpenAsync(TaskKind.HolderReportDue, record,
                new TaskDetails(code, message.ProductName, period.DueOn, "/products/certificates/reports", ForScopedUsers: true, AdministrativeUnitCode: null,
                    [message.EstablishmentTaxCode], ShownFrom: new DateOnly(period.Year + 1, 1, 1), ForCentre: false, ParentRecordId: message.CertificateId),
                context.CancellationToken);
            if (period.DueOn is { } due)
            {
                await OpenAsync(TaskKind.HolderReportOverdue, record,
                    new TaskDetails(code, message.ProductName, due, "/products/certificates/reports", ForScopedUsers: false, AdministrativeUnitCode: null,
                        [message.EstablishmentTaxCode], ShownFrom: due.AddDays(1), ParentRecordId: message.CertificateId),
                    context.CancellationToken);
            }
        }
    }
}

/// <summary>The filed report closes its year's task, the holder's and the officers' overdue one alike.</summary>
public sealed class HolderReportFiledConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<HolderReportFiled>(db, time)
{
    protected override async Task HandleAsync(HolderReportFiled message, ConsumeContext<HolderReportFiled> context)
    {
        var record = DerivedRecordId.OfYear(message.CertificateId, message.Year);
        await CloseAsync(TaskKind.HolderReportDue, record, context.CancellationToken);
        await CloseAsync(TaskKind.HolderReportOverdue, record, context.CancellationToken);
    }
}

/// <summary>
/// A revoked certificate is no longer reported on from the year of its revocation (the years before stay owed, as Products
/// lists them). Its expiry closes nothing: the report on its last year falls due after it and is still owed.
/// </summary>
public sealed class CertificateRevokedHolderReportsConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CertificateRevoked>(db, time)
{
    /// <summary>A certificate is valid for at most three calendar years, so no year after these has a report.</summary>
    private const int YearsOfValidity = 3;

    protected override async Task HandleAsync(CertificateRevoked message, ConsumeContext<CertificateRevoked> context)
    {
        foreach (var year in Enumerable.Range(message.RevokedOn.Year, YearsOfValidity))
        {
            var record = DerivedRecordId.OfYear(message.CertificateId, year);
            await CloseAsync(TaskKind.HolderReportDue, record, context.CancellationToken);
            await CloseAsync(TaskKind.HolderReportOverdue, record, context.CancellationToken);
        }
    }
}

using KhuyenCong.Contracts.Products;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using MassTransit;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// A recognised product's certificate is to be renewed before it expires: the task shows from three months before the
/// expiry, to the Centre's officers and to the holder (and its district officer).
/// </summary>
public sealed class ProductRecognizedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ProductRecognized>(db, time)
{
    public const int MonthsNotice = 3;

    protected override Task HandleAsync(ProductRecognized message, ConsumeContext<ProductRecognized> context) =>
        OpenAsync(TaskKind.CertificateExpiring, message.CertificateId,
            new TaskDetails(message.CertificateNumber, message.ProductName, message.ExpiresOn, "/products/certificates",
                ForScopedUsers: true, AdministrativeUnitCode: null, [message.EstablishmentTaxCode], ShownFrom: message.ExpiresOn.AddMonths(-MonthsNotice)),
            context.CancellationToken);
}

public sealed class CertificateExpiredConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CertificateExpired>(db, time)
{
    protected override Task HandleAsync(CertificateExpired message, ConsumeContext<CertificateExpired> context) =>
        CloseAsync(TaskKind.CertificateExpiring, message.CertificateId, context.CancellationToken);
}

public sealed class CertificateRevokedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<CertificateRevoked>(db, time)
{
    protected override Task HandleAsync(CertificateRevoked message, ConsumeContext<CertificateRevoked> context) =>
        CloseAsync(TaskKind.CertificateExpiring, message.CertificateId, context.CancellationToken);
}

/// <summary>A complaint about a competition's result: the Centre's officers have the council answer it by its due date.</summary>
public sealed class ComplaintReceivedConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ComplaintReceived>(db, time)
{
    protected override Task HandleAsync(ComplaintReceived message, ConsumeContext<ComplaintReceived> context) =>
        OpenAsync(TaskKind.ComplaintToAnswer, message.ComplaintId,
            new TaskDetails(message.CompetitionTitle, $"{message.ProductName} – {message.Complainant}", message.AnswerDueOn,
                $"/products/competitions/{message.CompetitionId}", ForScopedUsers: false, AdministrativeUnitCode: null, []),
            context.CancellationToken);
}

public sealed class ComplaintAnsweredConsumer(NotificationsDbContext db, TimeProvider time) : TaskConsumer<ComplaintAnswered>(db, time)
{
    protected override Task HandleAsync(ComplaintAnswered message, ConsumeContext<ComplaintAnswered> context) =>
        CloseAsync(TaskKind.ComplaintToAnswer, message.ComplaintId, context.CancellationToken);
}

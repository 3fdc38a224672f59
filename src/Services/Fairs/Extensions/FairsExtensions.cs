using KhuyenCong.Fairs.Consumers;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Messaging;

namespace KhuyenCong.Fairs.Extensions;

public static class FairsExtensions
{
    public static IHostApplicationBuilder AddFairsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FairsDbContext>("fairsdb");
        builder.AddAttachments("fairsdb");
        builder.AddServiceMessaging<FairsDbContext>(bus =>
        {
            bus.AddConsumer<EstablishmentRegisteredConsumer>();
            bus.AddConsumer<EstablishmentUpdatedConsumer>();
            bus.AddConsumer<ProductRecognizedConsumer>();
            bus.AddConsumer<CertificateRevokedConsumer>();
            bus.AddConsumer<CertificateExpiredConsumer>();
        });
        return builder;
    }
}

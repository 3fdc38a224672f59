using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Consumers;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.Products.Jobs;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Products.Extensions;

public static class ProductsExtensions
{
    public static IHostApplicationBuilder AddProductsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProductsDbContext>("productsdb");
        builder.AddAttachments("productsdb");
        // After both migrations, which the two calls above register to run first.
        builder.Services.AddHostedService<EntryPhotoMove>();
        builder.AddServiceMessaging<ProductsDbContext>(bus =>
        {
            bus.AddConsumer<EstablishmentRegisteredConsumer>();
            bus.AddConsumer<EstablishmentUpdatedConsumer>();
            bus.AddConsumer<AccountChangedConsumer>();
        });

        builder.Services.Configure<ProductsOptions>(builder.Configuration.GetSection(ProductsOptions.SectionName));
        builder.Services.AddSingleton(sp => new ProvinceCalendar(sp.GetRequiredService<IOptions<ProductsOptions>>().Value.Holidays));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProductsOptions>>().Value.RuleBook());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProductsOptions>>().Value.HolderReportDeadline());

        builder.Services.AddSingleton<CertificateExpiryJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CertificateExpiryJob>());
        return builder;
    }
}

using KhuyenCong.Products.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Products.Extensions;

public static class ProductsExtensions
{
    public static IHostApplicationBuilder AddProductsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProductsDbContext>("productsdb");
        builder.AddServiceMessaging<ProductsDbContext>();
        return builder;
    }
}

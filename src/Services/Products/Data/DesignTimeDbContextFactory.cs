using KhuyenCong.Platform.Data;

namespace KhuyenCong.Products.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<ProductsDbContext>;

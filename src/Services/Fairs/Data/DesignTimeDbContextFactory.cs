using KhuyenCong.ServiceDefaults.Data;

namespace KhuyenCong.Fairs.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<FairsDbContext>;

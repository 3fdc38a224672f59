using KhuyenCong.Platform.Data;

namespace KhuyenCong.Fairs.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<FairsDbContext>;

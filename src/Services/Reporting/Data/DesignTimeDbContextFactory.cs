using KhuyenCong.Platform.Data;

namespace KhuyenCong.Reporting.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<ReportingDbContext>;

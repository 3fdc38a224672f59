using KhuyenCong.ServiceDefaults.Data;

namespace KhuyenCong.Reporting.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<ReportingDbContext>;

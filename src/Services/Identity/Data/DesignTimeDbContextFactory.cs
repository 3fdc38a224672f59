using KhuyenCong.ServiceDefaults.Data;

namespace KhuyenCong.Identity.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<IdentityDb>;

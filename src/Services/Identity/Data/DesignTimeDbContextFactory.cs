using KhuyenCong.Platform.Data;

namespace KhuyenCong.Identity.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<IdentityDb>;

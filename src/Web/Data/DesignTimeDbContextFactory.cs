using KhuyenCong.Platform.Data;

namespace KhuyenCong.Web.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<WebDb>;

using KhuyenCong.Platform.Data;

namespace KhuyenCong.Notifications.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<NotificationsDbContext>;

using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Platform.Establishments;

namespace KhuyenCong.Notifications.Consumers;

public sealed class EstablishmentRegisteredConsumer(NotificationsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentRegistered, NotificationsDbContext>(db);

public sealed class EstablishmentUpdatedConsumer(NotificationsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentUpdated, NotificationsDbContext>(db);

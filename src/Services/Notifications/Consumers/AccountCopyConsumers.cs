using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Platform.Accounts;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>Keeps the copy of each account (the recipients of the tasks) from the identity service's <see cref="AccountChanged"/>.</summary>
public sealed class AccountChangedConsumer(NotificationsDbContext db) : AccountCopyConsumer<NotificationsDbContext>(db);

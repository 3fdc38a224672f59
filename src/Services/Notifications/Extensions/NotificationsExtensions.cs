using KhuyenCong.Notifications.Consumers;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;

namespace KhuyenCong.Notifications.Extensions;

public static class NotificationsExtensions
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        // Every consumer of this assembly: the task consumers of each owning service's events and the registry's copy.
        builder.AddServiceMessaging<NotificationsDbContext>(bus => bus.AddConsumers(typeof(NotificationsExtensions).Assembly));
        return builder;
    }
}

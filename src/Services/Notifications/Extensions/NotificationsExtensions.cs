using KhuyenCong.Notifications.Consumers;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.Notifications.Reminders;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;

namespace KhuyenCong.Notifications.Extensions;

public static class NotificationsExtensions
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        // Every consumer of this assembly: the task consumers of each owning service's events, the registry's and the accounts' copies.
        builder.AddServiceMessaging<NotificationsDbContext>(bus => bus.AddConsumers(typeof(NotificationsExtensions).Assembly));
        builder.AddSharedKeyRing<NotificationsDbContext>("KhuyenCong.Notifications");
        builder.AddNotificationsMail();
        return builder;
    }

    /// <summary>The reminders, the daily digests and the e-mail sender, configured from Notifications:Reminders and Notifications:Mail.</summary>
    public static IHostApplicationBuilder AddNotificationsMail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderSchedule>(builder.Configuration.GetSection(ReminderSchedule.Section));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<MailTemplates>();
        builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReminderJob>());
        builder.Services.AddSingleton<OverdueCountJob>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailSender>());
        return builder;
    }
}

using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options), IDataProtectionKeyContext
{
    public DbSet<WorkTask> Tasks => Set<WorkTask>();

    /// <summary>The registry's establishments, to place a district officer's unit.</summary>
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();

    /// <summary>The identity service's accounts (the platform's copy, in the table <c>recipients</c>): whom each task concerns, and their e-mail addresses.</summary>
    public DbSet<KnownAccount> Recipients => Set<KnownAccount>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    /// <summary>The e-mails to send and sent (the outbox and the delivery log).</summary>
    public DbSet<MailDelivery> MailDeliveries => Set<MailDelivery>();

    /// <summary>The key ring every replica shares, which signs the unsubscribe links.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.ApplyConfiguration(new KnownAccountConfiguration("recipients"));
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}

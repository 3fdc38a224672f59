using KhuyenCong.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Notifications.Data;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(64);
        // One reminder per task, user, deadline and occasion: the job inserts with ON CONFLICT DO NOTHING.
        builder.HasIndex(r => new { r.TaskId, r.UserId, r.DueOn, r.OffsetDays }).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.MutedKinds).HasColumnType("text[]");
        builder.Ignore(p => p.WantsDigest);
    }
}

internal sealed class MailDeliveryConfiguration : IEntityTypeConfiguration<MailDelivery>
{
    public void Configure(EntityTypeBuilder<MailDelivery> builder)
    {
        builder.ToTable("mail_deliveries");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Key).HasMaxLength(120);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TaskKind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.UserId).HasMaxLength(64);
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The sender looks for what is due; the index holds only what waits.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Pending'");
    }
}

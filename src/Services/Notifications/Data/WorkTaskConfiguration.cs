using KhuyenCong.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Notifications.Data;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id);
        // One task per kind and record: two events about the same record never open two.
        builder.HasIndex(t => new { t.Kind, t.RecordId }).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.RecordCode).HasMaxLength(100);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Link).HasMaxLength(300);
        builder.Property(t => t.AdministrativeUnitCode).HasMaxLength(64);
        builder.Property(t => t.EstablishmentTaxCodes).HasColumnType("text[]");
        builder.Property(t => t.ClosedBy).HasMaxLength(100);
        builder.Property(t => t.AssigneeUserId).HasMaxLength(64);
        builder.HasIndex(t => t.AssigneeUserId).HasFilter("assignee_user_id IS NOT NULL");
        builder.Ignore(t => t.IsOpen);
        builder.Property(t => t.Version).IsRowVersion();
        // The inbox lists open tasks by due date; the index holds only those.
        builder.HasIndex(t => new { t.DueOn, t.OpenedAt }).HasFilter("closed_at IS NULL AND is_known");
        builder.HasIndex(t => t.EstablishmentTaxCodes).HasMethod("gin");
        // The end of a call, course or fair closes the establishments' tasks about it.
        builder.HasIndex(t => new { t.Kind, t.ParentRecordId }).HasFilter("parent_record_id IS NOT NULL");
    }
}

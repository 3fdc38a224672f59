using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class UnitConsolidationConfiguration : IEntityTypeConfiguration<UnitConsolidation>
{
    public void Configure(EntityTypeBuilder<UnitConsolidation> builder)
    {
        builder.ToTable("unit_consolidations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // One consolidation per call and unit: the row every change of it locks.
        builder.HasIndex(c => new { c.CallId, c.UnitCode }).IsUnique();
        builder.Property(c => c.UnitCode).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DispatchNumber).HasMaxLength(64);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.Property(c => c.SentBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.OwnsMany(c => c.Items, item =>
        {
            item.ToTable("unit_consolidation_items");
            item.WithOwner().HasForeignKey("ConsolidationId");
            item.HasKey("ConsolidationId", nameof(UnitConsolidationItem.ProposalId));
            // The plan finds a proposal's consolidation by it.
            item.HasIndex(i => i.ProposalId);
            item.Property(i => i.ProposalCode).HasMaxLength(32);
            item.Property(i => i.Title).HasMaxLength(500);
            item.Property(i => i.Opinion).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.Note).HasMaxLength(1000);
        });
        builder.Navigation(c => c.Items).HasField("_items");
    }
}

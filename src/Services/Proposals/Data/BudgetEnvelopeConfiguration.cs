using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class BudgetEnvelopeConfiguration : IEntityTypeConfiguration<BudgetEnvelope>
{
    public void Configure(EntityTypeBuilder<BudgetEnvelope> builder)
    {
        builder.ToTable("budget_envelopes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FundingSource).HasConversion<string>().HasMaxLength(16);
        // One envelope per year and source: the row every approval of that year and source locks.
        builder.HasIndex(e => new { e.PlanYear, e.FundingSource }).IsUnique();
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.Allocated);
        builder.Ignore(e => e.Allocation);
        builder.OwnsMany(e => e.Entries, entry =>
        {
            entry.ToTable("budget_envelope_entries");
            entry.WithOwner().HasForeignKey("EnvelopeId");
            entry.HasKey(x => x.Id);
            entry.Property(x => x.Id).ValueGeneratedNever();
            entry.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(x => x.DecisionNumber).HasMaxLength(64);
            entry.Property(x => x.Note).HasMaxLength(1000);
            entry.Property(x => x.RecordedBy).HasMaxLength(200);
            entry.Ignore(x => x.SignedAmount);
        });
        builder.Navigation(e => e.Entries).HasField("_entries");
    }
}

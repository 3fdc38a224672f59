using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(p => p.District).HasMaxLength(100);
        builder.Property(p => p.FundingSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.PlanYear, p.Status });

        builder.ComplexProperty(p => p.Budget, budget =>
        {
            budget.Property(b => b.StateSupport).HasColumnName("state_support");
            budget.Property(b => b.OwnCapital).HasColumnName("own_capital");
            budget.Property(b => b.OtherSources).HasColumnName("other_sources");
        });

        builder.OwnsOne(p => p.Approval, approval =>
        {
            approval.Property(a => a.ApprovedSupport).HasColumnName("approved_support");
            approval.Property(a => a.DecisionNumber).HasColumnName("decision_number").HasMaxLength(64);
            approval.Property(a => a.DecisionDate).HasColumnName("decision_date");
            approval.Property(a => a.ApprovedAt).HasColumnName("approved_at");
        });
    }
}

internal sealed class ProposalCodeSequenceConfiguration : IEntityTypeConfiguration<ProposalCodeSequence>
{
    public void Configure(EntityTypeBuilder<ProposalCodeSequence> builder)
    {
        builder.ToTable("proposal_code_sequences");
        builder.HasKey(s => new { s.Prefix, s.Year });
        builder.Property(s => s.Prefix).HasMaxLength(8);
    }
}

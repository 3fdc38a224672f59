using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

/// <summary>The proposal's life after approval: planned end, cancellation decision, progress reports, amendments, refunds.</summary>
internal sealed class ProposalImplementationConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.PlannedEndOn).HasColumnName("planned_end_on");
        builder.OwnsOne(p => p.CancellationDecision, d =>
        {
            d.Property(x => x.DecisionNumber).HasColumnName("cancellation_decision_number").HasMaxLength(64);
            d.Property(x => x.DecisionDate).HasColumnName("cancellation_decision_date");
        });
        builder.Ignore(p => p.LatestProgressReport);

        builder.OwnsMany(p => p.ProgressReports, r =>
        {
            r.ToTable("proposal_progress_reports");
            r.WithOwner().HasForeignKey("ProposalId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            // One report per month: the database refuses a second one even from a writer outside the command path.
            r.HasIndex("ProposalId", nameof(ProgressReport.Period)).IsUnique();
            r.Property(x => x.Notes).HasMaxLength(4000);
            r.Property(x => x.RegressionReason).HasMaxLength(1000);
            r.Property(x => x.ReportedBy).HasMaxLength(200);
        });
        builder.Navigation(p => p.ProgressReports).HasField("_progressReports");

        builder.OwnsMany(p => p.Amendments, a =>
        {
            a.ToTable("proposal_amendments");
            a.WithOwner().HasForeignKey("ProposalId");
            a.HasKey("ProposalId", nameof(Amendment.Sequence));
            a.Property(x => x.Sequence).ValueGeneratedNever();
            a.Property(x => x.DecisionNumber).HasMaxLength(64);
            a.Property(x => x.Reason).HasMaxLength(1000);
            a.Property(x => x.AmendedBy).HasMaxLength(200);
            a.Property(x => x.ExceedanceDecisionNumber).HasMaxLength(64);
            a.Property(x => x.ExceedanceReason).HasMaxLength(1000);
            a.Ignore(x => x.ExceedsPlan);
        });
        builder.Navigation(p => p.Amendments).HasField("_amendments");

        builder.OwnsMany(p => p.Refunds, r =>
        {
            r.ToTable("proposal_refunds");
            r.WithOwner().HasForeignKey("ProposalId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.DocumentNumber).HasMaxLength(64);
            r.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        builder.Navigation(p => p.Refunds).HasField("_refunds");
    }
}

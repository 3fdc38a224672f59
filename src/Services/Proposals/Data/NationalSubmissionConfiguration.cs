using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class NationalSubmissionConfiguration : IEntityTypeConfiguration<NationalSubmission>
{
    public void Configure(EntityTypeBuilder<NationalSubmission> builder)
    {
        builder.ToTable("national_submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // One list per plan year: the row every change of it, and every approval of one of its proposals, locks.
        builder.HasIndex(s => s.PlanYear).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DispatchNumber).HasMaxLength(64);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.Property(s => s.SubmittedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Deadline);
        builder.Ignore(s => s.IsLate);
        builder.Ignore(s => s.RequestedTotal);
        builder.Ignore(s => s.ApprovedTotal);
        builder.OwnsMany(s => s.Items, item =>
        {
            item.ToTable("national_submission_items");
            item.WithOwner().HasForeignKey("SubmissionId");
            item.HasKey("SubmissionId", nameof(NationalSubmissionItem.ProposalId));
            // A proposal is on one year's list at most: the approval finds its list by it.
            item.HasIndex(i => i.ProposalId).IsUnique();
            item.Property(i => i.ProposalCode).HasMaxLength(32);
            item.Property(i => i.Title).HasMaxLength(500);
            item.Property(i => i.District).HasMaxLength(100);
            item.Property(i => i.DossierNote).HasMaxLength(1000);
            item.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.DecisionNumber).HasMaxLength(64);
            item.Property(i => i.RecordedBy).HasMaxLength(200);
            item.Ignore(i => i.Decision);
        });
        builder.Navigation(s => s.Items).HasField("_items");
    }
}

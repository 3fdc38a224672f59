using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Reporting.Data;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("event_ledger");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.MessageType).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
    }
}

internal sealed class ProposalFactConfiguration : IEntityTypeConfiguration<ProposalFact>
{
    public void Configure(EntityTypeBuilder<ProposalFact> fact)
    {
        fact.ToTable("proposal_facts");
        fact.HasKey(f => f.ProposalId);
        fact.Property(f => f.Code).HasMaxLength(32);
        fact.Property(f => f.Stage).HasConversion<int>();
        fact.Property(f => f.Status).HasMaxLength(32);
        fact.Property(f => f.District).HasMaxLength(100);
        fact.Property(f => f.FundingSource).HasMaxLength(16);
        fact.Ignore(f => f.IsApproved);
        fact.Ignore(f => f.IsAccepted);
        fact.HasIndex(f => new { f.PlanYear, f.District });
        fact.Property(f => f.Title).HasMaxLength(500);
        fact.Property(f => f.ImplementingUnit).HasMaxLength(300);
        fact.Property(f => f.ApprovalDecisionNumber).HasMaxLength(64);
        fact.Property(f => f.PlanExceedanceDecisionNumber).HasMaxLength(64);
    }
}

internal sealed class EnvelopeEntryFactConfiguration : IEntityTypeConfiguration<EnvelopeEntryFact>
{
    public void Configure(EntityTypeBuilder<EnvelopeEntryFact> builder)
    {
        builder.ToTable("envelope_entry_facts");
        builder.HasKey(e => e.EntryId);
        builder.Property(e => e.FundingSource).HasMaxLength(16);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.DecisionNumber).HasMaxLength(64);
        builder.HasIndex(e => new { e.PlanYear, e.FundingSource });
    }
}

internal sealed class PlanVersionFactConfiguration : IEntityTypeConfiguration<PlanVersionFact>
{
    public void Configure(EntityTypeBuilder<PlanVersionFact> builder)
    {
        builder.ToTable("plan_version_facts");
        builder.HasKey(v => new { v.PlanId, v.VersionNumber });
        builder.Property(v => v.FundingSource).HasMaxLength(16);
        builder.Property(v => v.DecisionNumber).HasMaxLength(64);
        builder.HasIndex(v => new { v.PlanYear, v.FundingSource });
    }
}

internal sealed class PlanItemFactConfiguration : IEntityTypeConfiguration<PlanItemFact>
{
    public void Configure(EntityTypeBuilder<PlanItemFact> builder)
    {
        builder.ToTable("plan_item_facts");
        builder.HasKey(i => new { i.PlanId, i.VersionNumber, i.ProposalId });
        builder.Property(i => i.FundingSource).HasMaxLength(16);
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.District).HasMaxLength(100);
        builder.HasIndex(i => new { i.PlanYear, i.FundingSource });
    }
}

internal sealed class NationalProposalFactConfiguration : IEntityTypeConfiguration<NationalProposalFact>
{
    public void Configure(EntityTypeBuilder<NationalProposalFact> builder)
    {
        builder.ToTable("national_proposal_facts");
        builder.HasKey(p => p.ProposalId);
        builder.Property(p => p.ProposalId).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.District).HasMaxLength(100);
        builder.Property(p => p.DispatchNumber).HasMaxLength(64);
        builder.Property(p => p.Outcome).HasMaxLength(16);
        builder.Property(p => p.DecisionNumber).HasMaxLength(64);
        builder.HasIndex(p => p.PlanYear);
    }
}

internal sealed class MoneyMovementFactConfiguration : IEntityTypeConfiguration<MoneyMovementFact>
{
    public void Configure(EntityTypeBuilder<MoneyMovementFact> builder)
    {
        builder.ToTable("money_movement_facts");
        builder.HasKey(m => m.MovementId);
        builder.Property(m => m.Kind).HasConversion<int>();
        builder.HasIndex(m => m.ProposalId);
    }
}

internal sealed class FollowUpFactConfiguration : IEntityTypeConfiguration<FollowUpFact>
{
    public void Configure(EntityTypeBuilder<FollowUpFact> builder)
    {
        builder.ToTable("follow_up_facts");
        builder.HasKey(f => f.FollowUpId);
        builder.HasIndex(f => f.ProposalId);
    }
}

internal sealed class CourseFactConfiguration : IEntityTypeConfiguration<CourseFact>
{
    public void Configure(EntityTypeBuilder<CourseFact> builder)
    {
        builder.ToTable("course_facts");
        builder.HasKey(c => c.CourseId);
        builder.Property(c => c.Stage).HasConversion<int>();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.District).HasMaxLength(100);
        builder.HasIndex(c => new { c.PlanYear, c.District });
    }
}

internal sealed class CertificateFactConfiguration : IEntityTypeConfiguration<CertificateFact>
{
    public void Configure(EntityTypeBuilder<CertificateFact> builder)
    {
        builder.ToTable("certificate_facts");
        builder.HasKey(c => c.CertificateId);
        builder.Property(c => c.CertificateNumber).HasMaxLength(64);
        builder.Property(c => c.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(c => c.ProductName).HasMaxLength(300);
        builder.Property(c => c.District).HasMaxLength(100);
    }
}

internal sealed class FairFactConfiguration : IEntityTypeConfiguration<FairFact>
{
    public void Configure(EntityTypeBuilder<FairFact> builder)
    {
        builder.ToTable("fair_facts");
        builder.HasKey(f => f.FairId);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.HasIndex(f => f.StartYear);
    }
}

internal sealed class FairParticipantFactConfiguration : IEntityTypeConfiguration<FairParticipantFact>
{
    public void Configure(EntityTypeBuilder<FairParticipantFact> builder)
    {
        builder.ToTable("fair_participant_facts");
        builder.HasKey(p => p.RegistrationId);
        builder.Property(p => p.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(p => p.EstablishmentName).HasMaxLength(300);
        builder.Property(p => p.District).HasMaxLength(100);
        builder.HasIndex(p => p.FairId);
    }
}

using KhuyenCong.Platform.Accounts;
using KhuyenCong.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Products.Data;

internal sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> builder)
    {
        builder.ToTable("competitions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Region).HasMaxLength(100);
        builder.Property(c => c.District).HasMaxLength(100);
        builder.Property(c => c.ScheduleDecisionNumber).HasMaxLength(64);
        builder.Property(c => c.PassThreshold).HasPrecision(5, 2);
        builder.Property(c => c.ResultsDecisionNumber).HasMaxLength(64);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.Year, c.Level });
        builder.HasIndex(c => new { c.District, c.Year });

        builder.HasMany(c => c.JuryMembers).WithOne().HasForeignKey(m => m.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Complaints).WithOne().HasForeignKey(c => c.CompetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JuryMemberConfiguration : IEntityTypeConfiguration<JuryMember>
{
    public void Configure(EntityTypeBuilder<JuryMember> builder)
    {
        builder.ToTable("jury_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserId).HasMaxLength(KnownAccounts.MaxUserIdLength);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Position).HasMaxLength(200);
    }
}

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.ToTable("entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(e => e.EstablishmentName).HasMaxLength(300);
        builder.Property(e => e.District).HasMaxLength(100);
        builder.Property(e => e.Group).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ProductName).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.LowerLevelCertificateNumber).HasMaxLength(32);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(e => e.CurrentScores);
        builder.HasIndex(e => e.EstablishmentTaxCode);
        builder.HasMany(e => e.Scores).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Conflicts).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.ToTable("scores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Market).HasPrecision(5, 2);
        builder.Property(s => s.Technical).HasPrecision(5, 2);
        builder.Property(s => s.Cultural).HasPrecision(5, 2);
        builder.Property(s => s.Other).HasPrecision(5, 2);
        builder.Ignore(s => s.Total);
        builder.Property(s => s.ScoredBy).HasMaxLength(KnownAccounts.MaxUserIdLength);
        builder.HasIndex(s => new { s.EntryId, s.Round, s.MemberId }).IsUnique();
    }
}

internal sealed class JuryConflictConfiguration : IEntityTypeConfiguration<JuryConflict>
{
    public void Configure(EntityTypeBuilder<JuryConflict> builder)
    {
        builder.ToTable("jury_conflicts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.DeclaredBy).HasMaxLength(KnownAccounts.MaxUserIdLength);
        builder.HasIndex(c => new { c.EntryId, c.MemberId }).IsUnique();
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Complainant).HasMaxLength(300);
        builder.Property(c => c.Content).HasMaxLength(4000);
        builder.Property(c => c.Answer).HasMaxLength(4000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AverageBefore).HasPrecision(5, 2);
        builder.Property(c => c.AverageAfter).HasPrecision(5, 2);
        builder.Ignore(c => c.IsPending);
        builder.Ignore(c => c.AnsweredLate);
        builder.HasIndex(c => c.EntryId);
    }
}

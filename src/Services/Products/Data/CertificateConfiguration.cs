using KhuyenCong.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Products.Data;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Group).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ProductName).HasMaxLength(300);
        builder.Property(c => c.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(c => c.EstablishmentName).HasMaxLength(300);
        builder.Property(c => c.District).HasMaxLength(100);
        builder.Property(c => c.AverageScore).HasPrecision(5, 2);
        builder.Property(c => c.RevocationReason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.Status, c.ExpiresOn });
        builder.HasIndex(c => c.EstablishmentTaxCode);
        builder.HasIndex(c => c.EntryId).IsUnique();
        builder.HasMany(c => c.HolderReports).WithOne().HasForeignKey(r => r.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolderReportConfiguration : IEntityTypeConfiguration<HolderReport>
{
    public void Configure(EntityTypeBuilder<HolderReport> builder)
    {
        builder.ToTable("certificate_holder_reports");
        builder.HasKey(r => new { r.CertificateId, r.Year });
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.Property(r => r.SupportResults).HasMaxLength(4000);
        builder.Property(r => r.ProductionAndBusiness).HasMaxLength(4000);
    }
}

internal sealed class DistrictRoundConfiguration : IEntityTypeConfiguration<DistrictRound>
{
    public void Configure(EntityTypeBuilder<DistrictRound> builder)
    {
        builder.ToTable("district_rounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        // One record per district and year, even when two officers record it at once.
        builder.HasIndex(r => new { r.District, r.Year }).IsUnique();
    }
}

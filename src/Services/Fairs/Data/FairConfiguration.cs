using System.Text.Json;
using System.Text.Json.Serialization;
using KhuyenCong.Fairs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Fairs.Data;

internal sealed class FairConfiguration : IEntityTypeConfiguration<Fair>
{
    public void Configure(EntityTypeBuilder<Fair> builder)
    {
        builder.ToTable("fairs");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Organiser).HasMaxLength(300);
        builder.Property(f => f.Venue).HasMaxLength(300);
        builder.Property(f => f.Country).HasMaxLength(100);
        builder.Property(f => f.Province).HasMaxLength(100);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.CreatedBy).HasMaxLength(200);
        builder.Property(f => f.AllocatedBy).HasMaxLength(200);
        builder.Property(f => f.CancellationReason).HasMaxLength(1000);
        builder.Property(f => f.RentShareCapPercent).HasPrecision(5, 2);
        builder.Property(f => f.RentShareCapLegalBasis).HasMaxLength(300);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasIndex(f => f.StartDate);
        builder.HasIndex(f => new { f.Status, f.StartDate });
        builder.Ignore(f => f.BoothsAllocated);
        builder.Ignore(f => f.WasPublished);
        builder.ComplexProperty(f => f.Policy, policy =>
        {
            policy.Property(p => p.RentSharePercent).HasColumnName("rent_share_percent").HasPrecision(5, 2);
            policy.Property(p => p.ExtraSupportPerParticipant).HasColumnName("extra_support_per_participant");
            policy.Property(p => p.ExtraCostsDescription).HasColumnName("extra_costs_description").HasMaxLength(1000);
        });
        builder.HasMany(f => f.Registrations).WithOne().HasForeignKey(r => r.FairId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Registrations).HasField("_registrations");
    }
}

internal sealed class FairRegistrationConfiguration : IEntityTypeConfiguration<FairRegistration>
{
    /// <summary>A reason as stored: its code and facts, the certificate level by name.</summary>
    private static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<FairRegistration> builder)
    {
        builder.ToTable("fair_registrations");
        builder.HasKey(r => r.Id);
        // Keys are made by the domain: a new row reached from its fair is an insert, not an update.
        builder.Property(r => r.Id).ValueGeneratedNever();
        // One registration per establishment per fair, even when two requests race.
        builder.HasIndex(r => new { r.FairId, r.TaxCode }).IsUnique();
        builder.HasIndex(r => r.TaxCode);
        builder.Property(r => r.TaxCode).HasMaxLength(14);
        builder.Property(r => r.EstablishmentName).HasMaxLength(300);
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CertificateNumber).HasMaxLength(64);
        builder.Property(r => r.RuleReason).HasColumnType("jsonb").HasConversion(
            reason => JsonSerializer.Serialize(reason, ReasonJson),
            json => JsonSerializer.Deserialize<AllocationReason>(json, ReasonJson));
        builder.Property(r => r.OverrideReason).HasMaxLength(1000);
        builder.Property(r => r.OverriddenBy).HasMaxLength(200);
        builder.ComplexProperty(r => r.Contact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("contact_name").HasMaxLength(200);
            contact.Property(c => c.Phone).HasColumnName("contact_phone").HasMaxLength(32);
            contact.Property(c => c.Email).HasColumnName("contact_email").HasMaxLength(200);
        });
        builder.OwnsOne(r => r.Outcome, outcome =>
        {
            outcome.Property(o => o.ContractsSigned).HasColumnName("contracts_signed");
            outcome.Property(o => o.ContractValue).HasColumnName("contract_value");
            outcome.Property(o => o.Sales).HasColumnName("sales");
            outcome.Property(o => o.Visitors).HasColumnName("visitors");
            outcome.Property(o => o.RecordedAt).HasColumnName("outcome_recorded_at");
            outcome.Property(o => o.RecordedBy).HasColumnName("outcome_recorded_by").HasMaxLength(200);
        });
    }
}

internal sealed class KnownCertificateConfiguration : IEntityTypeConfiguration<KnownCertificate>
{
    public void Configure(EntityTypeBuilder<KnownCertificate> builder)
    {
        builder.ToTable("known_certificates");
        builder.HasKey(c => c.CertificateId);
        builder.Property(c => c.CertificateId).ValueGeneratedNever();
        builder.Property(c => c.CertificateNumber).HasMaxLength(64);
        builder.Property(c => c.EstablishmentTaxCode).HasMaxLength(14);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ProductName).HasMaxLength(300);
        builder.HasIndex(c => c.EstablishmentTaxCode);
    }
}

internal sealed class FairSupportNormConfiguration : IEntityTypeConfiguration<FairSupportNorm>
{
    public void Configure(EntityTypeBuilder<FairSupportNorm> builder)
    {
        builder.ToTable("fair_support_norms");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.MaxRentSharePercent).HasPrecision(5, 2);
        builder.Property(n => n.LegalBasis).HasMaxLength(300);
        builder.Property(n => n.CreatedBy).HasMaxLength(200);
        // One norm per kind and day it takes effect, even when two admins enter it at once.
        builder.HasIndex(n => new { n.Kind, n.EffectiveFrom }).IsUnique();
        builder.HasData(FairSupportNormSeed.Rows);
    }
}

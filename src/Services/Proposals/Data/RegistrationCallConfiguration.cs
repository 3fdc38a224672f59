using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class RegistrationCallConfiguration : IEntityTypeConfiguration<RegistrationCall>
{
    public void Configure(EntityTypeBuilder<RegistrationCall> builder)
    {
        builder.ToTable("registration_calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FundingSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.PlanYear, c.FundingSource });
    }
}

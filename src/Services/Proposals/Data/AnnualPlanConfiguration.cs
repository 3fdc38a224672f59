using System.Text.Json;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> builder)
    {
        builder.ToTable("annual_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FundingSource).HasConversion<string>().HasMaxLength(16);
        // One plan per year and source: the row every compilation and approval of it locks.
        builder.HasIndex(p => new { p.PlanYear, p.FundingSource }).IsUnique();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.Current);
        builder.Ignore(p => p.Draft);
        builder.OwnsMany(p => p.Versions, version =>
        {
            version.ToTable("annual_plan_versions");
            version.WithOwner().HasForeignKey("PlanId");
            version.HasKey("PlanId", nameof(PlanVersion.Number));
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.Reason).HasMaxLength(1000);
            version.Property(v => v.CompiledBy).HasMaxLength(200);
            version.Property(v => v.DecisionNumber).HasMaxLength(64);
            version.Property(v => v.ApprovedBy).HasMaxLength(200);
            version.Ignore(v => v.IsApproved);
            version.Ignore(v => v.Total);
            // The list as it was compiled, kept whole with its version: a version is read and written as one.
            version.Property(v => v.Items).HasColumnType("jsonb").HasConversion(
                items => JsonSerializer.Serialize(items, JsonSerializerOptions.Web),
                json => (IReadOnlyList<PlanItem>)(JsonSerializer.Deserialize<List<PlanItem>>(json, JsonSerializerOptions.Web) ?? new List<PlanItem>()),
                new ValueComparer<IReadOnlyList<PlanItem>>(
                    (a, b) => a!.SequenceEqual(b!), c => c.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), c => c.ToList()));
        });
        builder.Navigation(p => p.Versions).HasField("_versions");
    }
}

using System.Globalization;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("establishments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TaxCode).HasMaxLength(14);
        builder.HasIndex(e => e.TaxCode).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.HasIndex(e => e.Name);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Sector).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.AdministrativeUnitCode).HasMaxLength(64);
        builder.HasIndex(e => e.AdministrativeUnitCode);
        builder.Property(e => e.District).HasMaxLength(100);
        builder.HasIndex(e => e.District);
        builder.Property(e => e.Address).HasMaxLength(500);
        builder.Property(e => e.Representative).HasMaxLength(200);
        builder.Property(e => e.Phone).HasMaxLength(20);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Version).IsRowVersion();
    }
}

/// <summary>
/// The province's administrative units, seeded from <c>Reference/quang-ninh-administrative-units.csv</c>
/// (the 13 district-level units to 30 June 2025 and the 54 commune-level units since 1 July 2025).
/// A change to the file takes a migration, so every database holds the same reference data.
/// </summary>
internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    /// <summary>Mountain, border and island districts (and the units formed from them) seeded as priority areas.</summary>
    private static readonly HashSet<string> PriorityDistricts = ["binh-lieu", "ba-che", "van-don", "co-to"];

    public void Configure(EntityTypeBuilder<AdministrativeUnit> builder)
    {
        builder.ToTable("administrative_units");
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.FormerDistrictCode).HasMaxLength(64);
        builder.Ignore(u => u.IsDistrictLevel);
        builder.Ignore(u => u.ValidityText);
        builder.HasMany(u => u.PriorityStatuses).WithOne().HasForeignKey(s => s.UnitCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.PriorityStatuses).HasField("_priorityStatuses").AutoInclude();
        builder.HasData(Seed());
    }

    /// <summary>The seeded units of the priority districts are priority areas from the first year they existed (2012 for the old districts).</summary>
    internal static IEnumerable<PriorityAreaStatus> SeedPriorityStatuses() =>
        Seed().Where(u => PriorityDistricts.Contains(u.FormerDistrictCode ?? u.Code)).Select((u, i) => PriorityAreaStatus.Create(
            new Guid($"00000000-0000-7000-8003-{i + 1:D12}"), u.Code, u.ValidFrom?.Year ?? 2012, true,
            "Nghị định 45/2012/NĐ-CP, Điều 6 (địa bàn miền núi, biên giới, hải đảo của tỉnh)", "Dữ liệu khởi tạo"));

    private static IEnumerable<AdministrativeUnit> Seed()
    {
        using var stream = typeof(AdministrativeUnitConfiguration).Assembly
            .GetManifestResourceStream("KhuyenCong.Proposals.Data.Reference.quang-ninh-administrative-units.csv")
            ?? throw new InvalidOperationException("The administrative-unit reference file is not embedded.");
        using var reader = new StreamReader(stream);
        var units = new List<AdministrativeUnit>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            var parent = f[3].Length == 0 ? null : f[3];
            units.Add(AdministrativeUnit.Create(f[0], f[1], Enum.Parse<AdministrativeUnitKind>(f[2]), parent, Date(f[4]), Date(f[5])));
        }
        return units;
    }

    private static DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);
}

internal sealed class SupportNormConfiguration : IEntityTypeConfiguration<SupportNorm>
{
    public void Configure(EntityTypeBuilder<SupportNorm> builder)
    {
        builder.ToTable("support_norms");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.FundingSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Activity).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.ShareOfCost).HasPrecision(5, 4);
        builder.Property(n => n.PriorityMultiplier).HasPrecision(3, 2);
        builder.Property(n => n.Unit).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.LegalBasis).HasMaxLength(300);
        builder.HasIndex(n => new { n.FundingSource, n.ContentGroup, n.Activity, n.EffectiveFrom }).IsUnique().AreNullsDistinct(false);
        builder.HasData(SupportNormSeed.All());
    }
}

internal sealed class ManagementCostNormConfiguration : IEntityTypeConfiguration<ManagementCostNorm>
{
    public void Configure(EntityTypeBuilder<ManagementCostNorm> builder)
    {
        builder.ToTable("management_cost_norms");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.MaxShare).HasPrecision(5, 4);
        builder.Property(n => n.LegalBasis).HasMaxLength(300);
        builder.HasIndex(n => n.EffectiveFrom).IsUnique();
        builder.HasData(SupportNormSeed.ManagementCost());
    }
}

internal sealed class AdvanceRateConfiguration : IEntityTypeConfiguration<AdvanceRate>
{
    public void Configure(EntityTypeBuilder<AdvanceRate> builder)
    {
        builder.ToTable("advance_rates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Activity).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Share).HasPrecision(5, 4);
        builder.Property(r => r.LegalBasis).HasMaxLength(300);
        builder.HasIndex(r => new { r.Activity, r.EffectiveFrom }).IsUnique().AreNullsDistinct(false);
        builder.HasData(SupportNormSeed.AdvanceRates());
    }
}

internal sealed class PriorityAreaStatusConfiguration : IEntityTypeConfiguration<PriorityAreaStatus>
{
    public void Configure(EntityTypeBuilder<PriorityAreaStatus> builder)
    {
        builder.ToTable("priority_area_statuses");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UnitCode).HasMaxLength(64);
        builder.Property(s => s.LegalBasis).HasMaxLength(300);
        builder.Property(s => s.RecordedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.UnitCode, s.FromYear }).IsUnique();
        builder.HasData(AdministrativeUnitConfiguration.SeedPriorityStatuses());
    }
}

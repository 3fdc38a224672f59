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
        builder.HasData(Seed());
    }

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
            units.Add(AdministrativeUnit.Create(
                f[0], f[1], Enum.Parse<AdministrativeUnitKind>(f[2]), parent, Date(f[4]), Date(f[5]),
                PriorityDistricts.Contains(parent ?? f[0])));
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
        builder.Property(n => n.LegalBasis).HasMaxLength(300);
        builder.HasIndex(n => new { n.FundingSource, n.ContentGroup, n.Activity, n.EffectiveFrom }).IsUnique().AreNullsDistinct(false);
        builder.HasData(SupportNormSeed.All());
    }
}

using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Platform.Establishments;

/// <summary>
/// A service's local copy of an establishment of the registry (owned by Proposals), kept from
/// <see cref="EstablishmentRegistered"/> and <see cref="EstablishmentUpdated"/>. It holds what other
/// services decide on (identity, unit, priority area, sector), not the contact details.
/// </summary>
public sealed class KnownEstablishment
{
    private KnownEstablishment() { }

    public Guid EstablishmentId { get; private set; }
    public int Revision { get; private set; }
    public string TaxCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public EstablishmentType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string AdministrativeUnitCode { get; private set; } = "";
    public string AdministrativeUnitName { get; private set; } = "";
    public string District { get; private set; } = "";
    public bool IsPriorityArea { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static KnownEstablishment From(EstablishmentSnapshot snapshot)
    {
        var copy = new KnownEstablishment { EstablishmentId = snapshot.EstablishmentId };
        copy.Apply(snapshot);
        return copy;
    }

    /// <summary>Takes the snapshot unless the copy already holds the same or a later revision.</summary>
    public bool Apply(EstablishmentSnapshot snapshot)
    {
        if (snapshot.Revision <= Revision)
        {
            return false;
        }
        Revision = snapshot.Revision;
        TaxCode = snapshot.TaxCode;
        Name = snapshot.Name;
        Type = snapshot.Type;
        Sector = snapshot.Sector;
        AdministrativeUnitCode = snapshot.AdministrativeUnitCode;
        AdministrativeUnitName = snapshot.AdministrativeUnitName;
        District = snapshot.District;
        IsPriorityArea = snapshot.IsPriorityArea;
        UpdatedAt = snapshot.OccurredAt;
        return true;
    }
}

/// <summary>Maps <see cref="KnownEstablishment"/>; a service applies it in OnModelCreating when it keeps the copy.</summary>
public sealed class KnownEstablishmentConfiguration : IEntityTypeConfiguration<KnownEstablishment>
{
    public void Configure(EntityTypeBuilder<KnownEstablishment> builder)
    {
        builder.ToTable("known_establishments");
        builder.HasKey(e => e.EstablishmentId);
        builder.HasIndex(e => e.TaxCode).IsUnique();
        builder.Property(e => e.TaxCode).HasMaxLength(14);
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Sector).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.AdministrativeUnitCode).HasMaxLength(64);
        builder.Property(e => e.AdministrativeUnitName).HasMaxLength(100);
        builder.Property(e => e.District).HasMaxLength(100);
    }
}

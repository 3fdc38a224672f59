using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;

namespace KhuyenCong.Proposals.Domain;

/// <summary>What an officer registers about an establishment.</summary>
public sealed record EstablishmentDetails(
    string TaxCode, string Name, EstablishmentType Type, Sector Sector, string Address,
    string Representative, string? Phone, string? Email, int Employees);

/// <summary>
/// A rural industrial establishment (cơ sở CNNT) in the registry, identified by its tax /
/// business-registration code. Its <see cref="Revision"/> grows with every change, so copies kept by
/// other services can tell a newer state from an older one.
/// </summary>
public sealed partial class Establishment
{
    private Establishment() { }

    public Guid Id { get; private set; }
    public string TaxCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public EstablishmentType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string AdministrativeUnitCode { get; private set; } = "";
    public string District { get; private set; } = "";
    public bool IsPriorityArea { get; private set; }
    public string Address { get; private set; } = "";
    public string Representative { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public int Employees { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    public int Revision { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>10 digits (enterprise or cooperative code), 13 with a branch suffix, or a household business's registration number.</summary>
    [GeneratedRegex(@"^(\d{10}(-\d{3})?|\d{2}[A-Z0-9]\d{6,9})$")]
    public static partial Regex TaxCodePattern();

    public static Establishment Register(EstablishmentDetails details, AdministrativeUnit unit, string district, DateOnly registeredOn, DateTimeOffset now)
    {
        var establishment = new Establishment { Id = Guid.CreateVersion7(), RegisteredOn = registeredOn };
        establishment.Apply(details, unit, district, registeredOn, now);
        return establishment;
    }

    /// <summary>Changes the details; the unit must exist on the day of the change (or of registration for a historic record).</summary>
    public void Update(EstablishmentDetails details, AdministrativeUnit unit, string district, DateOnly today, DateTimeOffset now)
    {
        var onDay = unit.Code == AdministrativeUnitCode ? RegisteredOn : today;
        Apply(details, unit, district, onDay, now);
    }

    private void Apply(EstablishmentDetails d, AdministrativeUnit unit, string district, DateOnly onDay, DateTimeOffset now)
    {
        if (!unit.IsValidOn(onDay))
        {
            throw new ProposalRuleException("administrative-unit-not-valid", RuleKind.Unprocessable,
                $"{unit.Name} ({unit.Code}) existed from {unit.ValidityText}, not on {onDay:yyyy-MM-dd}.");
        }
        if (d.Employees < 0)
        {
            throw new ProposalRuleException("invalid-employees", RuleKind.Unprocessable, "The number of employees cannot be negative.");
        }
        TaxCode = d.TaxCode;
        Name = d.Name;
        Type = d.Type;
        Sector = d.Sector;
        Address = d.Address;
        Representative = d.Representative;
        Phone = d.Phone;
        Email = d.Email;
        Employees = d.Employees;
        AdministrativeUnitCode = unit.Code;
        District = district;
        IsPriorityArea = unit.IsPriorityArea;
        Revision++;
        UpdatedAt = now;
    }
}

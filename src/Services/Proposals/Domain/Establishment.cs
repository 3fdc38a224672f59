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

    /// <summary>
    /// A tax code: 10 digits whose last is the official check digit (enterprise or cooperative), the same
    /// with a 3-digit branch suffix (0101234567-001), or a household business's registration number (22A8001234).
    /// Ten plain digits are always read as a tax code, so they must carry a valid check digit.
    /// </summary>
    public static bool IsTaxCode(string? code) => code is not null && (TaxCodeFormat().IsMatch(code)
        ? HasValidCheckDigit(code.AsSpan(0, 10))
        : HouseholdBusinessNumber().IsMatch(code));

    /// <summary>The check digit of a tax code's first nine digits, or null when no tenth digit makes them valid.</summary>
    public static int? CheckDigitOf(ReadOnlySpan<char> nineDigits)
    {
        ReadOnlySpan<int> weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (nineDigits[i] - '0') * weights[i];
        }
        var check = 10 - sum % 11;
        return check == 10 ? null : check;
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> tenDigits) => CheckDigitOf(tenDigits[..9]) == tenDigits[9] - '0';

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex TaxCodeFormat();

    [GeneratedRegex(@"^\d{2}[A-Z0-9]\d{6,9}$")]
    private static partial Regex HouseholdBusinessNumber();

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
                $"{unit.Name} ({unit.Code}) existed from {unit.ValidityText}, not on {onDay:yyyy-MM-dd}.")
            {
                Vietnamese = $"{unit.Name} ({unit.Code}) tồn tại {unit.ValidityTextVietnamese}, không còn vào ngày {onDay:dd/MM/yyyy}.",
            };
        }
        if (d.Employees < 0)
        {
            throw new ProposalRuleException("invalid-employees", RuleKind.Unprocessable, "The number of employees cannot be negative.")
            {
                Vietnamese = "Số lao động không được âm.",
            };
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
        IsPriorityArea = unit.IsPriorityAreaIn(onDay.Year);
        Revision++;
        UpdatedAt = now;
    }
}

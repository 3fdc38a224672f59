namespace KhuyenCong.Proposals.Domain;

public enum AdministrativeUnitKind
{
    /// <summary>Thành phố (city under the province).</summary>
    City = 1,
    /// <summary>Thị xã.</summary>
    Town = 2,
    /// <summary>Huyện.</summary>
    District = 3,
    /// <summary>Phường.</summary>
    Ward = 4,
    /// <summary>Xã.</summary>
    Commune = 5,
    /// <summary>Đặc khu.</summary>
    SpecialZone = 6,
}

/// <summary>
/// An administrative unit of the province with the dates it existed. Until 30 June 2025 records name a
/// district-level unit; since 1 July 2025 they name a commune-level unit, which keeps the district it
/// was formed from so that reports can put old and new records side by side.
/// </summary>
public sealed class AdministrativeUnit
{
    private readonly List<PriorityAreaStatus> _priorityStatuses = [];

    private AdministrativeUnit() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AdministrativeUnitKind Kind { get; private set; }
    /// <summary>For a post-2025 commune-level unit, the district-level unit it was (mostly) formed from.</summary>
    public string? FormerDistrictCode { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    /// <summary>Whether the unit is a priority area (support caps may rise 1.5×), by plan year, with the decision behind each change.</summary>
    public IReadOnlyList<PriorityAreaStatus> PriorityStatuses => _priorityStatuses;

    public bool IsDistrictLevel => Kind is AdministrativeUnitKind.City or AdministrativeUnitKind.Town or AdministrativeUnitKind.District;

    public static AdministrativeUnit Create(
        string code, string name, AdministrativeUnitKind kind, string? formerDistrictCode, DateOnly? validFrom, DateOnly? validTo)
    {
        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            throw new ProposalRuleException("invalid-validity", RuleKind.Unprocessable, $"Unit {code} cannot end ({validTo:yyyy-MM-dd}) before it begins ({validFrom:yyyy-MM-dd}).")
            {
                Vietnamese = $"Đơn vị {code} không thể kết thúc ({validTo:dd/MM/yyyy}) trước khi bắt đầu ({validFrom:dd/MM/yyyy}).",
            };
        }
        return new AdministrativeUnit
        {
            Code = code,
            Name = name,
            Kind = kind,
            FormerDistrictCode = formerDistrictCode,
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
    }

    public void Update(string name, DateOnly? validTo)
    {
        if (ValidFrom is not null && validTo is not null && validTo < ValidFrom)
        {
            throw new ProposalRuleException("invalid-validity", RuleKind.Unprocessable, $"Unit {Code} cannot end ({validTo:yyyy-MM-dd}) before it begins ({ValidFrom:yyyy-MM-dd}).")
            {
                Vietnamese = $"Đơn vị {Code} không thể kết thúc ({validTo:dd/MM/yyyy}) trước khi bắt đầu ({ValidFrom:dd/MM/yyyy}).",
            };
        }
        Name = name;
        ValidTo = validTo;
    }

    public bool IsPriorityAreaIn(int year) => PriorityAreaStatus.IsPriorityAreaIn(_priorityStatuses, Code, year);

    /// <summary>Records from which plan year the unit is (or stops being) a priority area, and the decision that says so.</summary>
    public PriorityAreaStatus SetPriorityArea(int fromYear, bool isPriorityArea, string legalBasis, string recordedBy)
    {
        if (_priorityStatuses.Any(s => s.FromYear == fromYear))
        {
            throw new ProposalRuleException("duplicate-priority-status", RuleKind.Conflict,
                $"Unit {Code} already has a priority-area status from {fromYear}; record a change from another year.")
            {
                Vietnamese = $"Đơn vị {Code} đã có trạng thái địa bàn ưu tiên từ năm {fromYear}.",
                LegalBasis = Basis.Priority,
            };
        }
        var status = PriorityAreaStatus.Create(Guid.CreateVersion7(), Code, fromYear, isPriorityArea, legalBasis, recordedBy);
        _priorityStatuses.Add(status);
        return status;
    }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);

    /// <summary>Whether the unit existed on any day of <paramref name="year"/>.</summary>
    public bool ExistedIn(int year) => (ValidFrom is null || ValidFrom.Value.Year <= year) && (ValidTo is null || ValidTo.Value.Year >= year);

    public string ValidityText => $"{(ValidFrom is { } f ? f.ToString("yyyy-MM-dd") : "…")} to {(ValidTo is { } t ? t.ToString("yyyy-MM-dd") : "today")}";

    /// <summary>The validity in the words of a Vietnamese refusal.</summary>
    public string ValidityTextVietnamese => $"từ {(ValidFrom is { } f ? f.ToString("dd/MM/yyyy") : "…")} đến {(ValidTo is { } t ? t.ToString("dd/MM/yyyy") : "nay")}";
}

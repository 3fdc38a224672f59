using KhuyenCong.Platform.Time;

namespace KhuyenCong.Fairs.Domain;

public enum AllocationStatus
{
    /// <summary>The allocation has not run yet.</summary>
    Pending = 1,
    Allocated = 2,
    WaitListed = 3,
}

/// <summary>Who to call about a registration; personal data, shown only in the registration's details.</summary>
public sealed record RegistrationContact(string Name, string Phone, string? Email);

/// <summary>The establishment a registration is for, as the local copy of the registry knows it.</summary>
public sealed record RegisteringEstablishment(Guid EstablishmentId, string TaxCode, string Name, string District, bool IsPriorityArea);

/// <summary>What a participant reported after the fair.</summary>
public sealed record FairOutcome(int ContractsSigned, long ContractValue, long Sales, int Visitors, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// An establishment's registration for a fair: the products it will show, the booths it wants, and,
/// once the allocation has run, its result with the reason, any officer's override, and its outcome.
/// </summary>
public sealed class FairRegistration
{
    private FairRegistration() { }

    public Guid Id { get; private set; }
    public Guid FairId { get; private set; }
    public Guid EstablishmentId { get; private set; }
    public string TaxCode { get; private set; } = "";
    public string EstablishmentName { get; private set; } = "";
    public string District { get; private set; } = "";
    public bool IsPriorityArea { get; private set; }
    public string[] Products { get; private set; } = [];
    public int BoothsWanted { get; private set; }
    public RegistrationContact Contact { get; private set; } = new("", "", null);
    public DateTimeOffset RegisteredAt { get; private set; }

    public AllocationStatus Status { get; private set; } = AllocationStatus.Pending;
    public int BoothsAllocated { get; private set; }
    /// <summary>Place in the allocation order (1 = served first); kept when an officer overrides the result.</summary>
    public int? AllocationPosition { get; private set; }
    public int? PriorityRank { get; private set; }
    public string? CertificateNumber { get; private set; }
    /// <summary>What the allocation rule decided and why.</summary>
    public AllocationReason? RuleReason { get; private set; }
    public long Support { get; private set; }
    public bool IsOverridden { get; private set; }
    public string? OverrideReason { get; private set; }
    public string? OverriddenBy { get; private set; }
    public DateTimeOffset? OverriddenAt { get; private set; }
    public FairOutcome? Outcome { get; private set; }

    internal static FairRegistration Create(Guid fairId, RegisteringEstablishment establishment, string[] products, int boothsWanted,
        RegistrationContact contact, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            FairId = fairId,
            EstablishmentId = establishment.EstablishmentId,
            TaxCode = establishment.TaxCode,
            EstablishmentName = establishment.Name,
            District = establishment.District,
            IsPriorityArea = establishment.IsPriorityArea,
            Products = products,
            BoothsWanted = boothsWanted,
            Contact = contact,
            RegisteredAt = now,
        };

    /// <summary>Takes the registry's current facts, which the allocation decides on.</summary>
    internal void Refresh(RegisteringEstablishment establishment)
    {
        EstablishmentName = establishment.Name;
        District = establishment.District;
        IsPriorityArea = establishment.IsPriorityArea;
    }

    internal void ApplyRule(AllocationResult result, long support)
    {
        SetBooths(result.BoothsAllocated, support);
        AllocationPosition = result.Position;
        PriorityRank = result.PriorityRank;
        CertificateNumber = result.CertificateNumber;
        RuleReason = result.Reason;
    }

    internal void Override(int booths, long support, string reason, DateTimeOffset now, string actedBy)
    {
        SetBooths(booths, support);
        IsOverridden = true;
        OverrideReason = reason;
        OverriddenBy = actedBy;
        OverriddenAt = now;
    }

    internal void RecordOutcome(FairOutcome outcome) => Outcome = outcome;

    private void SetBooths(int booths, long support)
    {
        BoothsAllocated = booths;
        Status = booths > 0 ? AllocationStatus.Allocated : AllocationStatus.WaitListed;
        Support = support;
    }
}

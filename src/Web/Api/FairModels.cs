namespace KhuyenCong.Web.Api;

// The shapes of the Fairs service.

public enum FairStatus { Draft = 1, OpenForRegistration = 2, RegistrationClosed = 3, Allocated = 4, Held = 5, Closed = 6, Cancelled = 7 }

public enum AllocationStatus { Pending = 1, Allocated = 2, WaitListed = 3 }

public sealed class FairRequest
{
    public string? Name { get; set; }
    public FairKind? Kind { get; set; }
    public string? Organiser { get; set; }
    public string? Venue { get; set; }
    public string? Country { get; set; }
    public string? Province { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? RegistrationDeadline { get; set; }
    public int? BoothCount { get; set; }
    public long? BoothRent { get; set; }
    public decimal? RentSharePercent { get; set; }
}

/// <summary>The share covered and the cap of the norm it was checked against (none without a norm).</summary>
public sealed record SupportPolicy(decimal RentSharePercent, long ExtraSupportPerParticipant, string ExtraCostsDescription,
    decimal? RentShareCapPercent = null, string? RentShareCapLegalBasis = null);

public sealed record Fair(
    Guid Id, string Name, FairKind Kind, string Organiser, string Venue, string Country, string? Province,
    DateOnly StartDate, DateOnly EndDate, DateOnly RegistrationDeadline, int BoothCount, long BoothRent,
    SupportPolicy Policy, FairStatus Status, IReadOnlyList<FairStatus> NextStatuses, int Registrations, int BoothsWanted, int BoothsAllocated,
    DateTimeOffset CreatedAt, string? CancellationReason, FairOutcomeTotals Totals);

public sealed record FairSummary(
    Guid Id, string Name, FairKind Kind, string Organiser, string Country, string? Province, DateOnly StartDate, DateOnly EndDate,
    DateOnly RegistrationDeadline, int BoothCount, long BoothRent, decimal RentSharePercent, FairStatus Status, int Registrations);

public sealed class ContactRequest
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}
public sealed class RegistrationRequest
{
    public string? EstablishmentTaxCode { get; set; }
    public List<string> Products { get; set; } = [];
    public int? BoothsWanted { get; set; }
    public ContactRequest Contact { get; set; } = new();
}
public sealed class FairOutcomeRequest
{
    public int? ContractsSigned { get; set; }
    public long? ContractValue { get; set; }
    public long? Sales { get; set; }
    public int? Visitors { get; set; }
}
public sealed record FairOutcome(int ContractsSigned, long ContractValue, long Sales, int Visitors, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record FairRegistration(
    Guid Id, Guid FairId, string EstablishmentTaxCode, string EstablishmentName, string District, bool IsPriorityArea,
    IReadOnlyList<string> Products, int BoothsWanted, DateTimeOffset RegisteredAt, AllocationStatus Status, int BoothsAllocated,
    int? AllocationPosition, int? PriorityRank, int? WaitListPosition, string? CertificateNumber, string? Reason, bool IsOverridden,
    long Support, FairOutcome? Outcome);

/// <summary>What registering and recording an outcome answer: the registration within its details.</summary>
public sealed record FairRegistrationDetails(FairRegistration Registration);

/// <summary>An establishment's registration with the fair it is for (its home page).</summary>
public sealed record EstablishmentFairRegistration(
    Guid FairId, string FairName, DateOnly StartDate, DateOnly EndDate, FairStatus FairStatus, FairRegistration Registration);

public sealed record Allocation(
    Guid FairId, FairStatus Status, string Rule, DateOnly CertificatesJudgedOn, int BoothCount, int BoothsAllocated, int BoothsLeft,
    DateTimeOffset? AllocatedAt, int AllocationRevision, IReadOnlyList<FairRegistration> Results);

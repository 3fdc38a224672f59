using KhuyenCong.Fairs.Domain;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// A fair as an officer writes it. The share of booth rent is at most the cap of the norm of its kind in force on
/// its start date, and defaults to that cap (none when no norm applies).
/// </summary>
public sealed record FairRequest
{
    public string? Name { get; init; }
    public FairKind? Kind { get; init; }
    public string? Organiser { get; init; }
    /// <summary>The exhibition centre or, for an online fair, the platform.</summary>
    public string? Venue { get; init; }
    /// <summary>Defaults to Việt Nam for a domestic or online fair.</summary>
    public string? Country { get; init; }
    /// <summary>Required for a domestic fair.</summary>
    public string? Province { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>The last calendar day (in the province) on which establishments can register.</summary>
    public DateOnly? RegistrationDeadline { get; init; }
    public int? BoothCount { get; init; }
    /// <summary>Rent of one booth for the whole fair, VND.</summary>
    public long? BoothRent { get; init; }
    /// <summary>Share of booth rent covered, 0–100 %, at most the norm's cap; defaults to the cap.</summary>
    public decimal? RentSharePercent { get; init; }
    /// <summary>Other supported costs per participating establishment, VND; defaults to 0.</summary>
    public long? ExtraSupportPerParticipant { get; init; }
    public string? ExtraCostsDescription { get; init; }
}

public sealed record ReasonRequest(string? Reason);

public sealed record ContactRequest(string? Name, string? Phone, string? Email);

/// <summary>
/// An establishment's registration. <c>ReceivedOn</c>, when given, is the day the Centre received the form,
/// recorded after the fact: not in the future, not after the deadline; the allocation orders it by that day.
/// </summary>
public sealed record RegistrationRequest(
    string? EstablishmentTaxCode, IReadOnlyList<string>? Products, int? BoothsWanted, ContactRequest? Contact, DateOnly? ReceivedOn = null);

/// <summary>The day the fair was published, when it is recorded after the fact (not in the future, not after the deadline).</summary>
public sealed record PublishRequest(DateOnly? PublishedOn);

/// <summary>The day the fair took place, when it is recorded after the fact (not in the future, not before the start date).</summary>
public sealed record HeldRequest(DateOnly? HeldOn);

public sealed record AllocationOverrideRequest(int? Booths, string? Reason);

public sealed record OutcomeRequest(int? ContractsSigned, long? ContractValue, long? Sales, int? Visitors);

/// <summary>The fair's support: the share covered and the cap it was checked against (none without a norm), with its legal basis.</summary>
public sealed record SupportPolicyResponse(decimal RentSharePercent, long ExtraSupportPerParticipant, string ExtraCostsDescription,
    decimal? RentShareCapPercent = null, DateOnly? RentShareCapEffectiveFrom = null, string? RentShareCapLegalBasis = null);

/// <summary>A new row of the norms table: the highest share of booth rent covered for a kind of fair from a day on, and the text that sets it.</summary>
public sealed record SupportNormRequest(FairKind? Kind, DateOnly? EffectiveFrom, decimal? MaxRentSharePercent, string? LegalBasis);

public sealed record SupportNormResponse(
    Guid Id, FairKind Kind, DateOnly EffectiveFrom, decimal MaxRentSharePercent, string LegalBasis, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static SupportNormResponse From(FairSupportNorm n) =>
        new(n.Id, n.Kind, n.EffectiveFrom, n.MaxRentSharePercent, n.LegalBasis, n.CreatedAt, n.CreatedBy);
}

public sealed record FairResponse(
    Guid Id, string Name, FairKind Kind, string Organiser, string Venue, string Country, string? Province,
    DateOnly StartDate, DateOnly EndDate, DateOnly RegistrationDeadline, int BoothCount, long BoothRent,
    SupportPolicyResponse Policy, FairStatus Status, IReadOnlyList<FairStatus> NextStatuses,
    int Registrations, int BoothsWanted, int BoothsAllocated,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? RegistrationClosedAt, DateTimeOffset? AllocatedAt,
    DateTimeOffset? HeldAt, DateTimeOffset? ClosedAt, DateTimeOffset? CancelledAt, string? CancellationReason, OutcomeTotals Totals)
{
    public static FairResponse From(Fair f) => new(
        f.Id, f.Name, f.Kind, f.Organiser, f.Venue, f.Country, f.Province, f.StartDate, f.EndDate, f.RegistrationDeadline,
        f.BoothCount, f.BoothRent, new SupportPolicyResponse(f.Policy.RentSharePercent, f.Policy.ExtraSupportPerParticipant, f.Policy.ExtraCostsDescription,
            f.RentShareCapPercent, f.RentShareCapEffectiveFrom, f.RentShareCapLegalBasis),
        f.Status, FairLifecycle.NextFrom(f.Status), f.Registrations.Count, f.Registrations.Sum(r => r.BoothsWanted), f.BoothsAllocated,
        f.CreatedAt, f.PublishedAt, f.RegistrationClosedAt, f.AllocatedAt, f.HeldAt, f.ClosedAt, f.CancelledAt, f.CancellationReason, f.Totals());
}

public sealed record FairSummary(
    Guid Id, string Name, FairKind Kind, string Organiser, string Country, string? Province, DateOnly StartDate, DateOnly EndDate,
    DateOnly RegistrationDeadline, int BoothCount, long BoothRent, decimal RentSharePercent, FairStatus Status, int Registrations);


public sealed record OutcomeResponse(int ContractsSigned, long ContractValue, long Sales, int Visitors, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A registration without its contact person: what lists and the allocation show.</summary>
public sealed record RegistrationSummary(
    Guid Id, Guid FairId, string EstablishmentTaxCode, string EstablishmentName, string District, bool IsPriorityArea,
    IReadOnlyList<string> Products, int BoothsWanted, DateTimeOffset RegisteredAt,
    AllocationStatus Status, int BoothsAllocated, int? AllocationPosition, int? PriorityRank, int? WaitListPosition,
    string? CertificateNumber, string? Reason, bool IsOverridden, long Support, OutcomeResponse? Outcome)
{
    /// <summary>A registration's summary; its reason in English when <paramref name="english"/>, otherwise in Vietnamese.</summary>
    public static RegistrationSummary From(FairRegistration r, int? waitListPosition, bool english) => new(
        r.Id, r.FairId, r.TaxCode, r.EstablishmentName, r.District, r.IsPriorityArea, r.Products, r.BoothsWanted, r.RegisteredAt,
        r.Status, r.BoothsAllocated, r.AllocationPosition, r.PriorityRank, waitListPosition, r.CertificateNumber, AllocationTexts.ReasonOf(r, english),
        r.IsOverridden, r.Support,
        r.Outcome is { } o ? new OutcomeResponse(o.ContractsSigned, o.ContractValue, o.Sales, o.Visitors, o.RecordedAt, o.RecordedBy) : null);

    /// <summary>The summaries of a fair's registrations in allocation order (registration order before it runs), with wait-list places.</summary>
    public static IReadOnlyList<RegistrationSummary> AllOf(Fair fair, bool english)
    {
        var ordered = fair.Registrations.OrderBy(r => r.AllocationPosition ?? int.MaxValue).ThenBy(r => r.RegisteredAt).ThenBy(r => r.TaxCode, StringComparer.Ordinal).ToList();
        var waitList = ordered.Where(r => r.Status == AllocationStatus.WaitListed).Select((r, i) => (r.Id, Place: i + 1)).ToDictionary(x => x.Id, x => x.Place);
        return ordered.Select(r => From(r, waitList.TryGetValue(r.Id, out var place) ? place : null, english)).ToList();
    }
}

/// <summary>An establishment's registration with the fair it is for.</summary>
public sealed record EstablishmentRegistration(
    Guid FairId, string FairName, DateOnly StartDate, DateOnly EndDate, FairStatus FairStatus, RegistrationSummary Registration);

public sealed record ContactResponse(string Name, string Phone, string? Email);

/// <summary>
/// A registration with its contact person (personal data): shown only on the registration itself, and only
/// to the Centre's officers and to the establishment or district officer whose registration it is; null
/// for roles that read every registration without acting for it (leaders, appraisers).
/// </summary>
public sealed record RegistrationDetails(RegistrationSummary Registration, ContactResponse? Contact, string? OverrideReason, string? OverriddenBy, DateTimeOffset? OverriddenAt, string? RuleReason);

public sealed record AllocationResponse(
    Guid FairId, FairStatus Status, string Rule, DateOnly CertificatesJudgedOn, int BoothCount, int BoothsAllocated, int BoothsLeft,
    DateTimeOffset? AllocatedAt, int AllocationRevision, IReadOnlyList<RegistrationSummary> Results)
{
    /// <summary>The fair's figures with the <paramref name="results"/> the caller may see, the rule in the caller's language.</summary>
    public static AllocationResponse From(Fair f, IReadOnlyList<RegistrationSummary> results, bool english) => new(
        f.Id, f.Status, AllocationTexts.Rule(english), f.StartDate, f.BoothCount, f.BoothsAllocated, f.BoothCount - f.BoothsAllocated,
        f.AllocatedAt, f.AllocationRevision, results);
}

public sealed record OutcomesResponse(Guid FairId, FairStatus Status, OutcomeTotals Totals, IReadOnlyList<RegistrationSummary> Participants)
{
    /// <summary>The fair's totals with the participants among the <paramref name="registrations"/> the caller may see.</summary>
    public static OutcomesResponse From(Fair f, IReadOnlyList<RegistrationSummary> registrations) => new(
        f.Id, f.Status, f.Totals(), registrations.Where(r => r.BoothsAllocated > 0).ToList());
}

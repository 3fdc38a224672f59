namespace KhuyenCong.Contracts.Fairs;

/// <summary>The kinds of trade-promotion fair; the kind decides the default share of booth rent covered.</summary>
public enum FairKind
{
    /// <summary>A domestic fair organised by the khuyến công programme (100 % of booth rent by default).</summary>
    DomesticProgramme = 1,
    /// <summary>A domestic fair organised by others (80 % of booth rent by default).</summary>
    OtherDomestic = 2,
    /// <summary>A fair or exhibition abroad (100 % of booth rent by default).</summary>
    Overseas = 3,
    /// <summary>An online fair (virtual booths; 100 % of booth rent by default).</summary>
    Online = 4,
}

/// <summary>What every fair event says about the fair itself, so that no consumer calls back.</summary>
public sealed record FairProfile
{
    public required string Name { get; init; }
    public required FairKind Kind { get; init; }
    public required string Organiser { get; init; }
    public required string Venue { get; init; }
    public required string Country { get; init; }
    public string? Province { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required DateOnly RegistrationDeadline { get; init; }
    public required int BoothCount { get; init; }
    /// <summary>Rent of one booth for the whole fair, VND.</summary>
    public required long BoothRent { get; init; }
    /// <summary>Share of booth rent the programme covers, in percent (0–100).</summary>
    public required decimal RentSharePercent { get; init; }
    /// <summary>Other supported costs per participating establishment (travel, transport of goods...), VND.</summary>
    public required long ExtraSupportPerParticipant { get; init; }
}

/// <summary>A fair was published and is open for registration.</summary>
public sealed record FairScheduled
{
    public required Guid FairId { get; init; }
    public required FairProfile Fair { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>
/// The allocation result of one registration: allocated booths or a place on the wait list, with the
/// reason and the computed support. Sent for every registration when the allocation runs and again when
/// an officer overrides a result; <see cref="AllocationRevision"/> grows with each, so a consumer keeps
/// the highest it has seen for a registration.
/// </summary>
public sealed record BoothAllocated
{
    public required Guid FairId { get; init; }
    public required FairProfile Fair { get; init; }
    public required Guid RegistrationId { get; init; }
    public required int AllocationRevision { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required string EstablishmentName { get; init; }
    public required string District { get; init; }
    public required bool IsPriorityArea { get; init; }
    /// <summary>The valid typical-product certificate that gave priority, if any.</summary>
    public string? CertificateNumber { get; init; }
    public required int BoothsWanted { get; init; }
    public required int BoothsAllocated { get; init; }
    public required bool IsWaitListed { get; init; }
    /// <summary>1 = valid typical-product certificate, 2 = priority area, 3 = others.</summary>
    public required int PriorityRank { get; init; }
    public required string Reason { get; init; }
    public required bool IsManualOverride { get; init; }
    /// <summary>Booths allocated × booth rent × share covered, rounded down, plus the extra supported costs; VND.</summary>
    public required long Support { get; init; }
    public required DateTimeOffset AllocatedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>The figures one participant reported after the fair.</summary>
public sealed record ParticipantOutcome
{
    public required Guid RegistrationId { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required string EstablishmentName { get; init; }
    public required string District { get; init; }
    public required bool IsPriorityArea { get; init; }
    public required int BoothsAllocated { get; init; }
    public required long Support { get; init; }
    public required int ContractsSigned { get; init; }
    public required long ContractValue { get; init; }
    public required long Sales { get; init; }
    public required int Visitors { get; init; }
}

/// <summary>The fair's totals over its participants (establishments with booths allocated).</summary>
public sealed record FairOutcomeTotals
{
    public required int Participants { get; init; }
    /// <summary>Participants whose outcome has been recorded so far.</summary>
    public required int ParticipantsReported { get; init; }
    public required int Booths { get; init; }
    public required int ContractsSigned { get; init; }
    public required long ContractValue { get; init; }
    public required long Sales { get; init; }
    public required int Visitors { get; init; }
    public required long TotalSupport { get; init; }
}

/// <summary>
/// A participant's outcome was recorded (or corrected) after the fair, with the fair's totals as they
/// now stand. <see cref="OutcomeRevision"/> grows with every outcome recorded for the fair: the totals of
/// the highest revision are the current ones.
/// </summary>
public sealed record FairOutcomeRecorded
{
    public required Guid FairId { get; init; }
    public required FairProfile Fair { get; init; }
    public required int OutcomeRevision { get; init; }
    public required ParticipantOutcome Participant { get; init; }
    public required FairOutcomeTotals Totals { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>An establishment registered for a published fair (its booths are allocated after the registration deadline).</summary>
public sealed record FairRegistrationReceived
{
    public required Guid FairId { get; init; }
    public required Guid RegistrationId { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required int BoothsWanted { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A published fair was cancelled; its registrations and allocations no longer count.</summary>
public sealed record FairCancelled
{
    public required Guid FairId { get; init; }
    public required FairProfile Fair { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
    public string? ActedBy { get; init; }
}

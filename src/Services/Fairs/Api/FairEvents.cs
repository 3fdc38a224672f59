using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Fairs.Domain;

namespace KhuyenCong.Fairs.Api;

/// <summary>Maps the domain to the integration events other services rely on.</summary>
internal static class FairEvents
{
    public static FairProfile Profile(Fair f) => new()
    {
        Name = f.Name,
        Kind = (Contracts.Fairs.FairKind)f.Kind,
        Organiser = f.Organiser,
        Venue = f.Venue,
        Country = f.Country,
        Province = f.Province,
        StartDate = f.StartDate,
        EndDate = f.EndDate,
        RegistrationDeadline = f.RegistrationDeadline,
        BoothCount = f.BoothCount,
        BoothRent = f.BoothRent,
        RentSharePercent = f.Policy.RentSharePercent,
        ExtraSupportPerParticipant = f.Policy.ExtraSupportPerParticipant,
    };

    public static FairScheduled Scheduled(Fair f, string actedBy) => new()
    {
        FairId = f.Id,
        Fair = Profile(f),
        ScheduledAt = f.PublishedAt!.Value,
        ActedBy = actedBy,
    };

    public static BoothAllocated Allocated(Fair f, FairRegistration r, DateTimeOffset at, string actedBy) => new()
    {
        FairId = f.Id,
        Fair = Profile(f),
        RegistrationId = r.Id,
        AllocationRevision = f.AllocationRevision,
        EstablishmentTaxCode = r.TaxCode,
        EstablishmentName = r.EstablishmentName,
        District = r.District,
        IsPriorityArea = r.IsPriorityArea,
        CertificateNumber = r.CertificateNumber,
        BoothsWanted = r.BoothsWanted,
        BoothsAllocated = r.BoothsAllocated,
        IsWaitListed = r.Status == AllocationStatus.WaitListed,
        PriorityRank = r.PriorityRank ?? 3,
        // Events are the platform's contract in English; screens build their own language from the codes.
        Reason = AllocationTexts.ReasonOf(r, english: true) ?? "",
        IsManualOverride = r.IsOverridden,
        Support = r.Support,
        AllocatedAt = at,
        ActedBy = actedBy,
    };

    public static FairOutcomeRecorded OutcomeRecorded(Fair f, FairRegistration r, string actedBy)
    {
        var outcome = r.Outcome!;
        var totals = f.Totals();
        return new FairOutcomeRecorded
        {
            FairId = f.Id,
            Fair = Profile(f),
            OutcomeRevision = f.OutcomeRevision,
            Participant = new ParticipantOutcome
            {
                RegistrationId = r.Id,
                EstablishmentTaxCode = r.TaxCode,
                EstablishmentName = r.EstablishmentName,
                District = r.District,
                IsPriorityArea = r.IsPriorityArea,
                BoothsAllocated = r.BoothsAllocated,
                Support = r.Support,
                ContractsSigned = outcome.ContractsSigned,
                ContractValue = outcome.ContractValue,
                Sales = outcome.Sales,
                Visitors = outcome.Visitors,
            },
            Totals = new FairOutcomeTotals
            {
                Participants = totals.Participants,
                ParticipantsReported = totals.ParticipantsReported,
                Booths = totals.Booths,
                ContractsSigned = totals.ContractsSigned,
                ContractValue = totals.ContractValue,
                Sales = totals.Sales,
                Visitors = totals.Visitors,
                TotalSupport = totals.TotalSupport,
            },
            RecordedAt = outcome.RecordedAt,
            ActedBy = actedBy,
        };
    }

    public static FairRegistrationReceived RegistrationReceived(Fair f, FairRegistration r, string actedBy) => new()
    {
        FairId = f.Id,
        RegistrationId = r.Id,
        EstablishmentTaxCode = r.TaxCode,
        BoothsWanted = r.BoothsWanted,
        RegisteredAt = r.RegisteredAt,
        ActedBy = actedBy,
    };

    public static FairCancelled Cancelled(Fair f, string actedBy) => new()
    {
        FairId = f.Id,
        Fair = Profile(f),
        Reason = f.CancellationReason!,
        CancelledAt = f.CancelledAt!.Value,
        ActedBy = actedBy,
    };
}

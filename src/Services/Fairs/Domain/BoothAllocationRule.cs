using KhuyenCong.Platform.Time;

namespace KhuyenCong.Fairs.Domain;

/// <summary>One registration as the allocation rule sees it.</summary>
public sealed record AllocationCandidate(
    Guid RegistrationId,
    string TaxCode,
    int BoothsWanted,
    DateTimeOffset RegisteredAt,
    bool IsPriorityArea,
    string District,
    IReadOnlyList<KnownCertificate> Certificates);

/// <summary>What the rule decided for one registration, and why.</summary>
public sealed record AllocationResult(
    Guid RegistrationId,
    int Position,
    int PriorityRank,
    int BoothsAllocated,
    string? CertificateNumber,
    AllocationReason Reason)
{
    public bool IsWaitListed => BoothsAllocated == 0;
}

/// <summary>
/// The booth allocation rule. Registrations are put in one order and served from the top until the
/// booths run out:
/// <list type="number">
/// <item>priority 1: the establishment holds a typical-product certificate valid on the fair's start date (issued by then,
/// not revoked, not expired, expiring on or after that day);</item>
/// <item>priority 2: the establishment is in a priority area (disadvantaged, highland, island, border...);</item>
/// <item>priority 3: everyone else;</item>
/// </list>
/// within a priority, the earlier registration first, and for the same instant the lower tax code
/// (ordinal), so that the order never depends on chance. Each registration gets the booths it wanted
/// while enough remain; the registration that meets the last booths gets what remains (a partial
/// allocation, never skipped in favour of a smaller request further down); everyone after it is
/// wait-listed in the same order.
/// </summary>
public static class BoothAllocationRule
{

    public static IReadOnlyList<AllocationResult> Allocate(int boothCount, DateOnly certificateValidOn, IEnumerable<AllocationCandidate> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(boothCount);
        var ranked = candidates
            .Select(c => (Candidate: c, Certificate: KnownCertificate.BestValid(c.Certificates, certificateValidOn)))
            .Select(x => (x.Candidate, x.Certificate, Rank: x.Certificate is not null ? 1 : x.Candidate.IsPriorityArea ? 2 : 3))
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Candidate.RegisteredAt)
            .ThenBy(x => x.Candidate.TaxCode, StringComparer.Ordinal)
            .ToList();

        var remaining = boothCount;
        var results = new List<AllocationResult>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var (candidate, certificate, rank) = ranked[i];
            var tied = ranked.Count(x => x.Rank == rank && x.Candidate.RegisteredAt == candidate.RegisteredAt) > 1;
            var booths = Math.Min(candidate.BoothsWanted, remaining);
            remaining -= booths;
            var code = booths == candidate.BoothsWanted ? AllocationReason.Allocated
                : booths > 0 ? AllocationReason.PartlyAllocated
                : AllocationReason.WaitListed;
            var reason = new AllocationReason(code, booths, candidate.BoothsWanted, boothCount, rank, certificate?.Level, certificate?.CertificateNumber,
                candidate.IsPriorityArea ? candidate.District : null, ProvinceCalendar.FormatTimestamp(candidate.RegisteredAt), tied, i + 1);
            results.Add(new AllocationResult(candidate.RegistrationId, i + 1, rank, booths, certificate?.CertificateNumber, reason));
        }
        return results;
    }
}

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
    string Reason)
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
    public const string Description =
        "Booths go in one order until they run out: priority 1 = holds a typical-product certificate valid on the fair's start date, " +
        "priority 2 = in a priority area, priority 3 = others; within a priority the earlier registration first, and for the same " +
        "registration time the lower tax code. Each gets the booths wanted while enough remain; the one meeting the last booths gets " +
        "what remains; the rest are wait-listed in the same order.";

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
            var why = Why(candidate, certificate, rank, i + 1, tied);
            var booths = Math.Min(candidate.BoothsWanted, remaining);
            remaining -= booths;
            var reason = booths == candidate.BoothsWanted
                ? $"Allocated {Booths(booths)}: {why}."
                : booths > 0
                    ? $"Allocated {booths} of {Booths(candidate.BoothsWanted)} wanted, the last {Booths(booths)} left: {why}."
                    : $"Wait-listed: all {Booths(boothCount)} went to registrations ahead in the order; {why}.";
            results.Add(new AllocationResult(candidate.RegistrationId, i + 1, rank, booths, certificate?.CertificateNumber, reason));
        }
        return results;
    }

    private static string Why(AllocationCandidate c, KnownCertificate? certificate, int rank, int position, bool tied)
    {
        var priority = rank switch
        {
            1 => $"holds valid {certificate!.Level.ToString().ToLowerInvariant()} certificate {certificate.CertificateNumber}" +
                 (c.IsPriorityArea ? $", in priority area {c.District}" : "") + " (priority 1)",
            2 => $"no valid typical-product certificate, in priority area {c.District} (priority 2)",
            _ => "no valid typical-product certificate, not in a priority area (priority 3)",
        };
        var tie = tied ? ", same registration time as another of this priority, ordered by tax code" : "";
        return $"{priority}, registered {ProvinceCalendar.FormatTimestamp(c.RegisteredAt)}{tie}, {Ordinal(position)} in the allocation order";
    }

    private static string Booths(int n) => n == 1 ? "1 booth" : $"{n} booths";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}

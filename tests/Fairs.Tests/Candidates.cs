using KhuyenCong.Fairs.Domain;

namespace KhuyenCong.Fairs.Tests;

/// <summary>Registrations and certificates for the domain tests, on a fair that starts on <see cref="FairStart"/>.</summary>
internal static class Candidates
{
    public static readonly DateOnly FairStart = new(2026, 6, 10);

    /// <summary>10:15 local time (UTC+7) on 2 March 2026, plus <paramref name="minutes"/>.</summary>
    public static DateTimeOffset At(int minutes = 0) => new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(7)).AddMinutes(minutes);

    public static AllocationCandidate Candidate(string taxCode, int booths = 1, int minutes = 0, bool priorityArea = false,
        params KnownCertificate[] certificates) =>
        new(Guid.NewGuid(), taxCode, booths, At(minutes), priorityArea, priorityArea ? "Bình Liêu" : "Hạ Long", certificates);

    public static KnownCertificate Certificate(string taxCode, string number = "22/2025/CN-TB", CertificateLevel level = CertificateLevel.Provincial,
        DateOnly? expiresOn = null)
    {
        var certificate = KnownCertificate.Identify(Guid.NewGuid(), number, taxCode, level);
        certificate.Recognize("Chè Đường Hoa", new DateOnly(2025, 11, 1), expiresOn ?? new DateOnly(2028, 12, 31));
        return certificate;
    }
}

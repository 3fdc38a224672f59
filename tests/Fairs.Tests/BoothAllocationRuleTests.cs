using KhuyenCong.Fairs.Api;
using KhuyenCong.Fairs.Domain;
using Xunit;
using static KhuyenCong.Fairs.Tests.Candidates;

namespace KhuyenCong.Fairs.Tests;

public sealed class BoothAllocationRuleTests
{
    private static Dictionary<string, AllocationResult> Allocate(int booths, params AllocationCandidate[] candidates)
    {
        var results = BoothAllocationRule.Allocate(booths, FairStart, candidates);
        return candidates.ToDictionary(c => c.TaxCode, c => results.Single(r => r.RegistrationId == c.RegistrationId));
    }

    [Fact]
    public void Certificate_holders_go_first_then_priority_areas_then_everyone_else()
    {
        var results = Allocate(10,
            Candidate("5700000001", minutes: 0),
            Candidate("5700000002", minutes: 10, priorityArea: true),
            Candidate("5700000003", minutes: 20, certificates: Certificate("5700000003")));

        Assert.Equal((1, 1), (results["5700000003"].Position, results["5700000003"].PriorityRank));
        Assert.Equal((2, 2), (results["5700000002"].Position, results["5700000002"].PriorityRank));
        Assert.Equal((3, 3), (results["5700000001"].Position, results["5700000001"].PriorityRank));
    }

    [Fact]
    public void A_certificate_holder_in_a_priority_area_is_priority_1_and_both_are_cited()
    {
        var result = Allocate(5, Candidate("5700000001", priorityArea: true, certificates: Certificate("5700000001")))["5700000001"];
        Assert.Equal(1, result.PriorityRank);
        Assert.Contains("certificate 22/2025/CN-TB, in priority area Bình Liêu (priority 1)", English(result.Reason));
    }

    [Fact]
    public void Within_a_priority_the_earlier_registration_goes_first()
    {
        var results = Allocate(1,
            Candidate("5700000001", minutes: 30, priorityArea: true),
            Candidate("5700000009", minutes: 5, priorityArea: true));

        Assert.Equal(1, results["5700000009"].BoothsAllocated);
        Assert.True(results["5700000001"].IsWaitListed);
    }

    [Fact]
    public void The_same_registration_time_is_broken_by_tax_code_and_the_reason_says_so()
    {
        var results = Allocate(1, Candidate("5700000002"), Candidate("5700000001"));

        Assert.Equal(1, results["5700000001"].BoothsAllocated);
        Assert.True(results["5700000002"].IsWaitListed);
        Assert.Contains("same registration time as another of this priority, ordered by tax code", English(results["5700000001"].Reason));
        Assert.Contains("same registration time as another of this priority, ordered by tax code", English(results["5700000002"].Reason));
    }

    [Fact]
    public void A_tie_is_only_mentioned_when_there_is_one()
    {
        var results = Allocate(2, Candidate("5700000001"), Candidate("5700000002", minutes: 1));
        Assert.DoesNotContain("same registration time", English(results["5700000001"].Reason));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_registrations_are_given_in()
    {
        var a = Candidate("5700000003", booths: 2, minutes: 1);
        var b = Candidate("5700000001", booths: 2);
        var c = Candidate("5700000002", booths: 2, priorityArea: true, minutes: 9);
        var forwards = BoothAllocationRule.Allocate(3, FairStart, [a, b, c]);
        var backwards = BoothAllocationRule.Allocate(3, FairStart, [c, b, a]);
        Assert.Equal(forwards, backwards);
    }

    [Fact]
    public void Booths_are_never_allocated_beyond_capacity_and_the_rest_are_wait_listed()
    {
        var candidates = Enumerable.Range(1, 8).Select(i => Candidate($"57000000{i:D2}", booths: 2, minutes: i)).ToArray();

        var results = BoothAllocationRule.Allocate(7, FairStart, candidates);

        Assert.Equal(7, results.Sum(r => r.BoothsAllocated));
        Assert.Equal([2, 2, 2, 1, 0, 0, 0, 0], results.OrderBy(r => r.Position).Select(r => r.BoothsAllocated));
        Assert.All(results.Where(r => r.IsWaitListed), r => Assert.StartsWith("Wait-listed: all 7 booths went to registrations ahead in the order", English(r.Reason)));
    }

    [Fact]
    public void The_registration_meeting_the_last_booths_gets_what_remains_and_is_told_so()
    {
        var results = Allocate(3, Candidate("5700000001", booths: 2), Candidate("5700000002", booths: 3, minutes: 1));

        Assert.Equal(1, results["5700000002"].BoothsAllocated);
        Assert.StartsWith("Allocated 1 of 3 booths wanted, the last 1 booth left:", English(results["5700000002"].Reason));
    }

    [Fact]
    public void A_smaller_request_further_down_does_not_jump_ahead_once_the_booths_are_gone()
    {
        var results = Allocate(3, Candidate("5700000001", booths: 3), Candidate("5700000002", booths: 2, minutes: 1), Candidate("5700000003", booths: 1, minutes: 2));

        Assert.Equal(3, results["5700000001"].BoothsAllocated);
        Assert.True(results["5700000002"].IsWaitListed);
        Assert.True(results["5700000003"].IsWaitListed);
    }

    [Fact]
    public void A_late_registration_loses_to_earlier_ones_of_its_priority_but_not_to_lower_priorities()
    {
        var results = Allocate(2,
            Candidate("5700000001", minutes: 0),
            Candidate("5700000002", minutes: 1),
            Candidate("5700000003", minutes: 60 * 24 * 30, certificates: Certificate("5700000003")));

        Assert.Equal(1, results["5700000003"].BoothsAllocated);
        Assert.Equal(1, results["5700000001"].BoothsAllocated);
        Assert.True(results["5700000002"].IsWaitListed);
    }

    [Fact]
    public void A_revoked_certificate_gives_no_priority()
    {
        var revoked = Certificate("5700000002");
        revoked.Revoke(new DateOnly(2026, 1, 15));

        var results = Allocate(1, Candidate("5700000001"), Candidate("5700000002", minutes: 1, certificates: revoked));

        Assert.Equal(3, results["5700000002"].PriorityRank);
        Assert.Null(results["5700000002"].CertificateNumber);
        Assert.True(results["5700000002"].IsWaitListed);
    }

    [Fact]
    public void A_certificate_revoked_before_its_recognition_arrived_stays_revoked()
    {
        var certificate = KnownCertificate.Identify(Guid.NewGuid(), "22/2025/CN-TB", "5700000002", CertificateLevel.Provincial);
        certificate.Revoke(new DateOnly(2026, 1, 15));
        certificate.Recognize("Chè Đường Hoa", new DateOnly(2025, 11, 1), new DateOnly(2028, 12, 31));

        Assert.False(certificate.IsValidOn(FairStart));
        Assert.Equal(3, Allocate(1, Candidate("5700000002", certificates: certificate))["5700000002"].PriorityRank);
    }

    [Fact]
    public void A_certificate_that_expires_before_the_fair_starts_gives_no_priority()
    {
        var results = Allocate(1,
            Candidate("5700000001"),
            Candidate("5700000002", certificates: Certificate("5700000002", expiresOn: FairStart.AddDays(-1))));

        Assert.Equal(3, results["5700000002"].PriorityRank);
        Assert.Equal(1, results["5700000001"].BoothsAllocated);
    }

    [Fact]
    public void A_certificate_valid_until_the_fairs_first_day_still_counts()
    {
        var result = Allocate(1, Candidate("5700000002", certificates: Certificate("5700000002", expiresOn: FairStart)))["5700000002"];
        Assert.Equal(1, result.PriorityRank);
    }

    [Fact]
    public void A_certificate_issued_after_the_fair_started_gives_no_priority_to_a_fair_recorded_after_the_fact()
    {
        var later = KnownCertificate.Identify(Guid.NewGuid(), "SPTB-T-2027-001", "5700000002", CertificateLevel.Provincial);
        later.Recognize("Chè Đường Hoa", FairStart.AddDays(1), new DateOnly(2029, 12, 31));
        var onTheDay = KnownCertificate.Identify(Guid.NewGuid(), "SPTB-T-2026-001", "5700000003", CertificateLevel.Provincial);
        onTheDay.Recognize("Chè Đường Hoa", FairStart, new DateOnly(2028, 12, 31));

        var results = Allocate(2, Candidate("5700000002", certificates: later), Candidate("5700000003", certificates: onTheDay));

        Assert.Equal((3, 1), (results["5700000002"].PriorityRank, results["5700000003"].PriorityRank));
    }

    [Fact]
    public void A_certificate_marked_expired_gives_no_priority_whatever_its_date()
    {
        var expired = Certificate("5700000002");
        expired.Expire(new DateOnly(2025, 12, 31));
        Assert.Equal(3, Allocate(1, Candidate("5700000002", certificates: expired))["5700000002"].PriorityRank);
    }

    [Fact]
    public void The_highest_level_valid_certificate_is_the_one_cited()
    {
        var result = Allocate(1, Candidate("5700000001", certificates:
        [
            Certificate("5700000001", "05/2024/CN-H", CertificateLevel.District),
            Certificate("5700000001", "12/2025/CN-KV", CertificateLevel.Regional),
        ]))["5700000001"];
        Assert.Equal("12/2025/CN-KV", result.CertificateNumber);
        Assert.Contains("holds valid regional certificate 12/2025/CN-KV", English(result.Reason));
    }

    [Fact]
    public void The_reason_reads_as_an_officer_would_write_it()
    {
        var results = Allocate(2,
            Candidate("5700000001", booths: 2, certificates: Certificate("5700000001")),
            Candidate("5700000002", booths: 1, minutes: 5));

        Assert.Equal(
            "Allocated 2 booths: holds valid provincial certificate 22/2025/CN-TB (priority 1), registered 2026-03-02 10:15, 1st in the allocation order.",
            English(results["5700000001"].Reason));
        Assert.Equal(
            "Wait-listed: all 2 booths went to registrations ahead in the order; no valid typical-product certificate, not in a priority area (priority 3), registered 2026-03-02 10:20, 2nd in the allocation order.",
            English(results["5700000002"].Reason));
    }

    [Fact]
    public void No_registrations_allocate_nothing()
    {
        Assert.Empty(BoothAllocationRule.Allocate(10, FairStart, []));
    }

    /// <summary>A reason as the English reader gets it.</summary>
    private static string English(AllocationReason reason) => AllocationTexts.Sentence(reason, english: true);
}

using KhuyenCong.Products.Domain;
using Xunit;
using static KhuyenCong.Products.Tests.DomainFixtures;

namespace KhuyenCong.Products.Tests;

public sealed class CompetitionScheduleTests
{
    [Theory]
    [InlineData(RecognitionLevel.District, 2025)]
    [InlineData(RecognitionLevel.Provincial, 2027)]
    [InlineData(RecognitionLevel.Regional, 2026)]
    [InlineData(RecognitionLevel.National, 2024)]
    public void A_round_in_its_levels_usual_years_needs_no_decision(RecognitionLevel level, int year)
    {
        var competition = Competition.Create("Bình chọn", level, year, level == RecognitionLevel.Regional ? "Miền Bắc" : null,
            new DateOnly(year, 3, 1), new DateOnly(year, 3, 31), Now, DistrictOf(level));
        Assert.Null(competition.ScheduleDecisionNumber);
    }

    [Theory]
    [InlineData(RecognitionLevel.District, 2026, "Điều 14 khoản 1 điểm a", "năm lẻ")]
    [InlineData(RecognitionLevel.Provincial, 2024, "Điều 14 khoản 1 điểm a", "năm lẻ")]
    [InlineData(RecognitionLevel.Regional, 2025, "Điều 14 khoản 2 điểm a", "năm chẵn")]
    [InlineData(RecognitionLevel.National, 2027, "Điều 14 khoản 2 điểm a", "năm chẵn")]
    public void A_round_in_the_other_years_without_the_authoritys_decision_is_refused_citing_art_14(
        RecognitionLevel level, int year, string article, string usual)
    {
        var refusal = Assert.Throws<ProductRuleException>(() => Competition.Create("Bình chọn", level, year,
            level == RecognitionLevel.Regional ? "Miền Bắc" : null, new DateOnly(year, 3, 1), new DateOnly(year, 3, 31), Now, DistrictOf(level)));
        Assert.Equal(CompetitionSchedule.RuleCode, refusal.Code);
        Assert.Equal(RuleKind.Unprocessable, refusal.Kind);
        Assert.Equal($"Thông tư 26/2014/TT-BCT, {article}", refusal.LegalBasis);
        Assert.Contains(usual, refusal.Vietnamese);
        Assert.Contains(year.ToString(), refusal.Message);
    }

    [Fact]
    public void A_round_in_the_other_years_with_the_authoritys_decision_is_held_and_records_it()
    {
        var decision = new ScheduleDecision("1850/QĐ-BCT", new DateOnly(2024, 12, 20));
        var competition = Competition.Create("Bình chọn khu vực", RecognitionLevel.Regional, 2025, "Miền Bắc",
            new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), Now, null, decision);
        Assert.Equal(("1850/QĐ-BCT", new DateOnly(2024, 12, 20)), (competition.ScheduleDecisionNumber, competition.ScheduleDecisionDate!.Value));
    }

    [Fact]
    public void A_district_round_names_its_district_and_other_levels_keep_none()
    {
        Assert.Equal("district-required", Assert.Throws<ProductRuleException>(() => Competition.Create("Bình chọn", RecognitionLevel.District, 2025,
            null, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), Now, " ")).Code);
        Assert.Equal("Hải Hà", NewCompetition(RecognitionLevel.District).District);
        Assert.Null(Competition.Create("Bình chọn", RecognitionLevel.Provincial, 2025, null,
            new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), Now, "Hải Hà").District);
    }
}

public sealed class DistrictRoundTests
{
    private static readonly DateOnly ReceivedOn = new(2025, 3, 5);
    private static readonly DistrictRoundHeld HaiHa2024 = new("Hải Hà", 2024, new DateOnly(2024, 4, 1), "Bình chọn cấp huyện Hải Hà 2024");

    [Theory]
    [InlineData(2023, "2023-04-01", false)]
    [InlineData(2024, "2024-04-01", true)]
    [InlineData(2025, "2025-03-05", true)]
    [InlineData(2025, "2025-03-06", false)]
    public void The_round_of_the_provincial_rounds_cycle_held_by_the_entry_date_binds_it(int roundYear, string heldOn, bool binds) =>
        Assert.Equal(binds, DistrictRoundCycle.Binds(2025, ReceivedOn, roundYear, DateOnly.Parse(heldOn)));

    [Fact]
    public void A_provincial_entry_from_a_district_that_held_no_round_needs_no_district_certificate()
    {
        var competition = OpenWithEntries(7);
        var entry = competition.RegisterEntry(Establishment, ProductGroup.Handicrafts, "Gốm", "Mô tả", ReceivedOn, null, null, Now);
        Assert.Null(entry.LowerLevelCertificateNumber);
    }

    [Fact]
    public void A_provincial_entry_from_a_district_that_held_a_round_without_its_certificate_is_refused_citing_art_12()
    {
        var competition = OpenWithEntries(7);
        var refusal = Assert.Throws<ProductRuleException>(() =>
            competition.RegisterEntry(Establishment, ProductGroup.Handicrafts, "Gốm", "Mô tả", ReceivedOn, null, null, Now, HaiHa2024));
        Assert.Equal(LowerLevelPrerequisite.RuleCode, refusal.Code);
        Assert.Equal("Thông tư 26/2014/TT-BCT, Điều 12 khoản 2 điểm b và d", refusal.LegalBasis);
        Assert.Contains("Hải Hà held a district round in 2024", refusal.Message);
        Assert.Contains("cấp huyện", refusal.Vietnamese);
        Assert.Empty(competition.Entries);
    }

    [Fact]
    public void A_provincial_entry_from_a_district_that_held_a_round_is_accepted_with_its_valid_district_certificate()
    {
        var district = IssuedCertificate(RecognitionLevel.District, new DateOnly(2024, 6, 1));
        var competition = OpenWithEntries(7);
        var entry = competition.RegisterEntry(Establishment, ProductGroup.Handicrafts, "Gốm", "Mô tả", ReceivedOn, district, district.Number, Now, HaiHa2024);
        Assert.Equal(district.Number, entry.LowerLevelCertificateNumber);
    }

    [Fact]
    public void A_provincial_certificate_does_not_stand_for_the_district_one()
    {
        var provincial = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2023, 6, 1));
        var refusal = Assert.Throws<ProductRuleException>(() => LowerLevelPrerequisite.Check(RecognitionLevel.Provincial, Establishment.TaxCode,
            ReceivedOn, provincial, provincial.Number, HaiHa2024));
        Assert.Contains("requires a District one", refusal.Message);
    }

    [Fact]
    public void A_record_of_a_round_is_dated_within_its_year()
    {
        Assert.Equal("district-round-date-outside-year", Assert.Throws<ProductRuleException>(() =>
            DistrictRound.Record("Hải Hà", 2024, new DateOnly(2025, 1, 1), "Hồ sơ giấy", "officer", Now)).Code);
        Assert.Equal(2024, DistrictRound.Record("Hải Hà", 2024, new DateOnly(2024, 12, 31), "Hồ sơ giấy", "officer", Now).Year);
    }
}

public sealed class CertificateStatusTests
{
    [Fact]
    public void A_certificate_reads_valid_on_its_last_day_and_expired_the_next_without_the_job()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(new DateOnly(2027, 12, 31)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusOn(new DateOnly(2028, 1, 1)));
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
    }

    [Fact]
    public void A_revoked_certificate_reads_revoked_before_and_after_its_expiry()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        certificate.Revoke("Vi phạm", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1));
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(new DateOnly(2026, 2, 1)));
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void A_certificate_past_its_last_day_cannot_be_revoked_though_no_job_marked_it()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        certificate.Revoke("Vi phạm", new DateOnly(2027, 12, 31), new DateOnly(2027, 12, 31));
        var expired = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        var refusal = Assert.Throws<ProductRuleException>(() => expired.Revoke("Vi phạm", new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 1)));
        Assert.Equal("illegal-transition", refusal.Code);
        Assert.Contains("Điều 17 khoản 3", refusal.LegalBasis);
        Assert.Equal(CertificateStatus.Valid, expired.Status);
    }
}

public sealed class HolderReportRuleTests
{
    private static Certificate Issued2025() => IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));

    [Fact]
    public void A_report_on_a_year_not_begun_is_refused_and_this_years_is_taken()
    {
        var certificate = Issued2025();
        var refusal = Assert.Throws<ProductRuleException>(() =>
            certificate.RecordHolderReport(2026, Report(), new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31), Now));
        Assert.Equal("report-year-in-future", refusal.Code);
        Assert.Equal(HolderReport.LegalBasis, refusal.LegalBasis);
        certificate.RecordHolderReport(2026, Report(), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), Now);
    }

    [Fact]
    public void A_report_dated_before_its_year_began_is_refused()
    {
        var certificate = Issued2025();
        Assert.Equal("report-before-year", Assert.Throws<ProductRuleException>(() =>
            certificate.RecordHolderReport(2026, Report(), new DateOnly(2025, 12, 31), new DateOnly(2026, 2, 1), Now)).Code);
    }

    [Fact]
    public void The_report_keeps_what_art_22_asks()
    {
        var report = Issued2025().RecordHolderReport(2025, Report(900_000_000, 18), new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10), Now);
        Assert.Equal(("Được hỗ trợ tham gia hội chợ tỉnh", "Sản xuất ổn định, mở rộng thị trường", 900_000_000L, 18),
            (report.SupportResults, report.ProductionAndBusiness, report.Revenue, report.Employees));
    }

    [Fact]
    public void Each_year_of_the_validity_is_owed_once_it_is_over_until_reported()
    {
        var certificate = Issued2025();
        Assert.Empty(certificate.YearsOwed(new DateOnly(2025, 12, 31)));
        Assert.Equal([2025], certificate.YearsOwed(new DateOnly(2026, 1, 1)));
        Assert.Equal([2025, 2026, 2027], certificate.YearsOwed(new DateOnly(2030, 1, 1)));
        certificate.RecordHolderReport(2026, Report(), new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 5), Now);
        Assert.Equal([2025], certificate.YearsOwed(new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void A_revoked_certificate_owes_the_years_before_its_revocation_only()
    {
        var certificate = Issued2025();
        certificate.Revoke("Vi phạm", new DateOnly(2026, 5, 12), new DateOnly(2026, 5, 12));
        Assert.Equal([2025], certificate.YearsOwed(new DateOnly(2028, 6, 1)));
    }

    [Fact]
    public void A_report_is_overdue_from_the_day_after_the_day_the_province_set()
    {
        var deadline = new HolderReportDeadline(3, 31, "Quyết định của UBND tỉnh");
        Assert.Equal(new DateOnly(2026, 3, 31), deadline.DueOn(2025));
        Assert.Equal(new DateOnly(2029, 2, 28), new HolderReportDeadline(2, 29, null).DueOn(2028));
        Assert.Null(new HolderReportDeadline(null, null, null).DueOn(2025));
    }
}

public sealed class RefusalTextTests
{
    [Fact]
    public void A_dossier_outside_the_registration_window_is_refused_in_vietnamese_citing_art_15()
    {
        var competition = OpenWithEntries(7);
        var refusal = Assert.Throws<ProductRuleException>(() => competition.RegisterEntry(Establishment, ProductGroup.Handicrafts, "Gốm", "Mô tả",
            new DateOnly(2025, 4, 1), null, null, Now));
        Assert.Equal(("outside-registration-window", "Thông tư 26/2014/TT-BCT, Điều 15 khoản 1"), (refusal.Code, refusal.LegalBasis));
        Assert.Contains("01/04/2025", refusal.Vietnamese);
    }

    [Fact]
    public void A_complaint_after_15_working_days_is_refused_in_vietnamese_citing_art_20()
    {
        var competition = Scoring(7, "Chè");
        ScoreAll(competition, competition.EntryNamed("Chè"), 60);
        competition.PublishResults(new DateOnly(2025, 3, 10), "01/QĐ", [], NoHolidays, Now);
        var refusal = Assert.Throws<ProductRuleException>(() => competition.FileComplaint(competition.EntryNamed("Chè").Id, "HTX", "Xem lại",
            new DateOnly(2025, 4, 1), NoHolidays, Now));
        Assert.Equal(("complaint-window-closed", "Thông tư 26/2014/TT-BCT, Điều 20 khoản 1"), (refusal.Code, refusal.LegalBasis));
        Assert.Contains("15 ngày làm việc", refusal.Vietnamese);
    }
}

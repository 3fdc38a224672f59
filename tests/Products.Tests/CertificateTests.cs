using KhuyenCong.Products.Domain;
using Xunit;
using static KhuyenCong.Products.Tests.DomainFixtures;

namespace KhuyenCong.Products.Tests;

public sealed class CertificateTests
{
    [Theory]
    [InlineData("2024-01-02", "2026-12-31")]
    [InlineData("2024-12-31", "2026-12-31")]
    [InlineData("2025-06-30", "2027-12-31")]
    [InlineData("2028-02-29", "2030-12-31")]
    public void A_certificate_expires_on_31_december_of_the_third_year_counting_the_year_of_issue(string issued, string expires) =>
        Assert.Equal(DateOnly.Parse(expires), Certificate.ExpiryFor(DateOnly.Parse(issued)));

    [Fact]
    public void An_issued_certificate_carries_the_level_product_holder_and_both_dates()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        Assert.Equal(RecognitionLevel.Provincial, certificate.Level);
        Assert.Equal("Chè Đường Hoa", certificate.ProductName);
        Assert.Equal("5700100256", certificate.EstablishmentTaxCode);
        Assert.Equal("Hải Hà", certificate.District);
        Assert.Equal(80m, certificate.AverageScore);
        Assert.Equal(new DateOnly(2027, 12, 31), certificate.ExpiresOn);
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
    }

    [Fact]
    public void A_certificate_expires_the_day_after_its_expiry_date_and_only_once()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        Assert.False(certificate.ExpireIfDue(new DateOnly(2027, 12, 31), Now));
        Assert.True(certificate.ExpireIfDue(new DateOnly(2028, 1, 1), Now));
        Assert.Equal(CertificateStatus.Expired, certificate.Status);
        Assert.False(certificate.ExpireIfDue(new DateOnly(2028, 1, 2), Now));
    }

    [Fact]
    public void A_revoked_certificate_cannot_be_revoked_again_nor_expire()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        certificate.Revoke("Vi phạm an toàn thực phẩm", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1));
        Assert.Equal("illegal-transition", Assert.Throws<ProductRuleException>(() =>
            certificate.Revoke("again", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2))).Code);
        Assert.False(certificate.ExpireIfDue(new DateOnly(2028, 1, 1), Now));
        Assert.False(certificate.IsValidOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Holders_report_once_a_year_within_the_validity()
    {
        var certificate = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        var today = new DateOnly(2026, 1, 16);
        certificate.RecordHolderReport(2025, Report(), new DateOnly(2026, 1, 15), today, Now);
        Assert.Equal("report-already-recorded", Assert.Throws<ProductRuleException>(() =>
            certificate.RecordHolderReport(2025, Report(1, 1), new DateOnly(2026, 1, 16), today, Now)).Code);
        Assert.Equal("report-year-outside-validity", Assert.Throws<ProductRuleException>(() =>
            certificate.RecordHolderReport(2028, Report(1, 1), new DateOnly(2026, 1, 16), today, Now)).Code);
    }
}

public sealed class LowerLevelPrerequisiteTests
{
    private static readonly DateOnly EntryDate = new(2026, 3, 5);

    [Theory]
    [InlineData(RecognitionLevel.District)]
    [InlineData(RecognitionLevel.Provincial)]
    public void District_and_provincial_entries_need_no_certificate(RecognitionLevel level) =>
        LowerLevelPrerequisite.Check(level, Establishment.TaxCode, EntryDate, null, null);

    [Fact]
    public void A_regional_entry_without_a_certificate_is_refused() =>
        AssertRefused(RecognitionLevel.Regional, null, null, "none was given");

    [Fact]
    public void A_regional_entry_with_an_unknown_number_is_refused() =>
        AssertRefused(RecognitionLevel.Regional, null, "SPTB-T-2025-999", "holds no certificate with the number given");

    [Fact]
    public void A_regional_entry_with_a_valid_provincial_certificate_is_accepted()
    {
        var provincial = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        LowerLevelPrerequisite.Check(RecognitionLevel.Regional, Establishment.TaxCode, EntryDate, provincial, provincial.Number);
    }

    [Fact]
    public void A_national_entry_needs_the_regional_certificate_not_the_provincial_one()
    {
        var provincial = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        AssertRefused(RecognitionLevel.National, provincial, provincial.Number, "a National entry requires a Regional one");
        var regional = IssuedCertificate(RecognitionLevel.Regional, new DateOnly(2025, 9, 1));
        LowerLevelPrerequisite.Check(RecognitionLevel.National, Establishment.TaxCode, EntryDate, regional, regional.Number);
    }

    [Fact]
    public void Another_establishments_certificate_is_refused_as_if_it_did_not_exist()
    {
        var theirs = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30), new EstablishmentProfile("5700999999", "Cơ sở khác", "Cẩm Phả"));

        var refusedTheirs = Assert.Throws<ProductRuleException>(() =>
            LowerLevelPrerequisite.Check(RecognitionLevel.Regional, Establishment.TaxCode, EntryDate, theirs, theirs.Number));
        var refusedNone = Assert.Throws<ProductRuleException>(() =>
            LowerLevelPrerequisite.Check(RecognitionLevel.Regional, Establishment.TaxCode, EntryDate, null, theirs.Number));

        Assert.Equal((refusedNone.Code, refusedNone.Kind, refusedNone.Message), (refusedTheirs.Code, refusedTheirs.Kind, refusedTheirs.Message));
        Assert.DoesNotContain("5700999999", refusedTheirs.Message);
    }

    [Fact]
    public void A_revoked_certificate_is_refused()
    {
        var provincial = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2025, 6, 30));
        provincial.Revoke("Vi phạm", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10));
        AssertRefused(RecognitionLevel.Regional, provincial, provincial.Number, "revoked");
    }

    [Fact]
    public void A_certificate_expired_on_the_entry_date_is_refused()
    {
        // Issued in 2023, valid until 31 December 2025: an entry of 5 March 2026 comes too late.
        var provincial = IssuedCertificate(RecognitionLevel.Provincial, new DateOnly(2023, 6, 30));
        AssertRefused(RecognitionLevel.Regional, provincial, provincial.Number, "expired on 2025-12-31");
        LowerLevelPrerequisite.Check(RecognitionLevel.Regional, Establishment.TaxCode, new DateOnly(2025, 12, 31), provincial, provincial.Number);
    }

    private static void AssertRefused(RecognitionLevel level, Certificate? certificate, string? number, string reason)
    {
        var refusal = Assert.Throws<ProductRuleException>(() =>
            LowerLevelPrerequisite.Check(level, Establishment.TaxCode, EntryDate, certificate, number));
        Assert.Equal("lower-level-certificate-required", refusal.Code);
        Assert.Contains(reason, refusal.Message);
    }
}

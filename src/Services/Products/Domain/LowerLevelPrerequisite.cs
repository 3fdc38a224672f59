namespace KhuyenCong.Products.Domain;

/// <summary>
/// The certificate of the level below an entry must present (Art. 12): a provincial entry the valid district
/// certificate where the establishment's district held a round in the cycle (12.2.b; exempt where none was
/// held, 12.2.d, see <see cref="DistrictRoundCycle"/>), a regional entry a valid provincial one (12.3.b), a
/// national entry a valid regional one (12.4.b). Held by the same establishment, of the level directly
/// below, not revoked, and not expired on the day the dossier was received. The refusals speak only of the
/// establishment's own certificates.
/// </summary>
public static class LowerLevelPrerequisite
{
    public const string RuleCode = "lower-level-certificate-required";

    /// <summary>The level whose certificate the entry presents, or none.</summary>
    public static RecognitionLevel? RequiredLevel(RecognitionLevel level, DistrictRoundHeld? districtRound) =>
        level == RecognitionLevel.Provincial
            ? districtRound is null ? null : RecognitionLevel.District
            : level.RequiredCertificateLevel();

    public static void Check(RecognitionLevel level, string establishmentTaxCode, DateOnly entryDate,
        Certificate? certificate, string? certificateNumber, DistrictRoundHeld? districtRound = null)
    {
        if (RequiredLevel(level, districtRound) is not { } required)
        {
            return;
        }
        var basis = BasisFor(level);
        var why = districtRound is null
            ? ("", "")
            : ($" {districtRound.District} held a district round in {districtRound.Year} ({districtRound.Source}), so the exemption for districts without one does not apply.",
               $" {districtRound.District} đã tổ chức bình chọn cấp huyện năm {districtRound.Year} ({districtRound.Source}) nên không thuộc trường hợp không tổ chức bình chọn cấp huyện.");
        if (string.IsNullOrWhiteSpace(certificateNumber))
        {
            Refuse($"A {level} entry requires the establishment's valid {required} certificate; none was given.{why.Item1}",
                $"Hồ sơ bình chọn cấp {level.VietnameseName()} phải có Giấy chứng nhận cấp {required.VietnameseName()} còn giá trị của cơ sở; hồ sơ chưa có.{why.Item2}", basis);
        }
        // Another establishment's certificate is answered as one that does not exist, so that a number
        // tells nothing about who holds it.
        if (certificate is null || certificate.EstablishmentTaxCode != establishmentTaxCode)
        {
            Refuse($"The establishment holds no certificate with the number given; a {level} entry requires its own valid {required} certificate.{why.Item1}",
                $"Cơ sở không có Giấy chứng nhận mang số đã nhập; hồ sơ cấp {level.VietnameseName()} phải có Giấy chứng nhận cấp {required.VietnameseName()} còn giá trị của chính cơ sở.{why.Item2}", basis);
        }
        if (certificate.Level != required)
        {
            Refuse($"Certificate {certificate.Number} is a {certificate.Level} certificate; a {level} entry requires a {required} one.",
                $"Giấy chứng nhận {certificate.Number} là cấp {certificate.Level.VietnameseName()}; hồ sơ cấp {level.VietnameseName()} phải có Giấy chứng nhận cấp {required.VietnameseName()}.", basis);
        }
        if (certificate.Status == CertificateStatus.Revoked)
        {
            Refuse($"Certificate {certificate.Number} was revoked on {certificate.RevokedOn:yyyy-MM-dd}.",
                $"Giấy chứng nhận {certificate.Number} đã bị thu hồi ngày {certificate.RevokedOn:dd/MM/yyyy}.", basis);
        }
        if (!certificate.IsValidOn(entryDate))
        {
            if (entryDate < certificate.IssuedOn)
            {
                Refuse($"Certificate {certificate.Number} was issued on {certificate.IssuedOn:yyyy-MM-dd}, after the entry date {entryDate:yyyy-MM-dd}.",
                    $"Giấy chứng nhận {certificate.Number} được cấp ngày {certificate.IssuedOn:dd/MM/yyyy}, sau ngày nhận hồ sơ {entryDate:dd/MM/yyyy}.", basis);
            }
            Refuse($"Certificate {certificate.Number} expired on {certificate.ExpiresOn:yyyy-MM-dd}, before the entry date {entryDate:yyyy-MM-dd}.",
                $"Giấy chứng nhận {certificate.Number} hết giá trị từ sau ngày {certificate.ExpiresOn:dd/MM/yyyy}, trước ngày nhận hồ sơ {entryDate:dd/MM/yyyy}.",
                $"{basis}; Điều 17 khoản 3");
        }
    }

    private static string BasisFor(RecognitionLevel level) => level switch
    {
        RecognitionLevel.Provincial => "Thông tư 26/2014/TT-BCT, Điều 12 khoản 2 điểm b và d",
        RecognitionLevel.Regional => "Thông tư 26/2014/TT-BCT, Điều 12 khoản 3 điểm b",
        _ => "Thông tư 26/2014/TT-BCT, Điều 12 khoản 4 điểm b",
    };

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string message, string vietnamese, string basis) =>
        throw new ProductRuleException(RuleCode, RuleKind.Unprocessable, message) { Vietnamese = vietnamese, LegalBasis = basis };
}

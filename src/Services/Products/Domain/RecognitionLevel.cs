namespace KhuyenCong.Products.Domain;

/// <summary>The four levels of competition and of the certificate it grants (Circular 26/2014, Art. 6).</summary>
public enum RecognitionLevel
{
    District = 1,
    Provincial = 2,
    Regional = 3,
    National = 4,
}

public static class RecognitionLevels
{
    /// <summary>The council sizes Art. 9 allows at each level; all are odd, so the jury reaches a majority.</summary>
    public static IReadOnlyList<int> CouncilSizes(this RecognitionLevel level) => level switch
    {
        RecognitionLevel.District => [5, 7],
        RecognitionLevel.Provincial => [7, 9],
        RecognitionLevel.Regional => [9, 11],
        RecognitionLevel.National => [11, 13],
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown recognition level."),
    };

    /// <summary>
    /// The certificate an entry must hold (Art. 12.3–4): a valid provincial certificate for a regional
    /// entry, a valid regional one for a national entry. A provincial entry needs a district one only where its
    /// district held a round (Art. 12.2.b and d), which <see cref="LowerLevelPrerequisite"/> decides.
    /// </summary>
    public static RecognitionLevel? RequiredCertificateLevel(this RecognitionLevel level) => level switch
    {
        RecognitionLevel.Regional => RecognitionLevel.Provincial,
        RecognitionLevel.National => RecognitionLevel.Regional,
        _ => null,
    };

    /// <summary>The level's name in Vietnamese, as refusals say it: huyện, tỉnh, khu vực, quốc gia.</summary>
    public static string VietnameseName(this RecognitionLevel level) => level switch
    {
        RecognitionLevel.District => "huyện",
        RecognitionLevel.Provincial => "tỉnh",
        RecognitionLevel.Regional => "khu vực",
        RecognitionLevel.National => "quốc gia",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown recognition level."),
    };

    /// <summary>The level's part of a certificate number: H (huyện), T (tỉnh), KV (khu vực), QG (quốc gia).</summary>
    public static string CertificateCode(this RecognitionLevel level) => level switch
    {
        RecognitionLevel.District => "H",
        RecognitionLevel.Provincial => "T",
        RecognitionLevel.Regional => "KV",
        RecognitionLevel.National => "QG",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown recognition level."),
    };
}

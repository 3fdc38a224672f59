namespace KhuyenCong.Training.Domain;

/// <summary>Numbers of training certificates: KC-ĐT-2024-00017, numbered per year of issue.</summary>
public static class CertificateNumber
{
    public const string Prefix = "KC-ĐT";
    public const int MaxSequence = 99_999;

    public static string Format(int year, int sequence)
    {
        if (sequence is < 1 or > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A certificate sequence runs from 1 to 99,999 in a year.");
        }
        return $"{Prefix}-{year}-{sequence:D5}";
    }
}

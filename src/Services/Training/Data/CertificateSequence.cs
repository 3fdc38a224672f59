namespace KhuyenCong.Training.Data;

/// <summary>The last certificate number handed out in a year of issue.</summary>
public sealed class CertificateSequence
{
    public int Year { get; set; }
    public int LastValue { get; set; }
}

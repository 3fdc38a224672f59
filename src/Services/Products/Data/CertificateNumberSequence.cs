namespace KhuyenCong.Products.Data;

/// <summary>The last certificate number handed out for a level code (H, T, KV, QG) and competition year.</summary>
public sealed class CertificateNumberSequence
{
    public string LevelCode { get; set; } = "";
    public int Year { get; set; }
    public int LastValue { get; set; }
}

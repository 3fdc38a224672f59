namespace KhuyenCong.Identity.Data;

/// <summary>
/// An RSA private key of the token server (PKCS#8, base64), made on first start and kept so that a
/// restart or another replica signs and reads tokens with the same keys.
/// </summary>
public sealed class KeyMaterial
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public int Id { get; set; }

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>; one key of each.</summary>
    public string Purpose { get; set; } = "";

    public string Pkcs8 { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

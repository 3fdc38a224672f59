using Microsoft.AspNetCore.DataProtection;

namespace KhuyenCong.Notifications.Mail;

/// <summary>
/// The token of a mail's one-click unsubscribe link: the account id, encrypted and signed with the key ring every replica
/// shares, so the link works without signing in, cannot be forged for another account, and does not show whose it is.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("KhuyenCong.Notifications.Unsubscribe.v1");

    public string For(string userId) => _protector.Protect(userId);

    /// <summary>The account the token was made for; null for a token this service did not make or that was altered.</summary>
    public string? UserOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

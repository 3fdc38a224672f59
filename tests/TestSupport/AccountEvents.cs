using KhuyenCong.Contracts.Accounts;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.TestSupport;

/// <summary>Accounts as the identity service announces them, for the services that keep a copy.</summary>
public static class AccountEvents
{
    /// <summary>An account as the identity service announces it: an active Appraiser unless told otherwise.</summary>
    public static AccountChanged Of(string userId, string displayName, long revision = 1, bool active = true, params string[] roles) => new()
    {
        UserId = userId,
        Revision = revision,
        UserName = userId,
        DisplayName = displayName,
        Roles = roles.Length == 0 ? [PlatformRoles.Appraiser] : roles,
        IsActive = active,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}

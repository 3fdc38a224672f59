using KhuyenCong.Identity.Data;

namespace KhuyenCong.Identity.Api;

public sealed record CreateUserRequest(
    string? UserName, string? DisplayName, string? Email, IReadOnlyList<string>? Roles,
    string? UnitCode, string? District, string? TaxCode, string? Password);

public sealed record UpdateUserRequest(
    string? DisplayName, string? Email, IReadOnlyList<string>? Roles, string? UnitCode, string? District, string? TaxCode);

public sealed record ResetPasswordRequest(string? NewPassword);

public sealed record UserResponse(
    string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    string? UnitCode, string? District, string? TaxCode, bool IsLocked, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    public static UserResponse From(PlatformUser user, IEnumerable<string> roles, DateTimeOffset now) => new(
        user.Id, user.UserName!, user.DisplayName, user.Email, roles.Order().ToList(),
        user.UnitCode, user.District, user.TaxCode,
        user.LockoutEnd > now, user.LockoutEnd > now ? user.LockoutEnd : null, user.CreatedAt);
}

/// <summary>Who the bearer of the token is, as the services see them.</summary>
public sealed record CurrentUserResponse(
    string Subject, string? Name, IReadOnlyList<string> Roles, string? UnitCode, string? District, string? TaxCode, bool CanSeeEverything);

/// <summary>How many accounts will be announced again.</summary>
public sealed record RepublishResponse(int Accounts);

namespace KhuyenCong.Web.Api;

// The shapes of the Identity service's user management (/api/users, administrators only).

public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? UnitCode { get; set; }
    public string? District { get; set; }
    public string? TaxCode { get; set; }

    public object ToCreateRequest() => new { UserName, DisplayName, Email, Password, Roles, UnitCode, District, TaxCode };

    public object ToUpdateRequest() => new { DisplayName, Email, Roles, UnitCode, District, TaxCode };

    public static UserForm Of(PlatformUser user) => new()
    {
        UserName = user.UserName, DisplayName = user.DisplayName, Email = user.Email, Roles = [.. user.Roles],
        UnitCode = user.UnitCode, District = user.District, TaxCode = user.TaxCode,
    };
}

public sealed record PlatformUser(
    string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles,
    string? UnitCode, string? District, string? TaxCode, bool IsLocked, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

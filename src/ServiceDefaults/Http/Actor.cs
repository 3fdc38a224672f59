using System.Security.Claims;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>Who is acting, as recorded in histories and events.</summary>
public static class Actor
{
    /// <summary>The signed-in user's subject (or name); "anonymous" for a request without a user.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name ?? "anonymous";

    /// <summary>
    /// The signed-in user's subject (the <c>sub</c> claim, the account id) and nothing else; "" without one, which
    /// matches no account. What a user alone may do (fill their own council seat) is decided on it, never on a name.
    /// </summary>
    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "";
}

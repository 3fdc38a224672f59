using System.Security.Claims;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>Who is acting, as recorded in histories and events.</summary>
public static class Actor
{
    /// <summary>The signed-in user's subject (or name); "anonymous" for a request without a user.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name ?? "anonymous";
}

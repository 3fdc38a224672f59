using System.Security.Claims;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace KhuyenCong.Web.Security;

/// <summary>
/// What the UI offers to whom: the services' policies (<see cref="Policies"/>), by the same names and
/// the same table of roles (<see cref="Policies.Roles"/>), applied to the signed-in user of the web app
/// so that a page shows only the menus and actions its user may take. The services decide in the end; these only keep doomed buttons off the screen.
/// </summary>
public static class UiPolicies
{
    public static AuthorizationBuilder AddUiPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Policies.Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireRole(roles));
        }
        return authorization;
    }

    public static bool CanManage(this ClaimsPrincipal user) => user.Admits(Policies.Manage);

    public static bool CanAppraise(this ClaimsPrincipal user) => user.Admits(Policies.Appraise);

    public static bool CanPropose(this ClaimsPrincipal user) => user.Admits(Policies.Propose);

    public static bool CanReport(this ClaimsPrincipal user) => user.Admits(Policies.Report);

    public static bool CanConsolidate(this ClaimsPrincipal user) => user.Admits(Policies.Consolidate);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.Admits(Policies.Admin);
}

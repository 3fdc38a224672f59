using System.Security.Claims;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace KhuyenCong.Web.Security;

/// <summary>
/// What the UI offers to whom: the services' policies (<see cref="Policies"/>), by the same names and
/// roles, applied to the signed-in user of the web app so that a page shows only the menus and actions
/// its user may take. The services decide in the end; these only keep doomed buttons off the screen.
/// </summary>
public static class UiPolicies
{
    public static AuthorizationBuilder AddUiPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Policies.Read, policy => policy.RequireRole(PlatformRoles.All))
        .AddPolicy(Policies.Manage, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Officer))
        .AddPolicy(Policies.Appraise, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Appraiser))
        .AddPolicy(Policies.Admin, policy => policy.RequireRole(PlatformRoles.Admin))
        .AddPolicy(Policies.Propose, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer, PlatformRoles.Establishment))
        .AddPolicy(Policies.Report, policy => policy.RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Leader, PlatformRoles.DistrictOfficer));

    public static bool CanManage(this ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Admin) || user.IsInRole(PlatformRoles.Officer);

    public static bool CanAppraise(this ClaimsPrincipal user) => user.CanManage() || user.IsInRole(PlatformRoles.Appraiser);

    public static bool CanPropose(this ClaimsPrincipal user) =>
        user.CanManage() || user.IsInRole(PlatformRoles.DistrictOfficer) || user.IsInRole(PlatformRoles.Establishment);

    public static bool CanReport(this ClaimsPrincipal user) =>
        user.CanManage() || user.IsInRole(PlatformRoles.Leader) || user.IsInRole(PlatformRoles.DistrictOfficer);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Admin);
}

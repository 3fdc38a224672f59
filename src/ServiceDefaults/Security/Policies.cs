using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace KhuyenCong.ServiceDefaults.Security;

/// <summary>
/// Authorization policies named by what they allow. Each authenticates with the platform's bearer
/// tokens, so a request without a valid token is answered 401 and one without the role 403.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user of any role.</summary>
    public const string Read = "kc:read";

    /// <summary>Records and moves the programme's records: Admin, Officer.</summary>
    public const string Manage = "kc:manage";

    /// <summary>Scores appraisals and juries: Admin, Officer, Appraiser.</summary>
    public const string Appraise = "kc:appraise";

    /// <summary>Manages users: Admin only.</summary>
    public const string Admin = "kc:admin";

    /// <summary>
    /// Files what concerns one establishment or one unit (registrations, proposal drafts, fair
    /// registrations, competition entries): Admin, Officer, and the scoped roles District officer and
    /// Establishment, whose handlers check the record is within their scope.
    /// </summary>
    public const string Propose = "kc:propose";

    /// <summary>Reads the programme's reports: Admin, Officer, Leader, District officer.</summary>
    public const string Report = "kc:report";

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Read, policy => Bearer(policy).RequireRole(PlatformRoles.All))
        .AddPolicy(Manage, policy => Bearer(policy).RequireRole(PlatformRoles.Admin, PlatformRoles.Officer))
        .AddPolicy(Appraise, policy => Bearer(policy).RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Appraiser))
        .AddPolicy(Admin, policy => Bearer(policy).RequireRole(PlatformRoles.Admin))
        .AddPolicy(Propose, policy => Bearer(policy).RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer, PlatformRoles.Establishment))
        .AddPolicy(Report, policy => Bearer(policy).RequireRole(PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Leader, PlatformRoles.DistrictOfficer));

    private static AuthorizationPolicyBuilder Bearer(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser();
}

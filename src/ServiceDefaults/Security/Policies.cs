using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace KhuyenCong.ServiceDefaults.Security;

/// <summary>
/// Authorization policies named by what they allow, and the roles each admits (<see cref="Roles"/>).
/// Each authenticates with the platform's bearer tokens, so a request without a valid token is
/// answered 401 and one without the role 403.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user of any role.</summary>
    public const string Read = "kc:read";

    /// <summary>Records and moves the programme's records.</summary>
    public const string Manage = "kc:manage";

    /// <summary>Scores appraisals and juries.</summary>
    public const string Appraise = "kc:appraise";

    /// <summary>Manages users.</summary>
    public const string Admin = "kc:admin";

    /// <summary>
    /// Files what concerns one establishment or one unit (registrations, proposal drafts, fair
    /// registrations, competition entries). It admits the scoped roles too (district officer,
    /// establishment), whose handlers check the record is within their scope.
    /// </summary>
    public const string Propose = "kc:propose";

    /// <summary>Reads the programme's reports.</summary>
    public const string Report = "kc:report";

    /// <summary>
    /// Consolidates a unit's registrations of a call and sends them to the Centre: the district officer for its own
    /// unit (its handlers check the unit), the Centre for any.
    /// </summary>
    public const string Consolidate = "kc:consolidate";

    /// <summary>
    /// The roles each policy admits: the one table the services' policies and the web app's UI
    /// policies are both built from, so a role given to a policy is given to it everywhere.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Read] = PlatformRoles.All,
        [Manage] = [PlatformRoles.Admin, PlatformRoles.Officer],
        [Appraise] = [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Appraiser],
        [Admin] = [PlatformRoles.Admin],
        [Propose] = [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer, PlatformRoles.Establishment],
        [Report] = [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.Leader, PlatformRoles.DistrictOfficer],
        [Consolidate] = [PlatformRoles.Admin, PlatformRoles.Officer, PlatformRoles.DistrictOfficer],
    };

    /// <summary>Whether the user holds one of the roles the policy admits.</summary>
    public static bool Admits(this ClaimsPrincipal user, string policy) => Roles[policy].Any(user.IsInRole);

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => Bearer(policy).RequireRole(roles));
        }
        return authorization;
    }

    private static AuthorizationPolicyBuilder Bearer(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser();
}

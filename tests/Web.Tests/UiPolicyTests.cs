extern alias WebApp;

using System.Security.Claims;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using WebApp::KhuyenCong.Web.Security;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>The web app's UI policies, in-process: each offers its actions to exactly the roles the services' policy admits.</summary>
public sealed class UiPolicyTests
{
    public static TheoryData<string, string> PoliciesAndRoles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var policy in Policies.Roles.Keys)
            {
                foreach (var role in PlatformRoles.All)
                {
                    data.Add(policy, role);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PoliciesAndRoles))]
    public async Task A_ui_policy_admits_a_role_exactly_when_the_services_role_table_does(string policy, string role)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthorizationBuilder().AddUiPolicies();
        await using var provider = services.BuildServiceProvider();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        var result = await provider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);

        Assert.Equal(Policies.Roles[policy].Contains(role), result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(PoliciesAndRoles))]
    public void The_action_checks_of_the_pages_agree_with_the_role_table(string policy, string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        Func<ClaimsPrincipal, bool>? check = policy switch
        {
            Policies.Manage => UiPolicies.CanManage,
            Policies.Appraise => UiPolicies.CanAppraise,
            Policies.Propose => UiPolicies.CanPropose,
            Policies.Report => UiPolicies.CanReport,
            Policies.Admin => UiPolicies.IsAdmin,
            _ => null,
        };

        if (check is not null)
        {
            Assert.Equal(Policies.Roles[policy].Contains(role), check(user));
        }
    }
}

using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed class PolicyRolesTests
{
    public static TheoryData<string> PolicyNames => [.. Policies.Roles.Keys];

    [Fact]
    public void The_role_table_names_every_policy_once()
    {
        string[] policies = [Policies.Read, Policies.Manage, Policies.Appraise, Policies.Admin, Policies.Propose, Policies.Report, Policies.Consolidate];

        Assert.Equal(policies.Order(), Policies.Roles.Keys.Order());
        Assert.All(Policies.Roles, entry =>
        {
            Assert.NotEmpty(entry.Value);
            Assert.Equal(entry.Value.Distinct().Count(), entry.Value.Count);
            Assert.All(entry.Value, role => Assert.Contains(role, PlatformRoles.All));
        });
    }

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public async Task A_services_policy_requires_exactly_the_roles_of_the_table_and_a_bearer_token(string name)
    {
        var services = new ServiceCollection();
        services.AddAuthorizationBuilder().AddPlatformPolicies();
        await using var provider = services.BuildServiceProvider();

        var policy = await provider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(name);

        Assert.NotNull(policy);
        var roles = Assert.Single(policy.Requirements.OfType<RolesAuthorizationRequirement>());
        Assert.Equal(Policies.Roles[name].Order(), roles.AllowedRoles.Order());
        Assert.Single(policy.Requirements.OfType<DenyAnonymousAuthorizationRequirement>());
        Assert.Single(policy.AuthenticationSchemes);
    }
}

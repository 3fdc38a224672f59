using KhuyenCong.Identity.Data;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.Identity.Tokens;

/// <summary>
/// At start-up (after the migrations): the platform's roles, its OAuth clients as configured, and the
/// first administrator when no user holds the Admin role.
/// </summary>
internal sealed class PlatformSeed(IServiceProvider services, IOptions<IdentityServerOptions> options, TimeProvider time, ILogger<PlatformSeed> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = options.Value;
        await SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await SeedClientsAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), settings, cancellationToken);
        await SeedAdminAsync(scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(), settings.Admin);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private static async Task SeedClientsAsync(IOpenIddictApplicationManager applications, IdentityServerOptions settings, CancellationToken cancellationToken)
    {
        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = PlatformClients.Web,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "KhuyenCong web",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        web.RedirectUris.UnionWith(settings.Web.RedirectUris);
        web.PostLogoutRedirectUris.UnionWith(settings.Web.PostLogoutRedirectUris);
        await UpsertAsync(applications, web, cancellationToken);

        if (settings.AllowPasswordFlow)
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = PlatformClients.Cli,
                ClientType = ClientTypes.Public,
                DisplayName = "KhuyenCong scripts and tests",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                },
            }, cancellationToken);
        }
        else
        {
            await DeleteAsync(applications, PlatformClients.Cli, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(settings.DemoData.ClientSecret))
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = PlatformClients.DemoData,
                ClientSecret = settings.DemoData.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Dữ liệu mẫu",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            }, cancellationToken);
        }
        else
        {
            await DeleteAsync(applications, PlatformClients.DemoData, cancellationToken);
        }
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            // Configuration wins: redirect URIs and the secret follow what the host was given.
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static async Task DeleteAsync(IOpenIddictApplicationManager applications, string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.DeleteAsync(existing, cancellationToken);
        }
    }

    private async Task SeedAdminAsync(UserManager<PlatformUser> users, IdentityServerOptions.AdminSettings admin)
    {
        if ((await users.GetUsersInRoleAsync(PlatformRoles.Admin)).Count > 0)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(admin.Password))
        {
            logger.LogWarning("No user holds the Admin role and Identity:Admin:Password is not set: no administrator was created");
            return;
        }

        var user = await users.FindByNameAsync(admin.UserName);
        if (user is null)
        {
            user = new PlatformUser { UserName = admin.UserName, DisplayName = "Quản trị hệ thống", CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user, admin.Password), "the first administrator (Identity:Admin:Password must meet the password policy)");
        }
        Check(await users.AddToRoleAsync(user, PlatformRoles.Admin), "the Admin role of the first administrator");
        logger.LogInformation("The first administrator {UserName} was created", admin.UserName);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

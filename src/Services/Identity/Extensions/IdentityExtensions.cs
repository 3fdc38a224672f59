using KhuyenCong.Identity.Api;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Tokens;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.Identity.Extensions;

public static class IdentityExtensions
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentityServerOptions.Section).Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        builder.Services.AddOptions<IdentityServerOptions>().BindConfiguration(IdentityServerOptions.Section)
            .Validate(o => o.Issuer is null || o.Issuer.IsAbsoluteUri, "Identity:Issuer is an absolute URL (the gateway's public address).")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Token lifetimes are positive.")
            .Validate(o => o.Lockout.MaxFailedAttempts > 0 && o.Lockout.Duration > TimeSpan.Zero, "Identity:Lockout needs positive attempts and duration.")
            .ValidateOnStart();

        builder.AddMigratedDatabase<IdentityDb>("identitydb");

        builder.Services.AddIdentity<PlatformUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = settings.Lockout.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = settings.Lockout.Duration;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = AccountPages.LoginPath;
            options.LogoutPath = AccountPages.LogoutPath;
            options.Cookie.Name = "kc.identity";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "kc.identity.af");

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(options =>
            {
                if (settings.Issuer is not null)
                {
                    options.SetIssuer(settings.Issuer);
                }
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowClientCredentialsFlow();
                options.AllowRefreshTokenFlow();
                if (settings.AllowPasswordFlow)
                {
                    options.AllowPasswordFlow();
                }
                options.RegisterScopes(Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                options.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                options.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // Plain signed JWTs: every service checks them locally with the published signing key.
                options.DisableAccessTokenEncryption();

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment() || !settings.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.AddAudiences(PlatformClaims.ApiAudience);
                options.UseAspNetCore();
            });
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeys>();
        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        builder.Services.AddHostedService<PlatformSeed>();
        builder.Services.AddHostedService<TokenPruning>();

        // Requests arrive through the gateway: its X-Forwarded-* headers give the public scheme and host,
        // so redirects (to the login page, back to the client) point where the browser can go.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>Forwarded headers first, then cookies and bearer tokens, then the antiforgery check of the login form.</summary>
    public static WebApplication UseIdentityServer(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseServiceDefaults();
        app.UseAntiforgery();
        return app;
    }
}

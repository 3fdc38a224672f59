using System.Net;
using KhuyenCong.Identity.Accounts;
using KhuyenCong.Identity.Api;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Domain;
using KhuyenCong.Identity.Tokens;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using IPNetwork = System.Net.IPNetwork;

namespace KhuyenCong.Identity.Extensions;

public static class IdentityExtensions
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentityServerOptions.Section).Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        builder.Services.AddOptions<IdentityServerOptions>().BindConfiguration(IdentityServerOptions.Section)
            .Validate(o => o.Issuer is null || o.Issuer.IsAbsoluteUri, "Identity:Issuer is an absolute URL (the gateway's public address).")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Token lifetimes are positive.")
            .Validate(o => o.Throttle.Window > TimeSpan.Zero && o.Throttle.KnownAddressLifetime > TimeSpan.Zero
                           && o.Throttle.PerUserNameAndAddress > 0 && o.Throttle.PerAddress > 0 && o.Throttle.PerUserName > 0,
                "Identity:Throttle needs a positive window, known-address lifetime and limits.")
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _) || IPNetwork.TryParse(p, out _)),
                "Identity:TrustedProxies are IP addresses or networks (10.0.0.0/8).")
            .ValidateOnStart();

        builder.AddMigratedDatabase<IdentityDb>("identitydb");
        builder.AddSharedKeyRing<IdentityDb>("KhuyenCong.Identity");
        // Accounts are announced to the services that seat councils (AccountPublisher keeps its own outbox).
        builder.AddServiceBus();
        builder.Services.AddOptions<AccountPublisherOptions>().BindConfiguration(AccountPublisherOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Identity:AccountPublisher:PollInterval is positive.");
        builder.Services.AddSingleton<AccountPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccountPublisher>());

        builder.Services.AddIdentity<PlatformUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // Only an administrator locks an account; failed sign-ins are throttled instead (see SignInThrottle).
                options.Lockout.AllowedForNewUsers = true;
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
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();

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
                // S256 only: a "plain" challenge is the verifier itself, so whoever sees the request can redeem the code.
                options.Configure(server =>
                {
                    server.CodeChallengeMethods.Clear();
                    server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                options.AllowClientCredentialsFlow();
                options.AllowRefreshTokenFlow();
                if (settings.AllowPasswordFlow)
                {
                    options.AllowPasswordFlow();
                }
                options.RegisterScopes(Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                options.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                options.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // A redeemed refresh token is never accepted again: a second use means it was stolen (or copied), and
                // OpenIddict then revokes every token of the same authorization, the newer refresh token included.
                options.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
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

        // Requests arrive through the gateway, which sets X-Forwarded-For to the client's address: the sign-in
        // throttle counts per client address, so the header is believed only from the gateway (Identity:TrustedProxies,
        // loopback when empty); from anyone else it is ignored and the peer itself is the client. Scheme and host
        // are not taken from X-Forwarded-Proto/Host: absolute addresses are built on the configured issuer (PublicOrigin).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            if (settings.TrustedProxies.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in settings.TrustedProxies)
                {
                    if (IPAddress.TryParse(proxy, out var address))
                    {
                        options.KnownProxies.Add(address);
                    }
                    else if (IPNetwork.TryParse(proxy, out var network))
                    {
                        options.KnownIPNetworks.Add(network);
                    }
                }
            }
        });
        builder.Services.Configure<FormOptions>(RequestLimits.Form);
        return builder;
    }

    /// <summary>
    /// The client's address from the gateway, the public origin, bounded forms (before OpenIddict reads them), then
    /// cookies and bearer tokens, then the antiforgery check of the login form.
    /// </summary>
    public static WebApplication UseIdentityServer(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<PublicOrigin>();
        app.UseMiddleware<RequestLimits>();
        app.UseServiceDefaults();
        app.UseAntiforgery();
        return app;
    }
}

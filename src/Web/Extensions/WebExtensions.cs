using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Api.Clients;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Exports;
using KhuyenCong.Web.Search;
using KhuyenCong.Web.Security;
using KhuyenCong.Web.Ui;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Web.Extensions;

public static class WebExtensions
{
    /// <summary>Vietnamese first; English on request (the culture cookie set by <c>/culture</c>).</summary>
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("vi-VN"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>
    /// The one way the UI reaches the platform: a typed client on the gateway, whose every call carries
    /// the signed-in user's access token (<see cref="AccessTokenHandler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddGatewayClient(this IHostApplicationBuilder builder)
    {
        var gateway = new Uri(builder.Configuration["Gateway:Url"] ?? "http://localhost:8080");
        // Commands carry an Idempotency-Key (CommandKeys) so that a person's repeat acts once, but they are
        // never retried behind the person's back: the defaults' handler is replaced by one that retries only reads.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults.
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddScoped<CommandKeys>();
        builder.Services.AddHttpClient<GatewayClient>(http => http.BaseAddress = gateway)
            .AddHttpMessageHandler<AccessTokenHandler>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                // A command is sent once: on a busy two-core server it may take longer than the defaults' 10 s, and
                // reporting "cannot connect" while the platform goes on to do it would mislead the person. It gets
                // 30 s (reads keep retrying within the minute); the breaker samples over twice that, as it must.
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            });
#pragma warning restore EXTEXP0001
        // The areas' clients own the platform's addresses; pages and endpoints ask them, never the gateway directly.
        builder.Services.AddTransient<ProposalsClient>();
        builder.Services.AddTransient<AttachmentsClient>();
        builder.Services.AddTransient<EstablishmentsClient>();
        builder.Services.AddTransient<ReferenceClient>();
        builder.Services.AddTransient<TrainingClient>();
        builder.Services.AddTransient<FairsClient>();
        builder.Services.AddTransient<ProductsClient>();
        builder.Services.AddTransient<ReportsClient>();
        builder.Services.AddTransient<PapersClient>();
        builder.Services.AddTransient<UsersClient>();
        builder.Services.AddTransient<TasksClient>();
        builder.Services.AddTransient<BudgetClient>();
        builder.Services.AddTransient<CallsClient>();
        builder.Services.AddTransient<PlansClient>();
        builder.Services.AddTransient<NationalSubmissionsClient>();
        builder.Services.AddTransient<ConsolidationsClient>();
        builder.Services.AddTransient<DashboardQuery>();
        builder.Services.AddTransient<BudgetOverviewQuery>();
        builder.Services.AddOptions<BudgetAlertOptions>().Bind(builder.Configuration.GetSection(BudgetAlertOptions.Section))
            .Validate(o => o.UnderSpendPercent is > 0 and <= 100, "BudgetAlerts:UnderSpendPercent is a percentage from 1 to 100.").ValidateOnStart();
        builder.Services.AddTransient<RecordSearch>();
        return builder;
    }

    /// <summary>
    /// Where the sessions and the data-protection key ring live. With the <c>webdb</c> database (the AppHost, the
    /// systemd units and the Kubernetes manifests give it) every instance shares them, so the UI runs as several
    /// replicas and a restart signs nobody out; without it (the web app alone, in its host tests) they stay in
    /// this process and in the default key directory.
    /// </summary>
    private static void AddSharedState(IHostApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(WebDatabase)))
        {
            builder.Services.AddDistributedMemoryCache();
            return;
        }
        builder.AddStateDatabase<WebDb>(WebDatabase);
        builder.AddSharedKeyRing<WebDb>("KhuyenCong.Web");
        builder.Services.AddSingleton<IDistributedCache, DatabaseCache>();
    }

    /// <summary>The connection name of the web UI's own database.</summary>
    public const string WebDatabase = "webdb";

    /// <summary>
    /// Sign-in with the identity service: a cookie for the session, OpenID Connect (authorization code
    /// with PKCE, public client <c>kc-web</c>) to get it. The session and its tokens stay on the server
    /// (<see cref="ServerTicketStore"/>) so that the access token can be refreshed from a circuit
    /// (<see cref="UserTokens"/>); the roles of the identity token become the user's roles.
    /// </summary>
    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        var authority = new Uri(builder.Configuration["Identity:Authority"] ?? builder.Configuration["Gateway:Url"] ?? "http://localhost:8080/");
        var secure = SecureCookies(builder.Environment);
        AddSharedState(builder);
        builder.Services.AddSingleton<ServerTicketStore>();
        builder.Services.AddSingleton<UserTokens>();
        builder.Services.AddSingleton<CircuitServices>();
        builder.Services.AddScoped<CircuitHandler, CircuitServicesHandler>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "kc.web";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = secure;
                // A working day; the tokens inside are refreshed meanwhile. Not sliding: only the server
                // writes the session, so a renewal by a request could not undo a circuit's refresh.
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = false;
                options.AccessDeniedPath = "/access-denied";
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority.ToString();
                // Locally the identity service is reached over plain http through the gateway.
                options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                options.ClientId = "kc-web";
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access" })
                {
                    options.Scope.Add(scope);
                }
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                // The callback is a top-level redirect from the same site: Lax cookies reach it, over http too.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = secure;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = secure;
                options.Events.OnTokenValidated = context =>
                {
                    AddScopeClaims(context.Principal, context.TokenEndpointResponse?.AccessToken);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerTicketStore>((options, store) => options.SessionStore = store);
        builder.Services.AddAuthorizationBuilder().AddUiPolicies();

        // Browsers reach the app through the gateway: its X-Forwarded-* headers give the public address
        // that the identity service redirects back to.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>
    /// Outside Development the platform is reached over HTTPS only (the gateway redirects plain HTTP), so every
    /// cookie is marked Secure whatever scheme the request reached this server with; locally, plain http works.
    /// (The antiforgery cookie follows the request's scheme, https through the gateway: set to always, it would
    /// refuse a form over the loopback.)
    /// </summary>
    public static CookieSecurePolicy SecureCookies(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>The unit, district and tax code a user speaks for travel in the access token only; the UI shows them too.</summary>
    private static void AddScopeClaims(ClaimsPrincipal? principal, string? accessToken)
    {
        if (principal?.Identity is not ClaimsIdentity identity || string.IsNullOrEmpty(accessToken))
        {
            return;
        }
        var token = new JsonWebToken(accessToken);
        foreach (var type in new[] { PlatformClaims.UnitCode, PlatformClaims.District, PlatformClaims.TaxCode })
        {
            if (token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                identity.AddClaim(new Claim(type, value));
            }
        }
    }

    /// <summary>
    /// Opt-in (<c>Web:DeveloperErrors=true</c>, on a developer's own machine) for the developer exception page
    /// and Blazor's detailed circuit errors. Off otherwise, Development included: those show stack traces,
    /// request headers and internal addresses to whoever caused the error.
    /// </summary>
    public const string DeveloperErrorsSetting = "Web:DeveloperErrors";

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        var developerErrors = builder.Configuration.GetValue<bool>(DeveloperErrorsSetting);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(options => options.DetailedErrors = developerErrors);
        // A request the endpoints cannot read is answered 400; in Development it would otherwise be thrown.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddMudServices(options =>
        {
            // Long enough to read a sentence naming the record and its amount.
            options.SnackbarConfiguration.VisibleStateDuration = 8000;
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
        });
        builder.Services.AddTransient<MudLocalizer, MudWords>();
        builder.Services.AddScoped<Text>();
        builder.Services.AddScoped<UnreadableInputs>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Only the user's explicit choice switches the language, never the browser's.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseInstanceName();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // In Development the host puts the developer exception page first in the pipeline; this handler,
        // inside it, answers every error before that page can.
        if (!app.Configuration.GetValue<bool>(DeveloperErrorsSetting))
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseContentSecurityPolicy();
        app.UseStatusCodePagesWithReExecute("/not-found");
        // Only page views get the not-found page: a form post re-executed would meet the antiforgery check a
        // second time and throw, turning a refused post (400) into an error.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        var secureCookies = SecureCookies(app.Environment) == CookieSecurePolicy.Always;
        app.MapGet("/culture", (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = secureCookies || http.Request.IsHttps });
            return TypedResults.Redirect(LocalAddress.OrHome(redirectUri));
        }).ExcludeFromDescription();
        app.MapSignIn();
        app.MapReportFiles();
        app.MapMinistryReportFiles();
        app.MapAttachmentFiles();
        app.MapPaperFiles();
        app.MapListExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

using System.Globalization;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Ui;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;
using MudBlazor.Services;

namespace KhuyenCong.Web.Extensions;

public static class WebExtensions
{
    /// <summary>Vietnamese first; English on request (the culture cookie set by <c>/culture</c>).</summary>
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("vi-VN"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>
    /// The one way the UI reaches the platform: a typed client on the gateway. Signing in later adds
    /// its token handler here, so every call carries the user's bearer token.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayClient(this IHostApplicationBuilder builder)
    {
        var gateway = new Uri(builder.Configuration["Gateway:Url"] ?? "http://localhost:8080");
        // Commands are not idempotent: a retried POST could approve or pay twice, so the defaults' handler
        // (which retries every method) is replaced by one that retries only reads.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults.
        builder.Services.AddHttpClient<GatewayClient>(http => http.BaseAddress = gateway)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        builder.Services.AddTransient<DashboardQuery>();
        return builder;
    }

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Text>();
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapGet("/culture", (string culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//") ? redirectUri : "/");
        }).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

using KhuyenCong.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class SecurityExtensions
{
    /// <summary>
    /// Validates the platform's access tokens (JWTs signed by the identity service) and registers the
    /// <see cref="Policies"/>. Tokens must carry the issuer <c>Identity:Issuer</c> (the public URL the
    /// tokens were obtained from, through the gateway) and the audience <c>kc-api</c>; the signing keys
    /// are fetched from the identity service's discovery document at <c>Identity:Authority</c>, its
    /// internal address (default <c>http://identity/</c>, resolved by service discovery).
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer must name the issuer of the platform's tokens (the gateway's public URL).");
        var authority = new Uri(builder.Configuration["Identity:Authority"] ?? "http://identity/");

        builder.Services.AddOpenIddict()
            .AddValidation(options =>
            {
                options.SetIssuer(issuer);
                options.Configure(o => o.ConfigurationEndpoint = new Uri(authority, ".well-known/openid-configuration"));
                options.AddAudiences(PlatformClaims.ApiAudience);
                options.UseSystemNetHttp();
                // Tokens only in the Authorization header: a token in a URL ends up in logs and histories, and
                // one in a query or a form is out of sight of the gateway's per-user rate limit.
                options.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        return builder;
    }
}

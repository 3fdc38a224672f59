using System.Net;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>
/// The identity service as production mode runs it: the Production environment, an HTTPS issuer, HTTPS required
/// and nothing said about the password grant (so it stays off); an unexpected error answers without internals.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ProductionTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private const string PublicUrl = "https://kc.lan:8443/";

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseEnvironment("Production");
        host.UseSetting("Identity:AccountPublisher:PollInterval", "00:00:00.250");
        host.UseSetting("Identity:Issuer", PublicUrl);
        host.UseSetting("Identity:RequireHttps", "true");
        host.UseSetting("Identity:Admin:UserName", "admin");
        host.UseSetting("Identity:Admin:Password", AdminPassword);
        host.UseSetting("Identity:DemoData:ClientSecret", DemoDataSecret);
        host.UseSetting("Identity:Web:RedirectUris:0", $"{PublicUrl}signin-oidc");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IStartupFilter, FailingRoute>();
    }

    /// <summary>A request no endpoint takes, at <c>/boom</c>, fails inside the service's pipeline with internals in its message.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("Npgsql.NpgsqlConnection to Host=10.0.0.5;Password=secret failed")
                : following(context));
        };
    }

    [Fact]
    public async Task In_production_the_password_grant_is_refused_and_client_credentials_are_issued_under_the_https_issuer()
    {
        using var password = await RequestTokenAsync(Client, ("grant_type", "password"), ("client_id", "kc-cli"),
            ("username", "admin"), ("password", AdminPassword), ("scope", "roles"));
        var refusal = JsonDocument.Parse(await password.Content.ReadAsStringAsync()).RootElement;
        var discovery = JsonDocument.Parse(await Client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var client = await TokenAsync(Client, ("grant_type", "client_credentials"), ("client_id", "kc-demodata"), ("client_secret", DemoDataSecret));

        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", refusal.GetProperty("error").GetString());
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(PublicUrl, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{PublicUrl}connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(PublicUrl, PayloadOf(client.GetProperty("access_token").GetString()!).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task In_production_an_unexpected_error_answers_problem_details_without_exception_details()
    {
        using var response = await Client.GetAsync("/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        foreach (var inside in new[] { "Npgsql", "10.0.0.5", "secret", "InvalidOperationException", "   at ", "stack" })
        {
            Assert.DoesNotContain(inside, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}

using System.Security.Claims;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;

namespace KhuyenCong.Identity.Tests;

/// <summary>
/// A stand-in for a business service protected by <c>AddPlatformAuthentication</c>: it fetches the
/// identity service's discovery document and keys from its internal address (here the identity test
/// server) and checks the public issuer and the kc-api audience.
/// </summary>
public sealed class ProtectedService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedService(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<ProtectedService> StartAsync(WebApplicationFactory<Program> identity)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration["Identity:Issuer"] = IdentityApp.Issuer;
        builder.Configuration["Identity:Authority"] = identity.Server.BaseAddress.ToString();
        builder.AddPlatformAuthentication();
        // The back channel to the identity service (OpenIddict's own named HTTP client, the only one
        // this host has) goes to the identity service's in-memory test server. OpenIddict insists on
        // its primary handler, so the detour is the outermost handler.
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Insert(0, new ToTestServer(identity.Server.CreateHandler()))));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/probe", (ClaimsPrincipal user) => Results.Ok(new
        {
            subject = user.FindFirst("sub")?.Value,
            roles = user.FindAll("role").Select(r => r.Value).ToList(),
            scope = user.Scope(),
        })).RequireAuthorization(Policies.Read);
        app.MapPost("/manage", () => Results.NoContent()).RequireAuthorization(Policies.Manage);
        await app.StartAsync();
        return new ProtectedService(app);
    }

    private sealed class ToTestServer(HttpMessageHandler server) : DelegatingHandler
    {
        private readonly HttpMessageInvoker _server = new(server);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _server.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

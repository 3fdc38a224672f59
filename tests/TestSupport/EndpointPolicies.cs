using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.TestSupport;

/// <summary>Checks that a service's endpoints each say who may call them.</summary>
public static class EndpointPolicies
{
    /// <summary>
    /// Fails naming every endpoint of the host that declares neither an authorization policy nor
    /// anonymous access, so a new endpoint cannot be added open by forgetting.
    /// </summary>
    public static void AssertEveryEndpointDeclaresAPolicy(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .ToList();
        Assert.True(open.Count == 0, "Endpoints without an authorization policy: " + string.Join("; ", open));
    }

    /// <summary>The policy names each endpoint requires, by "METHOD /route".</summary>
    public static IReadOnlyDictionary<string, string> PolicyByEndpoint(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (
                Key: $"{m} {e.RoutePattern.RawText}",
                Policy: e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? "anonymous"
                    : string.Join("+", e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? a.Roles)))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First().Policy);
}

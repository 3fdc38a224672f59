using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>
/// With <c>--Replicas=2</c> every caller of a service finds both of its instances by service discovery: the
/// gateway, the business services (and their replicas) asking the identity service for its signing keys, and
/// Reporting asking the owning services for their figures.
/// </summary>
public sealed class ReplicaDiscoveryTests : IDisposable
{
    private static readonly string[] Business = ["proposals", "training", "fairs", "products", "reporting", "notifications"];
    private static readonly string[] Owners = ["proposals", "training", "fairs", "products"];

    private readonly DirectoryInfo _folder = LocalPlatform.NewDataDirectory("kc-replicas-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Every_caller_of_a_service_finds_each_of_its_instances()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([.. LocalPlatform.Arguments(_folder), "--Replicas=2"]);
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);

        foreach (var caller in Business.SelectMany(s => new[] { s, $"{s}-2" }))
        {
            var discovery = await DiscoveryOf(projects[caller]);
            Assert.Equal(["identity", "identity-2"], discovery.GetValueOrDefault("identity", []));
        }
        foreach (var caller in new[] { "reporting", "reporting-2" })
        {
            var discovery = await DiscoveryOf(projects[caller]);
            Assert.All(Owners, owner => Assert.Equal([owner, $"{owner}-2"], discovery.GetValueOrDefault(owner, [])));
        }
        var gateway = await DiscoveryOf(projects["gateway"]);
        Assert.All(Business.Append("identity"), service => Assert.Equal([service, $"{service}-2"], gateway.GetValueOrDefault(service, [])));
        // A service that calls no other lists none.
        Assert.DoesNotContain("proposals", (await DiscoveryOf(projects["training"])).Keys);
    }

    [Fact]
    public async Task Without_replicas_a_caller_finds_the_one_instance()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(LocalPlatform.Arguments(_folder));
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);

        Assert.DoesNotContain("proposals-2", projects.Keys);
        Assert.Equal(["identity"], (await DiscoveryOf(projects["proposals"]))["identity"]);
        Assert.Equal(["proposals"], (await DiscoveryOf(projects["reporting"]))["proposals"]);
    }

    /// <summary>The instances a process finds by service discovery: service name → the resources its <c>services__&lt;name&gt;__http__N</c> entries point at, in order.</summary>
    private static async Task<Dictionary<string, string[]>> DiscoveryOf(ProjectResource project)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), project, [], CancellationToken.None);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return context.EnvironmentVariables
            .Where(v => v.Key.StartsWith("services__", StringComparison.Ordinal) && v.Key.Contains("__http__", StringComparison.Ordinal) && v.Value is EndpointReference)
            .Select(v => (Parts: v.Key.Split("__"), Endpoint: (EndpointReference)v.Value))
            .GroupBy(v => v.Parts[1])
            .ToDictionary(g => g.Key, g => g.OrderBy(v => int.Parse(v.Parts[3], System.Globalization.CultureInfo.InvariantCulture)).Select(v => v.Endpoint.Resource.Name).ToArray());
    }
}

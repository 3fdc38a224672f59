using System.Xml.Linq;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>The deployment's list of processes is the one the AppHost runs.</summary>
public sealed class TopologyTests
{
    [Fact]
    public async Task The_deployed_processes_and_databases_are_the_AppHosts()
    {
        var data = LocalPlatform.NewDataDirectory("kc-topology-");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(LocalPlatform.Arguments(data));

            // The demo data loader is a one-off job of local runs, not part of a deployment.
            var projects = builder.Resources.OfType<ProjectResource>().Select(p => p.Name).Where(n => n != "demodata").Order();
            Assert.Equal(Topology.Services.Select(s => s.Name).Order(), projects);
            foreach (var service in Topology.Services.Where(s => s.Database is not null))
            {
                // Each service's database is the one the AppHost hands it (its connection string's name).
                var project = builder.Resources.OfType<ProjectResource>().Single(p => p.Name == service.Name);
                var references = project.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource.Name);
                Assert.Contains(service.Database!, references);
                // And the broker only to those that publish or consume events (not the web UI).
                Assert.Equal(service.UsesMessaging, references.Contains(Topology.Messaging));
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Each_unit_starts_the_assembly_its_project_builds()
    {
        foreach (var service in Topology.Services)
        {
            var project = Directory.GetFiles(Path.Combine(Tools.RepositoryRoot, service.Project), "*.csproj").Single();
            var assemblyName = XDocument.Load(project).Descendants("AssemblyName").Single().Value;
            Assert.Equal(service.Assembly, assemblyName);
        }
    }
}

using System.Text.RegularExpressions;
using k8s.Models;
using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>
/// The manifests under deploy/kubernetes, rendered by kustomize as an operator would apply them and checked
/// for every process of <see cref="Topology"/>: replicas, probes, resources, disruption budgets, autoscaling,
/// the network exposed, secrets by reference only, PostgreSQL and RabbitMQ through their operators.
/// </summary>
public sealed partial class KubernetesManifestsTests
{
    private const string Production = "deploy/kubernetes/overlays/production";
    private const string Base = "deploy/kubernetes/base";

    [Theory]
    [InlineData(Base)]
    [InlineData(Production)]
    public async Task Every_process_runs_at_least_two_replicas_with_probes_and_resources(string kustomization)
    {
        var manifests = await RenderedManifests.RenderAsync(kustomization);

        Assert.Equal(Topology.Services.Select(s => s.Name).Order(), manifests.Deployments.Select(d => d.Metadata.Name).Order());
        foreach (var service in Topology.Services)
        {
            var deployment = manifests.Deployment(service.Name);
            Assert.True(deployment.Spec.Replicas >= 2, $"{service.Name}: {deployment.Spec.Replicas} replicas");
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal(container.Ports.Single().Name, container.ReadinessProbe.HttpGet.Port.Value);
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(container.Resources.Requests.ContainsKey(resource), $"{service.Name}: no {resource} request");
            }
            Assert.True(container.Resources.Limits.ContainsKey("memory"), $"{service.Name}: no memory limit");
            Assert.Equal($"khuyencong/{service.Name}", ImageName(container.Image));
            // Pods match the restricted Pod Security Standard the namespace enforces.
            Assert.True(deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
            Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
            // Only its own pods are selected (a selector shared by two services would mix their replicas).
            Assert.Equal(service.Name, deployment.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
            Assert.Equal(service.Name, deployment.Spec.Template.Metadata.Labels["app.kubernetes.io/name"]);
        }
    }

    [Fact]
    public async Task Each_process_has_a_service_a_disruption_budget_and_an_autoscaler_of_its_own()
    {
        var manifests = await RenderedManifests.RenderAsync(Production);

        foreach (var service in Topology.Services)
        {
            var deployment = manifests.Deployment(service.Name);
            var podLabels = deployment.Spec.Template.Metadata.Labels;
            var kube = Assert.Single(manifests.All<V1Service>("Service"), s => s.Metadata.Name == service.Name);
            Assert.True(Selects(kube.Spec.Selector, podLabels), $"the Service {service.Name} does not select its pods");
            var budget = Assert.Single(manifests.All<V1PodDisruptionBudget>("PodDisruptionBudget"), b => b.Metadata.Name == service.Name);
            Assert.True(Selects(budget.Spec.Selector.MatchLabels, podLabels));
            Assert.Equal("1", budget.Spec.MinAvailable.Value);
            var scaler = Assert.Single(manifests.All<V2HorizontalPodAutoscaler>("HorizontalPodAutoscaler"), h => h.Metadata.Name == service.Name);
            Assert.Equal(("Deployment", service.Name), (scaler.Spec.ScaleTargetRef.Kind, scaler.Spec.ScaleTargetRef.Name));
            Assert.True(scaler.Spec.MinReplicas >= 2 && scaler.Spec.MaxReplicas > scaler.Spec.MinReplicas);
        }
        // No selector of one service picks the pods of another.
        foreach (var kube in manifests.All<V1Service>("Service"))
        {
            Assert.Single(manifests.Deployments, d => Selects(kube.Spec.Selector, d.Spec.Template.Metadata.Labels));
        }
    }

    [Fact]
    public async Task Only_the_gateway_is_exposed_through_an_Ingress_with_TLS_and_a_network_policy()
    {
        var manifests = await RenderedManifests.RenderAsync(Production);

        var ingress = Assert.Single(manifests.All<V1Ingress>("Ingress"));
        var tls = Assert.Single(ingress.Spec.Tls);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Contains(rule.Host, tls.Hosts);
        Assert.False(string.IsNullOrEmpty(tls.SecretName));
        Assert.All(rule.Http.Paths, p => Assert.Equal(Topology.Gateway, p.Backend.Service.Name));

        var policies = manifests.All<V1NetworkPolicy>("NetworkPolicy");
        foreach (var service in Topology.Services)
        {
            var podLabels = manifests.Deployment(service.Name).Spec.Template.Metadata.Labels;
            var applying = policies.Where(p => Selects(p.Spec.PodSelector.MatchLabels, podLabels)).ToList();
            Assert.NotEmpty(applying);
            // A peer outside the platform's pods (another namespace, any address) is let in only to the gateway.
            var fromOutside = applying.SelectMany(p => p.Spec.Ingress).SelectMany(r => r.FromProperty ?? [])
                .Any(peer => peer.NamespaceSelector is not null || peer.IpBlock is not null || peer.PodSelector is null);
            Assert.Equal(service.IsPublic, fromOutside);
        }
    }

    [Fact]
    public async Task Secrets_are_only_referred_to()
    {
        var manifests = await RenderedManifests.RenderAsync(Production);

        Assert.DoesNotContain("Secret", manifests.Kinds);
        foreach (var text in manifests.Texts)
        {
            Assert.DoesNotMatch(SecretValue(), text);
        }
        foreach (var service in Topology.Services)
        {
            var container = manifests.Deployment(service.Name).Spec.Template.Spec.Containers.Single();
            Assert.Contains(container.EnvFrom, e => e.SecretRef?.Name == $"{service.Name}-secrets");
            Assert.All(container.Env ?? [], e => Assert.DoesNotMatch("(?i)password|secret|connectionstrings", e.Value is null ? "" : e.Name));
        }
    }

    [Fact]
    public async Task Each_database_is_in_the_CloudNativePG_cluster_and_RabbitMQ_runs_three_nodes()
    {
        var manifests = await RenderedManifests.RenderAsync(Production);

        var cluster = Assert.Single(manifests.Custom("Cluster"));
        Assert.True(Convert.ToInt32(RenderedManifests.At(cluster, "spec", "instances"), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        var clusterName = (string)RenderedManifests.At(cluster, "metadata", "name")!;
        var databases = manifests.Custom("Database")
            .Where(d => (string?)RenderedManifests.At(d, "spec", "cluster", "name") == clusterName)
            .Select(d => ((string)RenderedManifests.At(d, "spec", "name")!, (string)RenderedManifests.At(d, "spec", "owner")!))
            .Append(((string)RenderedManifests.At(cluster, "spec", "bootstrap", "initdb", "database")!, (string)RenderedManifests.At(cluster, "spec", "bootstrap", "initdb", "owner")!));
        // Every database of the platform, owned by its own service's role.
        Assert.Equal(Topology.Services.Where(s => s.Database is not null).Select(s => (s.Database!, s.Name)).Order(), databases.Order());

        var rabbit = Assert.Single(manifests.Custom("RabbitmqCluster"));
        Assert.Equal(3, Convert.ToInt32(RenderedManifests.At(rabbit, "spec", "replicas"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("default_queue_type = quorum", (string)RenderedManifests.At(rabbit, "spec", "rabbitmq", "additionalConfig")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_pulls_released_images_from_the_registry_and_names_its_public_address()
    {
        var manifests = await RenderedManifests.RenderAsync(Production);

        foreach (var deployment in manifests.Deployments)
        {
            var image = deployment.Spec.Template.Spec.Containers.Single().Image;
            Assert.Matches(@"^[a-z0-9.-]+\.[a-z]+/khuyencong/[a-z]+:\d+\.\d+\.\d+$", image);
        }
        var settings = Assert.Single(manifests.All<V1ConfigMap>("ConfigMap"), c => c.Metadata.Name == "khuyencong-settings");
        var host = Assert.Single(manifests.All<V1Ingress>("Ingress")).Spec.Rules.Single().Host;
        Assert.Equal($"https://{host}/", settings.Data["Identity__Issuer"]);
        Assert.Equal("Production", settings.Data["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("false", settings.Data["Identity__AllowPasswordFlow"]);
        // Every process finds the ones it calls by their Services' names.
        foreach (var called in Topology.Services.SelectMany(s => s.Calls).Distinct())
        {
            Assert.Equal($"http://{called}", settings.Data[$"services__{called}__http__0"]);
        }
    }

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The repository part of an image reference, without registry host and tag.</summary>
    private static string ImageName(string image)
    {
        var withoutTag = image.Split(':')[0];
        var parts = withoutTag.Split('/');
        return string.Join('/', parts[^2..]);
    }

    /// <summary>A password, key or connection string written out in a manifest.</summary>
    [GeneratedRegex(@"(?im)^[ \t]*-?[ \t]*(password|secret|token|stringData)[ \t]*:[ \t]*\S|Password=|amqp://[^$\s]*:[^$\s]*@")]
    private static partial Regex SecretValue();
}

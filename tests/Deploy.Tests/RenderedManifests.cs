using k8s;
using k8s.Models;
using Xunit;
using YamlDotNet.Serialization;

namespace KhuyenCong.Deploy.Tests;

/// <summary>The objects a kustomization renders to (<c>kubectl kustomize</c>), typed where Kubernetes defines them.</summary>
internal sealed class RenderedManifests
{
    private readonly List<(string Kind, string Yaml, Dictionary<object, object> Tree)> _documents = [];

    private RenderedManifests()
    {
    }

    public static async Task<RenderedManifests> RenderAsync(string kustomization)
    {
        var (exitCode, output, errors) = await Tools.RunAsync("kubectl", "kustomize", System.IO.Path.Combine(Tools.RepositoryRoot, kustomization));
        Assert.True(exitCode == 0, $"kubectl kustomize {kustomization}: exit {exitCode}\n{errors}");
        var manifests = new RenderedManifests();
        var parser = new DeserializerBuilder().Build();
        foreach (var document in output.Split("\n---\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var tree = parser.Deserialize<Dictionary<object, object>>(document);
            manifests._documents.Add(((string)tree["kind"], document, tree));
        }
        return manifests;
    }

    public IReadOnlyList<string> Kinds => [.. _documents.Select(d => d.Kind)];

    /// <summary>Every object of a kind Kubernetes defines, as its model.</summary>
    public IReadOnlyList<T> All<T>(string kind) => [.. _documents.Where(d => d.Kind == kind).Select(d => KubernetesYaml.Deserialize<T>(d.Yaml))];

    /// <summary>Every object of a custom resource's kind, as a tree of maps and lists.</summary>
    public IReadOnlyList<Dictionary<object, object>> Custom(string kind) => [.. _documents.Where(d => d.Kind == kind).Select(d => d.Tree)];

    public IReadOnlyList<V1Deployment> Deployments => All<V1Deployment>("Deployment");

    public V1Deployment Deployment(string name) => Assert.Single(Deployments, d => d.Metadata.Name == name);

    /// <summary>Every document's text (to look for what must never be written in a manifest).</summary>
    public IEnumerable<string> Texts => _documents.Select(d => d.Yaml);

    /// <summary>A value deep inside a custom resource, e.g. <c>Path(cluster, "spec", "instances")</c>.</summary>
    public static object? At(Dictionary<object, object> tree, params string[] keys)
    {
        object? node = tree;
        foreach (var key in keys)
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }
        return node;
    }
}

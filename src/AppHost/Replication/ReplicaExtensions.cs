using KhuyenCong.AppHost.Infrastructure;
using KhuyenCong.AppHost.Supervision;

namespace KhuyenCong.AppHost.Replication;

public static class ReplicaExtensions
{
    /// <summary>The environment variable naming the instance that answered; the service sends it back in <c>X-Served-By</c>.</summary>
    public const string InstanceVariable = "Service__Instance";

    /// <summary>
    /// Runs <paramref name="count"/> instances of the service in all: the first is <paramref name="first"/>, the
    /// others ("proposals-2", …) are started beside it, each on its own free port, health-checked and supervised,
    /// with the same configuration (the environment and the waits given to the first so far). They start once
    /// the first is healthy, so that only one instance migrates the database and seeds it. Every instance is
    /// told its name. Returns every instance, the first included.
    /// </summary>
    public static IReadOnlyList<IResourceBuilder<ProjectResource>> AddReplicas<TProject>(this IResourceBuilder<ProjectResource> first, int count)
        where TProject : IProjectMetadata, new()
    {
        List<IResourceBuilder<ProjectResource>> instances = [first];
        if (count <= 1)
        {
            return instances;
        }
        var builder = first.ApplicationBuilder;
        for (var number = 2; number <= count; number++)
        {
            var name = $"{first.Resource.Name}-{number}";
            var replica = builder.AddProject<TProject>(name);
            // A project starts with the annotations every project gets (its own URLs among them); the environment
            // and the waits given to the first after those are the service's configuration. The environment is read
            // from the first when the replica starts, so settings given to the first later reach its replicas too.
            var own = replica.Resource.Annotations.Count;
            foreach (var wait in first.Resource.Annotations.Skip(own).OfType<WaitAnnotation>().ToList())
            {
                replica.WithAnnotation(wait, ResourceAnnotationMutationBehavior.Append);
            }
            replica.WithEnvironment(async context =>
            {
                foreach (var environment in first.Resource.Annotations.Skip(own).OfType<EnvironmentCallbackAnnotation>().ToList())
                {
                    await environment.Callback(context);
                }
                context.EnvironmentVariables[InstanceVariable] = name;
            });
            var port = InfrastructureExtensions.PortOrFree(0);
            replica
                .WithEndpoint("http", endpoint =>
                {
                    endpoint.IsProxied = false;
                    endpoint.Port = port;
                    endpoint.TargetPort = port;
                })
                .WithHttpHealthCheck("/health")
                .WithSupervision()
                .WaitFor(first)
                .WithParentRelationship(first);
            instances.Add(replica);
        }
        first.WithEnvironment(InstanceVariable, first.Resource.Name);
        return instances;
    }

    /// <summary>
    /// Lists every instance of a service in the service discovery of a caller that references the first
    /// (<c>services__proposals__http__1</c>, …, beside the <c>…__0</c> that reference gives): the gateway's cluster
    /// then has a destination per instance, and a service's HTTP client takes the instances in turn.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasOf(this IResourceBuilder<ProjectResource> caller, IReadOnlyList<IResourceBuilder<ProjectResource>> instances)
    {
        for (var index = 1; index < instances.Count; index++)
        {
            caller.WithEnvironment($"services__{instances[0].Resource.Name}__http__{index}", instances[index].GetEndpoint("http"));
        }
        return caller;
    }
}

using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.AppHost.Supervision;

public static class SupervisionExtensions
{
    /// <summary>Restarts the resource when it exits without being asked to or stops answering <paramref name="livenessPath"/>.</summary>
    public static IResourceBuilder<T> WithSupervision<T>(this IResourceBuilder<T> resource, string livenessPath = "/alive")
        where T : IResourceWithEndpoints
    {
        var services = resource.ApplicationBuilder.Services;
        if (!services.Any(s => s.ImplementationType == typeof(ServiceSupervisor)))
        {
            services.Configure<SupervisionOptions>(resource.ApplicationBuilder.Configuration.GetSection(SupervisionOptions.Section));
            // A probe every 2 s per service would fill the AppHost's log; its decisions are logged instead.
            services.AddHttpClient(ServiceSupervisor.ProbeClient).RemoveAllLoggers();
            services.AddHostedService<ServiceSupervisor>();
        }
        return resource.WithAnnotation(new SupervisedAnnotation(livenessPath));
    }
}

using KhuyenCong.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// Adds the database's and the bus's traces and metrics to the OpenTelemetry that ServiceDefaults set up,
/// so only hosts that use them listen for them.
/// </summary>
internal static class DataTelemetry
{
    public static void AddDatabase(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter("Npgsql"))
            .WithTracing(tracing => tracing.AddSource("Npgsql"));

    public static void AddBus(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter("MassTransit", MessagingMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource("MassTransit", OutboxTelemetry.ActivitySourceName));
}

using KhuyenCong.Platform.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from the <c>messaging</c> connection string: kebab-case endpoints
    /// prefixed by the service, the service's consumers, exponential retry then the <c>_error</c>
    /// queue, and the outbox dispatcher of <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        string connectionName = "messaging") where TContext : ServiceDbContext
    {
        builder.AddServiceBus(configureConsumers, connectionName);
        builder.Services.AddSingleton<OutboxDispatcher<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
        return builder;
    }

    /// <summary>
    /// The bus of <see cref="AddServiceMessaging{TContext}"/> without the outbox dispatcher, for a service whose
    /// database is not a <see cref="ServiceDbContext"/> and that keeps its own record of what is yet to be published
    /// (the identity service's account publications).
    /// </summary>
    public static IHostApplicationBuilder AddServiceBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        string connectionName = "messaging")
    {
        var section = builder.Configuration.GetSection(MessagingOptions.SectionName);
        builder.Services.Configure<MessagingOptions>(section);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"The connection string '{connectionName}' (RabbitMQ) is not configured.");
        var prefix = options.EndpointPrefix ?? ServiceName(builder.Environment.ApplicationName);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, false));
            configureConsumers?.Invoke(bus);
            // The service's queues are quorum queues: replicated to the nodes of a cluster, they outlive a node.
            // (A queue cannot change type: a broker with classic queues of these names refuses them.) Temporary
            // endpoints (named otherwise) stay classic queues that go away with their connection.
            bus.AddConfigureEndpointsCallback((name, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint && name.StartsWith(prefix + "-", StringComparison.Ordinal))
                {
                    rabbitEndpoint.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = RabbitMqAddress.Parse(connectionString);
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    // A publish completes once the broker has taken the message (with a quorum queue: once a
                    // majority of the nodes holds it), so the outbox marks a row sent only then.
                    host.PublisherConfirmation = true;
                    if (options.ClusterNodes.Count > 0)
                    {
                        // The nodes of a cluster, tried in turn when the connection is lost.
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in options.ClusterNodes)
                            {
                                cluster.Node(node);
                            }
                        });
                    }
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryIntervalDelta));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        Commands.DataFailures.Register(builder.Services);
        DataTelemetry.AddBus(builder.Services);
        return builder;
    }

    /// <summary>"KhuyenCong.Proposals" → "proposals".</summary>
    internal static string ServiceName(string applicationName) =>
        applicationName.Split('.', StringSplitOptions.RemoveEmptyEntries).Last().ToLowerInvariant();
}

/// <summary>The parts of an <c>amqp://user:password@host:port/vhost</c> connection string.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            virtualHost.Length == 0 ? "/" : virtualHost,
            credentials.Length > 0 && credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest",
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest");
    }
}

using KhuyenCong.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.Platform.Data;

public static class DataExtensions
{
    /// <summary>
    /// Registers the service's DbContext on the Aspire-provided PostgreSQL connection (snake_case names,
    /// telemetry, health check), applies its migrations at start-up and wakes the outbox dispatcher
    /// whenever an integration event is committed.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
    {
        var signal = new OutboxSignal<TContext>();
        builder.Services.AddSingleton(signal);

        // Retries are off: services use explicit transactions (outbox, inbox), and a failed request is
        // answered rather than replayed behind the caller's back.
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            settings => settings.DisableRetry = true,
            options => options
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(new OutboxCommitInterceptor(signal.Notify)));

        builder.Services.AddHostedService<MigrationRunner<TContext>>();
        AddCommandSupport<TContext>(builder.Services);
        return builder;
    }

    /// <summary>
    /// Registers a DbContext that keeps no outbox or inbox (the identity service's) the same way: on the
    /// Aspire-provided PostgreSQL connection, snake_case names, migrations applied at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddMigratedDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddStateDatabase<TContext>(connectionName);
        // Its model adds the idempotency_keys table (ModelBuilder.AddIdempotencyKeys) for the commands' Idempotency-Key.
        AddCommandSupport<TContext>(builder.Services);
        return builder;
    }

    /// <summary>
    /// Registers a DbContext that keeps a host's own state and takes no commands (the web UI's sessions and key
    /// ring): on the Aspire-provided PostgreSQL connection, snake_case names, migrations applied at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStateDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            settings => settings.DisableRetry = true,
            options => options.UseSnakeCaseNamingConvention());
        builder.Services.AddHostedService<MigrationRunner<TContext>>();
        return builder;
    }

    /// <summary>
    /// The <c>Idempotency-Key</c> store of the database and its middleware at the end of <c>UseServiceDefaults</c>,
    /// the database's failures in the exception handler's answers, and its telemetry.
    /// </summary>
    private static void AddCommandSupport<TContext>(IServiceCollection services) where TContext : DbContext
    {
        services.AddSingleton<Commands.IIdempotencyStore, Commands.IdempotencyStore<TContext>>();
        if (!services.Any(d => d.ImplementationInstance == Commands.IdempotencyKeys.Stage))
        {
            services.AddSingleton(Commands.IdempotencyKeys.Stage);
        }
        Commands.DataFailures.Register(services);
        DataTelemetry.AddDatabase(services);
    }
}

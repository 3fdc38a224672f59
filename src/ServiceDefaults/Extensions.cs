using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every KhuyenCong host does the same way: telemetry, health, discovery, resilience, errors.</summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    /// <summary>The answer's header naming the instance that served it, when the service runs as several (<c>Service:Instance</c>).</summary>
    public const string ServedByHeader = "X-Served-By";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.TryAddSingleton(TimeProvider.System);
        // No "Server: Kestrel" on the answers: nothing tells a caller what the platform runs on.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
                ProblemTitles.Localise(context.HttpContext, context.ProblemDetails);
                RuleText.Localise(context.HttpContext, context.ProblemDetails);
            });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed bodies and parameters throw, so the handler above can say what was wrong in a 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        // Text without control characters, enums by defined names, dates within range: once, for every body.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddPlatformConverters());

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = context => !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                                          && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>The health endpoints and the service's OpenAPI document.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Health and the OpenAPI document answer without a token; the gateway routes neither to the public.
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }

    /// <summary>The readiness (<c>/health</c>) and liveness (<c>/alive</c>) endpoints alone, for a host that has no API of its own.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        return app;
    }

    /// <summary>An instance of a host run several times (the AppHost's --Replicas) names itself in every answer.</summary>
    public static WebApplication UseInstanceName(this WebApplication app)
    {
        if (app.Configuration["Service:Instance"] is { Length: > 0 } instance)
        {
            app.Use((context, next) =>
            {
                context.Response.Headers[ServedByHeader] = instance;
                return next(context);
            });
        }
        return app;
    }

    /// <summary>
    /// The middleware every service runs first: ProblemDetails for every error (401 and 403 included),
    /// correlation ids, then authentication and authorization where the host validates tokens, the query
    /// bounds, and last the stages platform libraries registered (<see cref="RequestStage"/>).
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseInstanceName();
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null
            && app.Services.GetService<Microsoft.AspNetCore.Authorization.IAuthorizationService>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.UseMiddleware<QueryBounds>();
        foreach (var stage in app.Services.GetServices<RequestStage>())
        {
            stage.UseIn(app);
        }
        return app;
    }
}

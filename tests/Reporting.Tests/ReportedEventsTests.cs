using System.Runtime.CompilerServices;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Extensions;
using KhuyenCong.Reporting.Projections;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// The three places that name the events Reporting takes in (the ledger's event list, the registered
/// consumers and the projection's cases) name the same events, so none is added or dropped alone.
/// Needs no servers: the service is configured, never started.
/// </summary>
public sealed class ReportedEventsTests
{
    [Fact]
    public void Every_reported_event_has_a_consumer_and_every_consumer_a_reported_event()
    {
        Assert.Equal(Names(ReportedEvents.All), Names(ConsumedEvents()));
    }

    [Fact]
    public async Task The_projection_handles_exactly_the_reported_events()
    {
        using var host = ConfiguredService();
        await using var scope = host.Services.CreateAsyncScope();
        var projections = new ReportingProjections(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
        var candidates = typeof(ProposalSubmitted).Assembly.GetTypes()
            .Concat(ReportedEvents.All)
            .Concat(ConsumedEvents())
            .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters)
            .Distinct();

        var handled = new List<Type>();
        foreach (var type in candidates)
        {
            // A cancelled token stops a handled event at its first read of the database.
            var refusal = await Record.ExceptionAsync(() =>
                projections.ApplyAsync(RuntimeHelpers.GetUninitializedObject(type), new CancellationToken(canceled: true)));
            if (refusal is not ArgumentException { ParamName: "integrationEvent" })
            {
                handled.Add(type);
            }
        }

        Assert.Equal(Names(ReportedEvents.All), Names(handled));
    }

    /// <summary>The message type of every consumer the service registers with the bus.</summary>
    private static List<Type> ConsumedEvents()
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder);
        return builder.Services
            .Select(d => d.ImplementationInstance)
            .OfType<IConsumerRegistration>()
            .SelectMany(r => r.Type.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
    }

    private static IHost ConfiguredService()
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder);
        return builder.Build();
    }

    private static void Configure(HostApplicationBuilder builder)
    {
        // Nothing listens on port 9: the service is only configured, never connected.
        builder.Configuration["ConnectionStrings:reportingdb"] = "Host=127.0.0.1;Port=9;Database=reporting;Username=none;Password=none";
        builder.Configuration["ConnectionStrings:messaging"] = "amqp://none:none@127.0.0.1:9/";
        builder.AddReportingServices();
    }

    private static List<string> Names(IEnumerable<Type> types) => types.Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
}

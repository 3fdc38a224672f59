using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Reconciliation;
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
/// The events Reporting takes in are listed once, in the projection: the ledger's event types and the registered
/// consumers follow it, each consumer keeps the queue it had, and every integration event of the contracts is
/// either followed or named here as not reported. Needs no servers: the service is configured, never started.
/// </summary>
public sealed class ReportedEventsTests
{
    /// <summary>Integration events that no report counts, with the reason.</summary>
    private static readonly Dictionary<Type, string> NotReported = new()
    {
        [typeof(AccountChanged)] = "user accounts decide who may sit on a council; no report counts them",
        [typeof(KhuyenCong.Contracts.Proposals.AppraisalCouncilFormed)] = "a council seated is a member's task; reports count the appraisal's outcome",
        [typeof(KhuyenCong.Contracts.Proposals.AppraisalSheetSubmitted)] = "a member's sheet closes their task; reports count the appraisal's outcome",
        [typeof(KhuyenCong.Contracts.Proposals.AppraisalMemberSteppedOut)] = "a member stepping out closes their task; no report counts it",
        [typeof(KhuyenCong.Contracts.Proposals.AppraisalEnded)] = "the round's end closes the members' tasks; the decision that follows is reported",
        [typeof(KhuyenCong.Contracts.Proposals.ProgressReportDue)] = "a progress report owed is a task of the Centre and the establishment; no report counts it",
        [typeof(KhuyenCong.Contracts.Products.ComplaintReceived)] = "a complaint is the Centre's task to answer; no report counts complaints",
        [typeof(KhuyenCong.Contracts.Products.ComplaintAnswered)] = "the answer closes the complaint's task; no report counts complaints",
        [typeof(KhuyenCong.Contracts.Products.HolderReportFiled)] = "a holder's yearly report closes its task; the reports count certificates, not what holders report",
        [typeof(KhuyenCong.Contracts.Proposals.RegistrationCallOpened)] = "an open call is the establishments' invitation to file; reports count the proposals filed",
        [typeof(KhuyenCong.Contracts.Proposals.RegistrationCallClosed)] = "a call's close ends the invitations; reports count the proposals filed",
        [typeof(KhuyenCong.Contracts.Fairs.FairRegistrationReceived)] = "a registration closes the establishment's invitation; reports count the booths allocated",
    };

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

    [Fact]
    public void Every_integration_event_of_the_contracts_is_reported_or_named_as_not_reported()
    {
        Assert.Empty(ReportedEvents.All.Intersect(NotReported.Keys));
        Assert.Equal(Names(IntegrationEvents()), Names(ReportedEvents.All.Concat(NotReported.Keys)));
    }

    [Fact]
    public void Each_consumer_listens_on_a_queue_named_after_its_event()
    {
        var formatter = new KebabCaseEndpointNameFormatter("reporting", false);
        var queues = ConsumerTypes().ToDictionary(
            c => c.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)).GetGenericArguments()[0],
            c => (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(c).Invoke(formatter, null)!);

        Assert.Equal("reporting-proposal-status-changed", queues[typeof(ProposalStatusChanged)]);
        Assert.Equal("reporting-annual-plan-approved", queues[typeof(AnnualPlanApproved)]);
        Assert.Equal("reporting-national-submission-sent", queues[typeof(NationalSubmissionSent)]);
        Assert.Equal("reporting-national-decision-recorded", queues[typeof(NationalDecisionRecorded)]);
        Assert.All(queues, q => Assert.Equal("reporting-" + Regex.Replace(q.Key.Name, "(?<!^)([A-Z])", "-$1").ToLowerInvariant(), q.Value));
    }

    /// <summary>
    /// The messages one service publishes for others: the concrete types of the contracts that are neither a part
    /// of another contract (a profile, a count) nor an owner's answer to the reconciliation's HTTP call; the codes'
    /// table of names at the contracts' root is no message either.
    /// </summary>
    private static List<Type> IntegrationEvents()
    {
        var contracts = typeof(ProposalSubmitted).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract).ToList();
        var parts = contracts.SelectMany(t => t.GetProperties()).SelectMany(p => Unwrap(p.PropertyType)).ToHashSet();
        return [.. contracts.Where(t => !parts.Contains(t) && t.Namespace != typeof(OwnerFigures).Namespace && t != typeof(CodeName) && t != typeof(FieldLabel))];
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsArray ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap)
        : [type];

    /// <summary>The consumer types the service registers with the bus.</summary>
    private static List<Type> ConsumerTypes()
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder);
        return [.. builder.Services.Select(d => d.ImplementationInstance).OfType<IConsumerRegistration>().Select(r => r.Type)];
    }

    /// <summary>The message type of every consumer the service registers with the bus.</summary>
    private static List<Type> ConsumedEvents() =>
        ConsumerTypes()
            .SelectMany(c => c.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

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

using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.Reporting.Consumers;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Projections;
using KhuyenCong.Reporting.Reconciliation;
using KhuyenCong.Reporting.Reports;
using MassTransit;

namespace KhuyenCong.Reporting.Extensions;

public static class ReportingExtensions
{
    public static IHostApplicationBuilder AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb");
        // One ledger consumer per event the projection handles; each has its own queue, named after the event.
        builder.AddServiceMessaging<ReportingDbContext>(bus =>
        {
            foreach (var reported in ReportedEvents.All)
            {
                bus.AddConsumer(typeof(LedgerConsumer<>).MakeGenericType(reported));
            }
        });
        builder.Services.Configure<CubeFoldingOptions>(builder.Configuration.GetSection("Reporting:CubeFold"));
        builder.Services.AddHostedService<CubeFolding>();
        builder.Services.Configure<MinistryReportSettings>(builder.Configuration.GetSection("Reporting:Ministry"));
        builder.AddOwnerFigures<ProposalFiguresClient>("proposals");
        builder.AddOwnerFigures<TrainingFiguresClient>("training");
        builder.AddOwnerFigures<FairFiguresClient>("fairs");
        builder.AddOwnerFigures<ProductFiguresClient>("products");
        return builder;
    }

    /// <summary>
    /// The client of an owning service's figures, found by service discovery (<c>http://&lt;service&gt;</c>,
    /// or Reporting:Owners:&lt;service&gt;). One quick retry only: an administrator waits on the answer,
    /// and an owner that is down is reported as such rather than waited for.
    /// </summary>
    private static void AddOwnerFigures<TClient>(this IHostApplicationBuilder builder, string service) where TClient : OwnerFiguresClient
    {
        var address = new Uri(builder.Configuration[$"Reporting:Owners:{service}"] ?? $"http://{service}");
        // Replaces the platform's default handler (three retries over many seconds) for these clients only.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<TClient>(http => http.BaseAddress = address)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(25);
            });
    }
}

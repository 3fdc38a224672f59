using KhuyenCong.Reporting.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;
using MassTransit;

namespace KhuyenCong.Reporting.Extensions;

public static class ReportingExtensions
{
    public static IHostApplicationBuilder AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb");
        // One consumer per reported event (Consumers/ReportingConsumers.cs), each writing the ledger.
        builder.AddServiceMessaging<ReportingDbContext>(bus => bus.AddConsumers(typeof(ReportingExtensions).Assembly));
        builder.Services.Configure<CubeFoldingOptions>(builder.Configuration.GetSection("Reporting:CubeFold"));
        builder.Services.AddHostedService<CubeFolding>();
        return builder;
    }
}

using KhuyenCong.Reporting.Consumers;
using KhuyenCong.Reporting.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Reporting.Extensions;

public static class ReportingExtensions
{
    public static IHostApplicationBuilder AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb");
        builder.AddServiceMessaging<ReportingDbContext>(bus =>
        {
            bus.AddConsumer<ProposalSubmittedConsumer>();
            bus.AddConsumer<ProposalApprovedConsumer>();
        });
        return builder;
    }
}

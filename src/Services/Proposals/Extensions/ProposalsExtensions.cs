using KhuyenCong.Proposals.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Proposals.Extensions;

public static class ProposalsExtensions
{
    public static IHostApplicationBuilder AddProposalsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProposalsDbContext>("proposalsdb");
        builder.AddServiceMessaging<ProposalsDbContext>();
        return builder;
    }
}

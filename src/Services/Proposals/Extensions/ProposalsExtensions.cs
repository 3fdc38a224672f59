using KhuyenCong.Proposals.Consumers;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.Proposals.FollowUps;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Proposals.Extensions;

public static class ProposalsExtensions
{
    public static IHostApplicationBuilder AddProposalsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProposalsDbContext>("proposalsdb");
        builder.AddServiceMessaging<ProposalsDbContext>(bus => bus.AddConsumer<AccountChangedConsumer>());
        builder.Services.AddOptions<ProposalRules>().BindConfiguration(ProposalRules.Section)
            .Validate(r => r.FollowUpMonths.Length > 0 && r.FollowUpMonths.All(m => m > 0), "Proposals:FollowUpMonths lists positive month counts.")
            .Validate(r => r.AdvanceShare is > 0 and <= 1, "Proposals:AdvanceShare is a share above 0 and at most 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<FollowUpMonitorOptions>().BindConfiguration(FollowUpMonitorOptions.Section);
        builder.Services.AddHostedService<FollowUpMonitor>();
        return builder;
    }
}

using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.Proposals.Consumers;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.Proposals.FollowUps;
using KhuyenCong.Proposals.Implementation;
using KhuyenCong.Proposals.Payments;
using KhuyenCong.Proposals.Plans;

namespace KhuyenCong.Proposals.Extensions;

public static class ProposalsExtensions
{
    public static IHostApplicationBuilder AddProposalsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProposalsDbContext>("proposalsdb");
        builder.AddAttachments("proposalsdb");
        builder.AddServiceMessaging<ProposalsDbContext>(bus => bus.AddConsumer<AccountChangedConsumer>());
        builder.Services.AddOptions<ProposalRules>().BindConfiguration(ProposalRules.Section)
            .Validate(r => r.FollowUpMonths.Length > 0 && r.FollowUpMonths.All(m => m > 0), "Proposals:FollowUpMonths lists positive month counts.")
            .Validate(r => r.ProgressReportDueDay is >= 1 and <= 28, "Proposals:ProgressReportDueDay is a day of the month from 1 to 28.")
            .ValidateOnStart();
        builder.Services.AddOptions<FollowUpMonitorOptions>().BindConfiguration(FollowUpMonitorOptions.Section);
        builder.Services.AddHostedService<FollowUpMonitor>();
        builder.Services.AddHostedService<BalancePaidBackfill>();
        builder.Services.AddHostedService<ProgressReportBackfill>();
        builder.Services.AddHostedService<PlanApprovedBackfill>();
        builder.Services.AddHostedService<NationalSubmissionBackfill>();
        return builder;
    }
}

using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Reminders;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>The leaders' alerts in the daily digest: the leader's mail states each count and links its list; nobody else's names them.</summary>
[Collection(ServersCollection.Name)]
public sealed class LeaderDigestTests(PostgresServer postgres, RabbitMqServer rabbit) : ReminderApp(postgres, rabbit)
{
    [Fact]
    public async Task The_leaders_digest_states_the_count_of_refunds_outstanding_and_the_officers_does_not()
    {
        await KnowPeopleAsync();
        await PublishAsync(Settled(Guid.NewGuid(), Profile("DA-2026-501"), refundDue: 10_000_000));
        await PublishAsync(Settled(Guid.NewGuid(), Profile("DA-2026-502"), refundDue: 20_000_000));
        await ConsumedAsync("ProposalSettledConsumer", 2);
        await Services.GetRequiredService<OverdueCountJob>().RefreshAsync(CancellationToken.None);

        await Job.RecordDigestsAsync(CancellationToken.None);

        var mails = await MailsAsync();
        var leader = Assert.Single(mails, m => m.ToAddress == "lanhdao@sct.test");
        Assert.Equal("[Khuyến công] Việc cần làm ngày 15/06/2026: 1 việc, 0 quá hạn", leader.Subject);
        Assert.Contains("- Kinh phí chưa hoàn trả: 2 đề án chưa hoàn trả kinh phí", leader.Body);
        Assert.Contains($"{WebBase}proposals", leader.Body);
        Assert.DoesNotContain("đề án chưa hoàn trả kinh phí", Assert.Single(mails, m => m.ToAddress == "can.tv@khuyencong.test").Body);
        Assert.Contains(TaskKind.RefundDue, (await InboxAsync(ClientAs(Officer))).Items.Select(t => t.Kind));
    }
}

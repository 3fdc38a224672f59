using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Reminders;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// Whose tasks each user sees and in what order: the Centre's officers all of them, an establishment those of its own records,
/// a district officer those of its unit and of the establishments in it, a leader only the leaders' alerts (an appraiser only the sheets of their own seats); overdue first.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TaskInboxTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private const string TaxCodeA = "5700000101";
    private const string TaxCodeB = "5700000102";
    private const string TaxCodeC = "5700000103";

    private readonly Guid _proposalA = Guid.NewGuid();
    private readonly Guid _followUpA = Guid.NewGuid();
    private readonly Guid _followUpB = Guid.NewGuid();
    private readonly Guid _certificateC = Guid.NewGuid();
    private readonly Guid _courseB = Guid.NewGuid();

    /// <summary>
    /// A and C in Hạ Long, B in Tiên Yên: A's proposal waits for a decision, A's follow-up is overdue, B's is due on 1 July, C's
    /// certificate expires on 15 July, and a course in Tiên Yên ends on 30 June.
    /// </summary>
    private async Task SeedAsync()
    {
        await KnowEstablishmentAsync(TaxCodeA, "ha-long");
        await KnowEstablishmentAsync(TaxCodeB, "tien-yen");
        await KnowEstablishmentAsync(TaxCodeC, "ha-long");
        await PublishAsync(Submitted(_proposalA, Profile("DA-2026-101", "ha-long", TaxCodeA)));
        await PublishAsync(Accepted(Guid.NewGuid(), Profile("DA-2025-102", "ha-long", TaxCodeA), new DateOnly(2026, 6, 10), (_followUpA, new DateOnly(2026, 5, 1))));
        await PublishAsync(Accepted(Guid.NewGuid(), Profile("DA-2025-103", "tien-yen", TaxCodeB), new DateOnly(2026, 6, 10), (_followUpB, new DateOnly(2026, 7, 1))));
        await PublishAsync(Recognized(_certificateC, "21/2023/CN-TB", TaxCodeC, new DateOnly(2026, 7, 15)));
        await PublishAsync(CourseScheduled(_courseB, Course("Lớp chế biến chè", "tien-yen", new DateOnly(2026, 6, 30))));
        await ConsumedAsync("ProposalSubmittedConsumer", 1);
        await ConsumedAsync("ProposalAcceptedConsumer", 2);
        await ConsumedAsync("ProductRecognizedConsumer", 1);
        await ConsumedAsync("CourseScheduledConsumer", 1);
    }

    private async Task<List<Guid>> RecordsSeenByAsync(TestUser user) =>
        [.. (await InboxAsync(ClientAs(user))).Items.Where(t => t.Kind != TaskKind.SettlementDue).Select(t => t.RecordId)];

    [Fact]
    public async Task The_Centre_officer_sees_every_task_overdue_first_then_by_due_date_and_those_without_one_last()
    {
        await SeedAsync();

        var inbox = await InboxAsync(Client);
        Assert.Equal([_followUpA, _courseB, _followUpB, _certificateC, _proposalA],
            inbox.Items.Where(t => t.Kind != TaskKind.SettlementDue).Select(t => t.RecordId));
        Assert.Equal([true, false, false, false, false], inbox.Items.Where(t => t.Kind != TaskKind.SettlementDue).Select(t => t.IsOverdue));
        // The two acceptances' settlements (due 25 June) are tasks of the Centre too.
        Assert.Equal(7, inbox.Total);
        Assert.Equal(new TaskCount(7, 1), await CountAsync(Client));
        Assert.Equal(await RecordsSeenByAsync(TestUser.Officer), await RecordsSeenByAsync(TestUser.Admin));
    }

    [Fact]
    public async Task An_establishment_sees_only_the_tasks_of_its_own_records_and_never_the_Centre_s_decisions()
    {
        await SeedAsync();

        Assert.Equal([_followUpA], await RecordsSeenByAsync(TestUser.Establishment(TaxCodeA)));
        Assert.Equal([_followUpB], await RecordsSeenByAsync(TestUser.Establishment(TaxCodeB)));
        Assert.Equal([_certificateC], await RecordsSeenByAsync(TestUser.Establishment(TaxCodeC)));
        Assert.Empty(await RecordsSeenByAsync(TestUser.Establishment("5700000999")));
        Assert.Equal(new TaskCount(1, 1), await CountAsync(ClientAs(TestUser.Establishment(TaxCodeA))));
    }

    [Fact]
    public async Task A_district_officer_sees_the_tasks_of_its_unit_and_of_the_establishments_in_it()
    {
        await SeedAsync();

        Assert.Equal([_followUpA, _certificateC], await RecordsSeenByAsync(TestUser.DistrictOfficer("ha-long")));
        Assert.Equal([_courseB, _followUpB], await RecordsSeenByAsync(TestUser.DistrictOfficer("tien-yen")));
        Assert.Empty(await RecordsSeenByAsync(TestUser.DistrictOfficer("van-don")));
    }

    [Fact]
    public async Task A_leader_sees_only_the_leaders_alerts_an_appraiser_no_task_and_a_caller_without_a_token_is_refused()
    {
        await SeedAsync();
        await Services.GetRequiredService<OverdueCountJob>().RefreshAsync(CancellationToken.None);

        var alert = Assert.Single((await InboxAsync(ClientAs(TestUser.Leader))).Items);
        Assert.Equal((TaskKind.FollowUpsOverdue, "1 đánh giá sau hỗ trợ đã quá hạn"), (alert.Kind, alert.Title));
        Assert.DoesNotContain((await InboxAsync(Client)).Items, t => t.Kind.IsLeaderAlert);
        Assert.Equal(new TaskCount(0, 0), await CountAsync(ClientAs(TestUser.Appraiser)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousClient().GetAsync("/api/notifications/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousClient().GetAsync("/api/notifications/tasks/count")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_filters_by_kind_and_pages_and_refuses_a_page_size_beyond_the_bound()
    {
        await SeedAsync();

        var followUps = await InboxAsync(Client, TaskKind.FollowUpDue);
        Assert.Equal([_followUpA, _followUpB], followUps.Items.Select(t => t.RecordId));

        var second = await Client.GetFromJsonAsync<Platform.Paging.PageOf<TaskItem>>("/api/notifications/tasks?page=2&pageSize=2", Json);
        Assert.Equal((7, 2, 2), (second!.Total, second.Page, second.Items.Count));
        Assert.Equal((await InboxAsync(Client)).Items.Skip(2).Take(2).Select(t => t.Id), second.Items.Select(t => t.Id));

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/notifications/tasks?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/notifications/tasks?kind=Nothing")).StatusCode);
    }
}

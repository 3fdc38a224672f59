using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The calls, courses and fairs an establishment may join, as its tasks and its district officer's (never the Centre's): a
/// call and a fair fit every establishment of the province, a course those of its district; each closes when the establishment
/// files or registers, when the invitation ends, or lapses at its deadline; redelivered and reordered events end the same.
/// The service's day is 15 June 2026; A is in Hạ Long, B in Tiên Yên.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OpportunityTaskTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private const string TaxCodeA = "5700000201";
    private const string TaxCodeB = "5700000202";
    private static readonly TestUser OwnerA = TestUser.Establishment(TaxCodeA);
    private static readonly TestUser OwnerB = TestUser.Establishment(TaxCodeB);

    private async Task KnowAAndBAsync()
    {
        await KnowEstablishmentAsync(TaxCodeA, "ha-long");
        await KnowEstablishmentAsync(TaxCodeB, "tien-yen");
    }

    private static RegistrationCallOpened CallOpened(Guid id, DateOnly deadline) => new()
    {
        CallId = id, PlanYear = 2027, FundingSource = FundingSource.Local, Title = "Đợt đăng ký đề án khuyến công địa phương năm 2027",
        Deadline = deadline, ContentGroups = [1, 2, 4], OpenedAt = At,
    };

    private static RegistrationCallClosed CallClosed(Guid id) => new() { CallId = id, ClosedAt = At };

    private static ProposalSubmitted FiledUnder(Guid call, string taxCode) =>
        Submitted(Guid.NewGuid(), Profile("DA-2027-001", "ha-long", taxCode)) with { CallId = call };

    private static CourseProfile CourseIn(string unitCode, DateOnly start, CourseType type = CourseType.VocationalTraining) =>
        Course("Lớp chế biến chè", unitCode, start.AddDays(20)) with { StartDate = start, Type = type };

    private static FairRegistrationReceived Registered(Guid fair, string taxCode) => new()
    {
        FairId = fair, RegistrationId = Guid.NewGuid(), EstablishmentTaxCode = taxCode, BoothsWanted = 1, RegisteredAt = At,
    };

    /// <summary>The open tasks of the kind the user sees, as (invitation's task of which establishment, due date).</summary>
    private async Task<List<(Guid Record, DateOnly? DueOn)>> SeenByAsync(TestUser user, TaskKind kind) =>
        [.. (await InboxAsync(ClientAs(user), kind)).Items.Select(t => (t.RecordId, t.DueOn))];

    private static Guid Of(Guid invitation, string taxCode) => DerivedRecordId.Of(invitation, taxCode);

    [Fact]
    public async Task An_open_call_is_every_establishment_s_task_until_it_files_under_it_or_the_call_closes_and_never_the_Centre_s()
    {
        await KnowAAndBAsync();
        var call = Guid.NewGuid();
        var deadline = new DateOnly(2026, 7, 20);
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();
        await PublishAsync(CallOpened(call, deadline), messageId);
        await ConsumedAsync("RegistrationCallOpenedConsumer", 1);
        await PublishAsync(CallOpened(call, deadline), messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("RegistrationCallOpenedConsumer") >= 1)));

        Assert.Equal([(Of(call, TaxCodeA), deadline)], await SeenByAsync(OwnerA, TaskKind.CallToFile));
        Assert.Equal([(Of(call, TaxCodeB), deadline)], await SeenByAsync(OwnerB, TaskKind.CallToFile));
        Assert.Equal([(Of(call, TaxCodeA), deadline)], await SeenByAsync(TestUser.DistrictOfficer("ha-long"), TaskKind.CallToFile));
        Assert.Empty(await SeenByAsync(TestUser.Officer, TaskKind.CallToFile));
        Assert.Empty(await SeenByAsync(TestUser.Admin, TaskKind.CallToFile));
        Assert.Equal(2, await WithDbAsync(db => db.Tasks.CountAsync(t => t.Kind == TaskKind.CallToFile)));
        var task = Assert.Single((await InboxAsync(ClientAs(OwnerA), TaskKind.CallToFile)).Items);
        Assert.Equal(("Đợt đăng ký đề án khuyến công địa phương năm 2027", $"HTX {TaxCodeA}", "/calls"), (task.RecordCode, task.Title, task.Link));

        await PublishAsync(FiledUnder(call, TaxCodeA));
        await ConsumedAsync("ProposalFiledUnderCallConsumer", 1);
        Assert.Empty(await SeenByAsync(OwnerA, TaskKind.CallToFile));
        Assert.Single(await SeenByAsync(OwnerB, TaskKind.CallToFile));

        await PublishAsync(CallClosed(call));
        await ConsumedAsync("RegistrationCallClosedConsumer", 1);
        Assert.Empty(await SeenByAsync(OwnerB, TaskKind.CallToFile));
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.CallToFile, Of(call, TaxCodeB))).IsOpen);
    }

    [Fact]
    public async Task A_close_or_a_filing_consumed_before_the_call_leaves_no_task_and_a_call_lapses_after_its_deadline()
    {
        await KnowAAndBAsync();
        var (closedFirst, filedFirst, lapsing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(CallClosed(closedFirst));
        await PublishAsync(FiledUnder(filedFirst, TaxCodeA));
        await ConsumedAsync("RegistrationCallClosedConsumer", 1);
        await ConsumedAsync("ProposalFiledUnderCallConsumer", 1);
        await PublishAsync(CallOpened(closedFirst, new DateOnly(2026, 7, 20)));
        await PublishAsync(CallOpened(filedFirst, new DateOnly(2026, 7, 20)));
        await PublishAsync(CallOpened(lapsing, new DateOnly(2026, 6, 30)));
        // A call whose deadline has passed invites nobody.
        await PublishAsync(CallOpened(Guid.NewGuid(), new DateOnly(2026, 6, 14)));
        await ConsumedAsync("RegistrationCallOpenedConsumer", 4);

        Assert.Equal([Of(lapsing, TaxCodeA)], (await SeenByAsync(OwnerA, TaskKind.CallToFile)).Select(t => t.Record));
        Assert.Equal([Of(lapsing, TaxCodeB), Of(filedFirst, TaxCodeB)], (await SeenByAsync(OwnerB, TaskKind.CallToFile)).Select(t => t.Record));
        Assert.Empty(await WithDbAsync(db => db.Tasks.Where(t => t.ParentRecordId == closedFirst).ToListAsync()));

        Clock.SetToday(new DateOnly(2026, 7, 1));
        Assert.Empty(await SeenByAsync(OwnerA, TaskKind.CallToFile));
        Assert.Equal([Of(filedFirst, TaxCodeB)], (await SeenByAsync(OwnerB, TaskKind.CallToFile)).Select(t => t.Record));
    }

    [Fact]
    public async Task A_course_is_the_task_of_the_establishments_of_its_district_until_the_day_before_it_starts_or_its_cancellation()
    {
        await KnowAAndBAsync();
        var (course, staff, cancelledFirst) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(CourseScheduled(course, CourseIn("tien-yen", new DateOnly(2026, 7, 10))));
        await PublishAsync(CourseScheduled(staff, CourseIn("tien-yen", new DateOnly(2026, 7, 10), CourseType.StaffTraining)));
        await PublishAsync(CourseCancelled(cancelledFirst, CourseIn("ha-long", new DateOnly(2026, 7, 10))));
        await ConsumedAsync("CourseCancelledInvitationsConsumer", 1);
        await PublishAsync(CourseScheduled(cancelledFirst, CourseIn("ha-long", new DateOnly(2026, 7, 10))));
        await ConsumedAsync("CourseOpenToEstablishmentsConsumer", 3);

        Assert.Equal([(Of(course, TaxCodeB), new DateOnly(2026, 7, 9))], await SeenByAsync(OwnerB, TaskKind.CourseToJoin));
        Assert.Equal([(Of(course, TaxCodeB), new DateOnly(2026, 7, 9))], await SeenByAsync(TestUser.DistrictOfficer("tien-yen"), TaskKind.CourseToJoin));
        Assert.Empty(await SeenByAsync(OwnerA, TaskKind.CourseToJoin));
        Assert.Empty(await SeenByAsync(TestUser.Officer, TaskKind.CourseToJoin));

        Clock.SetToday(new DateOnly(2026, 7, 10));
        Assert.Empty(await SeenByAsync(OwnerB, TaskKind.CourseToJoin));
        Clock.SetToday(new DateOnly(2026, 6, 15));
        await PublishAsync(CourseCancelled(course, CourseIn("tien-yen", new DateOnly(2026, 7, 10))));
        await ConsumedAsync("CourseCancelledInvitationsConsumer", 2);
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.CourseToJoin, Of(course, TaxCodeB))).IsOpen);
    }

    [Fact]
    public async Task A_fair_is_every_establishment_s_task_until_it_registers_or_the_fair_is_cancelled_and_a_cancellation_first_leaves_none()
    {
        await KnowAAndBAsync();
        var (fair, cancelledFirst) = (Guid.NewGuid(), Guid.NewGuid());
        var deadline = new DateOnly(2026, 7, 1);
        await PublishAsync(FairScheduled(fair, Fair("Hội chợ hàng CNNT Quảng Ninh 2026", deadline)));
        await PublishAsync(FairCancelled(cancelledFirst, Fair("Hội chợ OCOP 2026", deadline)));
        await ConsumedAsync("FairCancelledInvitationsConsumer", 1);
        await PublishAsync(FairScheduled(cancelledFirst, Fair("Hội chợ OCOP 2026", deadline)));
        await ConsumedAsync("FairOpenToEstablishmentsConsumer", 2);

        Assert.Equal([(Of(fair, TaxCodeA), deadline)], await SeenByAsync(OwnerA, TaskKind.FairToJoin));
        Assert.Equal([(Of(fair, TaxCodeB), deadline)], await SeenByAsync(OwnerB, TaskKind.FairToJoin));
        Assert.Empty(await SeenByAsync(TestUser.Officer, TaskKind.FairToJoin));
        // The Centre still allocates the booths of the fair.
        Assert.Single((await InboxAsync(Client, TaskKind.FairToAllocate)).Items, t => t.RecordId == fair);

        await PublishAsync(Registered(fair, TaxCodeA));
        await PublishAsync(Registered(fair, TaxCodeA));
        await ConsumedAsync("FairRegistrationReceivedConsumer", 2);
        Assert.Empty(await SeenByAsync(OwnerA, TaskKind.FairToJoin));
        Assert.Single(await SeenByAsync(OwnerB, TaskKind.FairToJoin));

        await PublishAsync(FairCancelled(fair, Fair("Hội chợ hàng CNNT Quảng Ninh 2026", deadline)));
        await ConsumedAsync("FairCancelledInvitationsConsumer", 2);
        Assert.Empty(await SeenByAsync(OwnerB, TaskKind.FairToJoin));
    }

    [Fact]
    public async Task Invitations_consumed_at_once_from_every_queue_open_one_task_per_establishment_and_invitation()
    {
        await KnowAAndBAsync();
        var call = Guid.NewGuid();
        var fair = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PublishAsync(CallOpened(call, new DateOnly(2026, 7, 20))))
            .Concat(Enumerable.Range(0, 5).Select(_ => PublishAsync(FairScheduled(fair, Fair("Hội chợ 2026", new DateOnly(2026, 7, 1)))))));
        await ConsumedAsync("RegistrationCallOpenedConsumer", 5);
        await ConsumedAsync("FairOpenToEstablishmentsConsumer", 5);

        Assert.Equal(2, await WithDbAsync(db => db.Tasks.CountAsync(t => t.ParentRecordId == call)));
        Assert.Equal(2, await WithDbAsync(db => db.Tasks.CountAsync(t => t.ParentRecordId == fair)));
        Assert.Equal(2, (await InboxAsync(ClientAs(OwnerA))).Items.Count);
    }
}

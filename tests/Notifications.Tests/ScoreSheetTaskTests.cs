using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The score sheet each seat of an appraisal council owes: a task of the seat's own member and of nobody else, from the
/// council's forming until the member submits the sheet, steps out, or the round ends, whatever order the events come in.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ScoreSheetTaskTests(PostgresServer postgres, RabbitMqServer rabbit) : NotificationsApp(postgres, rabbit)
{
    private static readonly TestUser First = new(PlatformRoles.Appraiser, Subject: "appraiser-1");
    private static readonly TestUser Second = new(PlatformRoles.Appraiser, Subject: "appraiser-2");
    private static readonly TestUser Third = new(PlatformRoles.Appraiser, Subject: "appraiser-3");
    private static readonly DateOnly SheetsDue = new(2026, 6, 25);

    private readonly Guid _proposal = Guid.NewGuid();
    private readonly (Guid MemberId, string UserId)[] _seats = [(Guid.NewGuid(), First.Name), (Guid.NewGuid(), Second.Name), (Guid.NewGuid(), Third.Name)];

    private async Task<List<Guid>> SheetsOfAsync(TestUser user) =>
        [.. (await InboxAsync(ClientAs(user), TaskKind.ScoreSheetToFill)).Items.Select(t => t.RecordId)];

    [Fact]
    public async Task Each_member_of_a_formed_council_sees_only_the_sheet_of_their_own_seat_and_a_redelivery_opens_no_second()
    {
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();
        var formed = CouncilFormed(_proposal, Profile("DA-2026-201", "ha-long", "5700000201"), SheetsDue, _seats);
        await PublishAsync(formed, messageId);
        await ConsumedAsync("AppraisalCouncilFormedConsumer", 1);
        await PublishAsync(formed, messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("AppraisalCouncilFormedConsumer") >= 1)),
            "the redelivered AppraisalCouncilFormed was not recognised");

        var sheet = Assert.Single((await InboxAsync(ClientAs(First))).Items);
        Assert.Equal((TaskKind.ScoreSheetToFill, _seats[0].MemberId, "DA-2026-201", SheetsDue, $"/proposals/{_proposal}"),
            (sheet.Kind, sheet.RecordId, sheet.RecordCode, sheet.DueOn, sheet.Link));
        Assert.Equal([_seats[1].MemberId], await SheetsOfAsync(Second));
        Assert.Equal(new TaskCount(1, 0), await CountAsync(ClientAs(Third)));
        foreach (var seat in _seats)
        {
            Assert.Single(await TasksOfAsync(TaskKind.ScoreSheetToFill, seat.MemberId));
        }

        // Nobody else's inbox holds a member's sheet: not the Centre's officers, the establishment, its district, or another appraiser.
        Assert.Empty(await SheetsOfAsync(TestUser.Officer));
        Assert.Empty(await SheetsOfAsync(TestUser.Admin));
        Assert.Empty(await SheetsOfAsync(TestUser.Establishment("5700000201")));
        Assert.Empty(await SheetsOfAsync(TestUser.DistrictOfficer("ha-long")));
        Assert.Empty(await SheetsOfAsync(new TestUser(PlatformRoles.Appraiser, Subject: "appraiser-9")));
    }

    [Fact]
    public async Task A_sheet_closes_when_submitted_a_seat_when_its_member_steps_out_and_the_rest_when_the_round_ends()
    {
        await PublishAsync(CouncilFormed(_proposal, Profile("DA-2026-202"), SheetsDue, _seats));
        await ConsumedAsync("AppraisalCouncilFormedConsumer", 1);

        await PublishAsync(SheetSubmitted(_proposal, "DA-2026-202", _seats[0].MemberId, First.Name));
        await ConsumedAsync("AppraisalSheetSubmittedConsumer", 1);
        Assert.Empty(await SheetsOfAsync(First));
        Assert.Equal([_seats[1].MemberId], await SheetsOfAsync(Second));

        await PublishAsync(SteppedOut(_proposal, "DA-2026-202", _seats[1].MemberId, Second.Name));
        await ConsumedAsync("AppraisalMemberSteppedOutConsumer", 1);
        Assert.Empty(await SheetsOfAsync(Second));
        Assert.Equal([_seats[2].MemberId], await SheetsOfAsync(Third));

        await PublishAsync(AppraisalEnded(_proposal, "DA-2026-202", [.. _seats.Select(s => s.MemberId)]));
        await ConsumedAsync("AppraisalEndedConsumer", 1);
        Assert.Empty(await SheetsOfAsync(Third));
        Assert.Equal(["AppraisalSheetSubmitted", "AppraisalMemberSteppedOut", "AppraisalEnded"],
            await Task.WhenAll(_seats.Select(async s => Assert.Single(await TasksOfAsync(TaskKind.ScoreSheetToFill, s.MemberId)).ClosedBy!)));
    }

    [Fact]
    public async Task A_submission_or_the_round_s_end_arriving_before_the_council_leaves_no_sheet_open()
    {
        await PublishAsync(SheetSubmitted(_proposal, "DA-2026-203", _seats[0].MemberId, First.Name));
        await PublishAsync(AppraisalEnded(_proposal, "DA-2026-203", _seats[1].MemberId, _seats[2].MemberId));
        await ConsumedAsync("AppraisalSheetSubmittedConsumer", 1);
        await ConsumedAsync("AppraisalEndedConsumer", 1);

        await PublishAsync(CouncilFormed(_proposal, Profile("DA-2026-203"), SheetsDue, _seats));
        await ConsumedAsync("AppraisalCouncilFormedConsumer", 1);

        foreach (var seat in _seats)
        {
            var task = Assert.Single(await TasksOfAsync(TaskKind.ScoreSheetToFill, seat.MemberId));
            Assert.True(task.IsKnown);
            Assert.False(task.IsOpen);
        }
        Assert.Empty(await SheetsOfAsync(First));
        Assert.Empty(await SheetsOfAsync(Second));
        Assert.Empty(await SheetsOfAsync(Third));
    }

    [Fact]
    public void A_reminder_of_a_sheet_goes_to_its_member_only()
    {
        var task = WorkTask.For(TaskKind.ScoreSheetToFill, Guid.NewGuid(), At);
        task.Describe(new TaskDetails("DA-2026-204", "Phiếu thẩm định", SheetsDue, "/proposals/x", ForScopedUsers: false, "ha-long", ["5700000204"],
            AssigneeUserId: First.Name), At);
        var units = new Dictionary<string, string> { ["5700000204"] = "ha-long" };

        Assert.True(Person(First.Name, PlatformRoles.Appraiser).Concerns(task, units));
        Assert.False(Person(Second.Name, PlatformRoles.Appraiser).Concerns(task, units));
        Assert.False(Person("officer-1", PlatformRoles.Officer).Concerns(task, units));
        Assert.False(Person("owner-1", PlatformRoles.Establishment, taxCode: "5700000204").Concerns(task, units));
        Assert.False(Person("district-1", PlatformRoles.DistrictOfficer, unitCode: "ha-long").Concerns(task, units));
    }

    private static KnownAccount Person(string userId, string role, string? taxCode = null, string? unitCode = null) =>
        KnownAccount.From(AccountEvents.Of(userId, userId, roles: role) with { TaxCode = taxCode, UnitCode = unitCode, Email = $"{userId}@sct.test" });
}

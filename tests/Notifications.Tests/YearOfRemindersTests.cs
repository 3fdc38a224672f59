using System.Globalization;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Time;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;
using static KhuyenCong.Notifications.Tests.Events;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// A year of post-support evaluations, the clock moved day by day: every evaluation due gets its reminder seven days before
/// and on the day, exactly once, as read from the mails the SMTP server (smtp4dev) received.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class YearOfRemindersTests : ReminderApp, IClassFixture<Smtp4dev>
{
    private const string FollowUpKind = "Đánh giá sau hỗ trợ đến hạn";
    private readonly Smtp4dev _smtp;
    private readonly ITestOutputHelper _output;

    public YearOfRemindersTests(PostgresServer postgres, RabbitMqServer rabbit, Smtp4dev smtp, ITestOutputHelper output)
        : base(postgres, rabbit, smtp.Settings)
    {
        _smtp = smtp;
        _output = output;
    }

    [Fact]
    public async Task Every_evaluation_due_in_a_year_is_recalled_a_week_before_and_on_the_day_exactly_once()
    {
        await _smtp.ClearAsync();
        await PublishAsync(Account(Officer, "Trần Văn Cán", "can.tv@khuyencong.test"));
        await ConsumedAsync("AccountChangedConsumer", 1);
        var first = new DateOnly(2026, 7, 1);
        Clock.SetToday(first.AddDays(-10));
        // 30 proposals accepted between January and June 2026, settled at once; their evaluations fall 6 and 12 months
        // later, 60 of them, spread over the year from July 2026 (the demo's follow-up schedule).
        var followUps = new List<(Guid Id, Guid ProposalId, string Code, DateOnly DueOn)>();
        for (var i = 0; i < 30; i++)
        {
            var proposal = Guid.NewGuid();
            var code = $"DA-2026-{200 + i:D3}";
            var accepted = new DateOnly(2026, 1, 1).AddDays(i * 6);
            var schedule = new[] { (Guid.NewGuid(), accepted.AddMonths(6)), (Guid.NewGuid(), accepted.AddMonths(12)) };
            await PublishAsync(Accepted(proposal, Profile(code, "ha-long", TaxCodeA), accepted, schedule));
            await PublishAsync(Settled(proposal, Profile(code, "ha-long", TaxCodeA)));
            followUps.AddRange(schedule.Select(s => (s.Item1, proposal, code, s.Item2)));
        }
        await ConsumedAsync("ProposalAcceptedConsumer", 30);
        await ConsumedAsync("ProposalSettledConsumer", 30);

        var done = 0;
        var last = followUps.Max(f => f.DueOn);
        for (var day = first.AddDays(-7); day <= last; day = day.AddDays(1))
        {
            Clock.SetToday(day);
            await Job.RecordRemindersAsync(CancellationToken.None);
            while (await Sender.SendDueAsync(CancellationToken.None) > 0)
            {
            }
            // Each evaluation is recorded on its day, after that day's reminders: it is never overdue.
            foreach (var due in followUps.Where(f => f.DueOn == day))
            {
                await PublishAsync(FollowUpDone(due.Id, due.ProposalId, due.Code, due.DueOn));
                done++;
            }
            if (done > 0)
            {
                await ConsumedAsync("FollowUpRecordedConsumer", done);
            }
        }

        var mails = (await _smtp.SummariesAsync()).Where(m => m.Subject.Contains(FollowUpKind, StringComparison.Ordinal)).ToList();
        var received = mails.GroupBy(m => m.Subject).ToDictionary(g => g.Key, g => g.Count());
        var expected = followUps.SelectMany(f => new[]
        {
            $"[Khuyến công] Còn 7 ngày: {FollowUpKind} {f.Code} – hạn {ProvinceCalendar.FormatDate(f.DueOn)}",
            $"[Khuyến công] Đến hạn hôm nay: {FollowUpKind} {f.Code} – hạn {ProvinceCalendar.FormatDate(f.DueOn)}",
        }).ToList();
        var duplicates = received.Values.Sum(count => Math.Max(0, count - 1));
        var misses = expected.Count(subject => !received.ContainsKey(subject));
        var unexpected = received.Keys.Count(subject => !expected.Contains(subject));
        var reminders = await WithDbAsync(db => db.Reminders.CountAsync());
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulated year {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {followUps.Count} evaluations due, {reminders} reminders recorded, " +
            $"{mails.Count} reminder mails received (expected {expected.Count}), duplicates {duplicates}, misses {misses}, unexpected {unexpected}"));

        Assert.Equal(0, duplicates);
        Assert.Equal(0, misses);
        Assert.Equal(0, unexpected);
        Assert.Equal(expected.Count, mails.Count);
    }
}

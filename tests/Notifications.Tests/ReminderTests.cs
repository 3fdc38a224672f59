using System.Net.Http.Json;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// Who is reminded of which deadline and when: every user a task concerns, seven days before, on the day, then weekly while
/// it is overdue, exactly once each, however often and from however many job instances the job runs; a closed task no more.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ReminderTests(PostgresServer postgres, RabbitMqServer rabbit) : ReminderApp(postgres, rabbit)
{
    [Fact]
    public async Task The_accounts_are_copied_with_their_address_and_scope_and_an_older_revision_changes_nothing()
    {
        await PublishAsync(Account(HaLong, "Phòng Kinh tế Hạ Long", "kinhte@halong.test", revision: 2));
        await PublishAsync(Account(HaLong, "Tên cũ", "cu@halong.test", revision: 1));
        await ConsumedAsync("AccountChangedConsumer", 2);

        var copy = await WithDbAsync(db => db.Recipients.AsNoTracking().SingleAsync(r => r.UserId == HaLong.Name));
        Assert.Equal((2L, "Phòng Kinh tế Hạ Long", "kinhte@halong.test", "ha-long", "Hạ Long", (string?)null),
            (copy.Revision, copy.DisplayName, copy.Email, copy.UnitCode, copy.District, copy.TaxCode));
    }

    [Fact]
    public async Task Each_user_the_task_concerns_is_reminded_a_week_before_on_the_day_and_weekly_while_overdue_once_each()
    {
        await KnowPeopleAsync();
        var certificate = await CertificateOfAAsync("21/2023/CN-TB", new DateOnly(2026, 6, 22));
        string[] concerned = [HaLong.Name, OwnerA.Name, Officer.Name];

        await RunJobAsync(new DateOnly(2026, 6, 14));
        Assert.Empty(await RemindersOfAsync(certificate));
        await RunJobAsync(new DateOnly(2026, 6, 15));
        await RunJobAsync(new DateOnly(2026, 6, 15));
        await RunJobAsync(new DateOnly(2026, 6, 21));
        Assert.Equal(concerned.Select(u => (u, -7)), await RemindersOfAsync(certificate));

        await RunJobAsync(new DateOnly(2026, 6, 22));
        await RunJobAsync(new DateOnly(2026, 6, 28));
        await RunJobAsync(new DateOnly(2026, 6, 29));
        await RunJobAsync(new DateOnly(2026, 7, 6));
        await RunJobAsync(new DateOnly(2026, 7, 6));

        Assert.Equal([.. concerned.Select(u => (u, -7)), .. concerned.Select(u => (u, 0)), .. concerned.Select(u => (u, 7)), .. concerned.Select(u => (u, 14))],
            await RemindersOfAsync(certificate));
        // One mail per reminder, to the address of each user.
        var mails = await MailsAsync();
        Assert.Equal(12, mails.Count);
        Assert.Equal(4, mails.Count(m => m.ToAddress == "lienhe@htx-a.test"));
        Assert.DoesNotContain(mails, m => m.ToAddress is "lienhe@htx-b.test" or "lanhdao@sct.test");
    }

    [Fact]
    public async Task A_task_learnt_of_late_gets_only_the_latest_occasion_and_a_closed_task_no_more()
    {
        await KnowPeopleAsync();
        var late = await CertificateOfAAsync("07/2023/CN-TB", new DateOnly(2026, 6, 1));
        var closing = await CertificateOfAAsync("08/2023/CN-TB", new DateOnly(2026, 6, 22));

        await RunJobAsync(new DateOnly(2026, 6, 15));
        Assert.All(await RemindersOfAsync(late), r => Assert.Equal(14, r.Offset));
        Assert.Equal(3, (await RemindersOfAsync(closing)).Count);

        await PublishAsync(Events.Revoked(closing, "08/2023/CN-TB", TaxCodeA));
        await TaskClosedAsync(TaskKind.CertificateExpiring, closing);
        await RunJobAsync(new DateOnly(2026, 6, 22));
        await RunJobAsync(new DateOnly(2026, 6, 29));

        Assert.Equal([-7, -7, -7], (await RemindersOfAsync(closing)).Select(r => r.Offset));
        Assert.Equal([14, 14, 14, 21, 21, 21, 28, 28, 28], (await RemindersOfAsync(late)).Select(r => r.Offset));
    }

    [Fact]
    public async Task Two_job_instances_racing_over_the_same_due_items_on_one_database_record_one_row_and_one_mail_each()
    {
        await KnowPeopleAsync();
        var certificates = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            certificates.Add(await CertificateOfAAsync($"{30 + i}/2023/CN-TB", new DateOnly(2026, 6, 22)));
        }
        Clock.SetToday(new DateOnly(2026, 6, 15));
        // Two instances, as two replicas run them, each with its own scopes and connections to the same database.
        var first = ActivatorUtilities.CreateInstance<Reminders.ReminderJob>(Services);
        var second = ActivatorUtilities.CreateInstance<Reminders.ReminderJob>(Services);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).RecordRemindersAsync(CancellationToken.None)));

        Assert.Equal(36, recorded.Sum());
        var reminders = await WithDbAsync(db => db.Reminders.AsNoTracking().ToListAsync());
        Assert.Equal(36, reminders.Count);
        Assert.Equal(36, reminders.Select(r => (r.TaskId, r.UserId, r.DueOn, r.OffsetDays)).Distinct().Count());
        var mails = await MailsAsync();
        Assert.Equal(36, mails.Count);
        Assert.Equal(36, mails.Select(m => m.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_user_who_muted_a_kind_or_turned_e_mail_off_is_reminded_without_a_mail()
    {
        await KnowPeopleAsync();
        var owner = ClientAs(OwnerA);
        var district = ClientAs(HaLong);
        Assert.True((await owner.PutAsJsonAsync("/api/notifications/preferences",
            new { emailEnabled = true, digestEnabled = true, kinds = new[] { "FollowUpDue" } })).IsSuccessStatusCode);
        Assert.True((await district.PutAsJsonAsync("/api/notifications/preferences",
            new { emailEnabled = false, digestEnabled = true, kinds = Enum.GetNames<TaskKind>() })).IsSuccessStatusCode);
        var certificate = await CertificateOfAAsync("21/2023/CN-TB", new DateOnly(2026, 6, 22));

        await RunJobAsync(new DateOnly(2026, 6, 15));

        Assert.Equal(3, (await RemindersOfAsync(certificate)).Count);
        Assert.Equal(["can.tv@khuyencong.test"], (await MailsAsync()).Select(m => m.ToAddress));
    }
}

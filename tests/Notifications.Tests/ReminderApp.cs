using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.Notifications.Reminders;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The Notifications service with the people of the reminder tests: a Centre officer, the establishment <see cref="TaxCodeA"/>
/// in Hạ Long and its district officer, the establishment <see cref="TaxCodeB"/> in Tiên Yên, and a leader; the web UI at
/// <see cref="WebBase"/>. The tests run the reminder job and the sender themselves after moving the clock.
/// </summary>
public abstract class ReminderApp(PostgresServer postgres, RabbitMqServer rabbit, params (string Key, string Value)[] settings)
    : NotificationsApp(postgres, rabbit, [("Notifications:Mail:WebBaseUrl", WebBase), .. settings])
{
    public const string WebBase = "https://khuyencong.quangninh.test/";
    protected const string TaxCodeA = "5700000101";
    protected const string TaxCodeB = "5700000102";

    protected static readonly TestUser Officer = TestUser.Officer;
    protected static readonly TestUser OwnerA = TestUser.Establishment(TaxCodeA);
    protected static readonly TestUser OwnerB = TestUser.Establishment(TaxCodeB);
    protected static readonly TestUser HaLong = TestUser.DistrictOfficer("ha-long", "Hạ Long");

    protected ReminderJob Job => Services.GetRequiredService<ReminderJob>();
    protected MailSender Sender => Services.GetRequiredService<MailSender>();

    protected static AccountChanged Account(TestUser user, string displayName, string? email, long revision = 1, bool active = true) => new()
    {
        UserId = user.Name,
        Revision = revision,
        UserName = user.Name,
        DisplayName = displayName,
        Roles = [user.Role],
        IsActive = active,
        OccurredAt = DateTimeOffset.UtcNow,
        Email = email,
        UnitCode = user.UnitCode,
        District = user.District,
        TaxCode = user.TaxCode,
    };

    /// <summary>The people of the tests, as the identity service announces them; the leader's role calls for no task.</summary>
    protected async Task KnowPeopleAsync()
    {
        await KnowEstablishmentAsync(TaxCodeA, "ha-long");
        await KnowEstablishmentAsync(TaxCodeB, "tien-yen");
        await PublishAsync(Account(Officer, "Trần Văn Cán", "can.tv@khuyencong.test"));
        await PublishAsync(Account(OwnerA, "HTX Chè Đường Hoa", "lienhe@htx-a.test"));
        await PublishAsync(Account(HaLong, "Phòng Kinh tế Hạ Long", "kinhte@halong.test"));
        await PublishAsync(Account(OwnerB, "HTX Tiên Yên", "lienhe@htx-b.test"));
        await PublishAsync(Account(new TestUser(PlatformRoles.Leader), "Lãnh đạo Sở", "lanhdao@sct.test"));
        await ConsumedAsync("AccountChangedConsumer", 5);
    }

    /// <summary>A certificate of establishment A that expires on <paramref name="expiresOn"/>: a task of the Centre, of A and of Hạ Long's officer.</summary>
    protected async Task<Guid> CertificateOfAAsync(string number, DateOnly expiresOn)
    {
        var id = Guid.NewGuid();
        await PublishAsync(Events.Recognized(id, number, TaxCodeA, expiresOn));
        await TaskOpenedAsync(TaskKind.CertificateExpiring, id);
        return id;
    }

    protected async Task TaskOpenedAsync(TaskKind kind, Guid recordId) =>
        Xunit.Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () => (await TasksOfAsync(kind, recordId)).Any(t => t.IsKnown)),
            $"the {kind} task of {recordId} was not opened");

    protected async Task TaskClosedAsync(TaskKind kind, Guid recordId) =>
        Xunit.Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), async () => (await TasksOfAsync(kind, recordId)).Any(t => t.ClosedAt != null)),
            $"the {kind} task of {recordId} was not closed");

    /// <summary>The reminders recorded of the record's task, as (user, occasion) pairs in order.</summary>
    protected Task<List<(string UserId, int Offset)>> RemindersOfAsync(Guid recordId) => WithDbAsync(async db =>
    {
        var reminders = await (from reminder in db.Reminders
                               join task in db.Tasks on reminder.TaskId equals task.Id
                               where task.RecordId == recordId
                               orderby reminder.OffsetDays, reminder.UserId
                               select new { reminder.UserId, reminder.OffsetDays }).ToListAsync();
        return reminders.Select(r => (r.UserId, r.OffsetDays)).ToList();
    });

    protected Task<List<MailDelivery>> MailsAsync() =>
        WithDbAsync(db => db.MailDeliveries.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.ToAddress).ToListAsync());

    protected async Task RunJobAsync(DateOnly day)
    {
        Clock.SetToday(day);
        await Job.RecordRemindersAsync(CancellationToken.None);
    }

    protected Task<string> UnsubscribeTokenFor(TestUser user) => Task.FromResult(Services.GetRequiredService<UnsubscribeTokens>().For(user.Name));
}

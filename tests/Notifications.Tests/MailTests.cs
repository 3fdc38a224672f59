using System.Net;
using System.Net.Http.Json;
using KhuyenCong.Notifications.Api;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The reminders and digests as a real SMTP server (smtp4dev) receives them: Vietnamese text naming the record, the deadline
/// and the link, a one-click unsubscribe link that works without signing in; a mail the server refuses or cannot take kept
/// and retried with back-off, sent once when the server is back, given up after the last attempt.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MailTests : ReminderApp, IClassFixture<Smtp4dev>
{
    private readonly Smtp4dev _smtp;

    public MailTests(PostgresServer postgres, RabbitMqServer rabbit, Smtp4dev smtp) : base(postgres, rabbit, smtp.Settings) => _smtp = smtp;

    private async Task<List<ReceivedMail>> ReceivedByAsync(string address) =>
        [.. (await _smtp.MessagesAsync()).Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))];

    private async Task SendDueAsync()
    {
        while (await Sender.SendDueAsync(CancellationToken.None) > 0 && (await MailsAsync()).Any(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= Clock.GetUtcNow()))
        {
        }
    }

    [Fact]
    public async Task A_reminder_arrives_in_Vietnamese_naming_the_record_the_deadline_and_the_link_and_its_unsubscribe_link_works_without_signing_in()
    {
        await _smtp.ClearAsync();
        await KnowPeopleAsync();
        var certificate = await CertificateOfAAsync("51/2023/CN-TB", new DateOnly(2026, 6, 22));
        await RunJobAsync(new DateOnly(2026, 6, 15));
        await SendDueAsync();

        var mail = Assert.Single(await ReceivedByAsync("lienhe@htx-a.test"));
        Assert.Equal("[Khuyến công] Còn 7 ngày: Giấy chứng nhận sắp hết hạn 51/2023/CN-TB – hạn 22/06/2026", mail.Subject);
        Assert.Contains("Kính gửi HTX Chè Đường Hoa,", mail.Body);
        Assert.Contains("Hồ sơ: 51/2023/CN-TB – Chè Đường Hoa", mail.Body);
        Assert.Contains("Hạn: 22/06/2026 (còn 7 ngày).", mail.Body);
        Assert.Contains($"Mở hồ sơ: {WebBase}products/certificates", mail.Body);
        var unsubscribe = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.StartsWith($"{WebBase}api/notifications/unsubscribe?token=", unsubscribe);
        Assert.Contains(unsubscribe, mail.Body);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        // The token does not show whose link it is.
        Assert.DoesNotContain(OwnerA.Name, unsubscribe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TaxCodeA, unsubscribe);
        Assert.Single(await ReceivedByAsync("can.tv@khuyencong.test"));

        var anonymous = AnonymousClient();
        var tampered = await anonymous.GetAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(new Uri(unsubscribe).Query[7..] + "x")}");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        var answer = await anonymous.GetAsync(new Uri(unsubscribe).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Đã hủy nhận thư nhắc việc", await answer.Content.ReadAsStringAsync());
        Assert.False((await ClientAs(OwnerA).GetFromJsonAsync<PreferencesResponse>("/api/notifications/preferences", Json))!.EmailEnabled);

        await RunJobAsync(new DateOnly(2026, 6, 22));
        await SendDueAsync();

        Assert.Equal(6, (await RemindersOfAsync(certificate)).Count);
        Assert.Single(await ReceivedByAsync("lienhe@htx-a.test"));
        Assert.Equal(2, (await ReceivedByAsync("can.tv@khuyencong.test")).Count);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_or_cannot_take_is_kept_retried_after_the_back_off_and_sent_once_when_the_server_is_back()
    {
        await _smtp.ClearAsync();
        await PublishAsync(Account(Officer, "Trần Văn Cán", "can.tv@khuyencong.test"));
        await ConsumedAsync("AccountChangedConsumer", 1);
        await CertificateOfAAsync("52/2023/CN-TB", new DateOnly(2026, 6, 15));
        try
        {
            await _smtp.RestartAsync(refusing: true);
            await RunJobAsync(new DateOnly(2026, 6, 15));
            var start = Clock.GetUtcNow();
            await Sender.SendDueAsync(CancellationToken.None);

            var refused = Assert.Single(await MailsAsync());
            Assert.Equal((DeliveryStatus.Pending, 1, start.AddMinutes(1)), (refused.Status, refused.Attempts, refused.NextAttemptAt));
            Assert.NotNull(refused.LastError);
            // Not before its time.
            await Sender.SendDueAsync(CancellationToken.None);
            Assert.Equal(1, (await MailsAsync())[0].Attempts);

            _smtp.Stop();
            Clock.SetTo(start.AddMinutes(1));
            await Sender.SendDueAsync(CancellationToken.None);
            var down = Assert.Single(await MailsAsync());
            Assert.Equal((DeliveryStatus.Pending, 2, start.AddMinutes(6)), (down.Status, down.Attempts, down.NextAttemptAt));

            await _smtp.StartAsync(refusing: false);
            Clock.SetTo(start.AddMinutes(6));
            await Sender.SendDueAsync(CancellationToken.None);
            await Sender.SendDueAsync(CancellationToken.None);
            Clock.SetTo(start.AddHours(3));
            await Sender.SendDueAsync(CancellationToken.None);

            var sent = Assert.Single(await MailsAsync());
            Assert.Equal((DeliveryStatus.Sent, 3), (sent.Status, sent.Attempts));
            var received = Assert.Single(await ReceivedByAsync("can.tv@khuyencong.test"));
            Assert.Contains("Đến hạn hôm nay", received.Subject);
        }
        finally
        {
            await _smtp.RestartAsync(refusing: false);
        }
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_after_the_fifth_attempt_and_the_log_says_so()
    {
        await _smtp.ClearAsync();
        await PublishAsync(Account(Officer, "Trần Văn Cán", "tu-bo@khuyencong.test"));
        await ConsumedAsync("AccountChangedConsumer", 1);
        await CertificateOfAAsync("53/2023/CN-TB", new DateOnly(2026, 6, 15));
        try
        {
            _smtp.Stop();
            await RunJobAsync(new DateOnly(2026, 6, 15));
            var at = Clock.GetUtcNow();
            foreach (var wait in MailDelivery.Backoff.Prepend(TimeSpan.Zero))
            {
                at += wait;
                Clock.SetTo(at);
                await Sender.SendDueAsync(CancellationToken.None);
            }

            var given = Assert.Single(await MailsAsync());
            Assert.Equal((DeliveryStatus.Failed, 5, (DateTimeOffset?)null), (given.Status, given.Attempts, given.NextAttemptAt));
            Assert.StartsWith("Given up after 5 attempts", given.LastError);
        }
        finally
        {
            await _smtp.StartAsync(refusing: false);
        }
        Clock.SetTo(Clock.GetUtcNow().AddDays(1));
        await Sender.SendDueAsync(CancellationToken.None);
        Assert.Empty(await ReceivedByAsync("tu-bo@khuyencong.test"));
    }

    [Fact]
    public async Task The_daily_digest_lists_each_user_s_open_tasks_once_a_day_unless_turned_off()
    {
        await _smtp.ClearAsync();
        await KnowPeopleAsync();
        await CertificateOfAAsync("54/2023/CN-TB", new DateOnly(2026, 6, 10));
        await CertificateOfAAsync("55/2023/CN-TB", new DateOnly(2026, 7, 1));
        var district = ClientAs(HaLong);
        var off = await district.PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true, digestEnabled = false, kinds = Enum.GetNames<TaskKind>() });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        Clock.SetToday(new DateOnly(2026, 6, 15));
        Assert.Equal(2, await Job.RecordDigestsAsync(CancellationToken.None));
        Assert.Equal(0, await Job.RecordDigestsAsync(CancellationToken.None));
        await SendDueAsync();

        var digest = Assert.Single(await ReceivedByAsync("lienhe@htx-a.test"));
        Assert.Equal("[Khuyến công] Việc cần làm ngày 15/06/2026: 2 việc, 1 quá hạn", digest.Subject);
        Assert.True(digest.Body.IndexOf("54/2023/CN-TB – hạn 10/06/2026 (quá hạn)", StringComparison.Ordinal)
            < digest.Body.IndexOf("55/2023/CN-TB – hạn 01/07/2026", StringComparison.Ordinal));
        Assert.Contains($"{WebBase}tasks", digest.Body);
        Assert.Single(await ReceivedByAsync("can.tv@khuyencong.test"));
        Assert.Empty(await ReceivedByAsync("kinhte@halong.test"));
        Assert.Empty(await ReceivedByAsync("lienhe@htx-b.test"));

        Clock.SetToday(new DateOnly(2026, 6, 16));
        Assert.Equal(2, await Job.RecordDigestsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_user_reads_and_sets_the_e_mail_preferences_and_a_bad_request_is_refused_naming_the_field()
    {
        await _smtp.ClearAsync();
        await KnowPeopleAsync();
        var owner = ClientAs(OwnerA);

        var initial = (await owner.GetFromJsonAsync<PreferencesResponse>("/api/notifications/preferences", Json))!;
        Assert.Equal((true, true, Enum.GetValues<TaskKind>().Length, "lienhe@htx-a.test"), (initial.EmailEnabled, initial.DigestEnabled, initial.Kinds.Count, initial.Email));

        var set = await owner.PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true, digestEnabled = false, kinds = new[] { "FollowUpDue", "CertificateExpiring" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var read = (await owner.GetFromJsonAsync<PreferencesResponse>("/api/notifications/preferences", Json))!;
        Assert.Equal((true, false), (read.EmailEnabled, read.DigestEnabled));
        Assert.Equal([TaskKind.FollowUpDue, TaskKind.CertificateExpiring], read.Kinds);
        Assert.True((await ClientAs(Officer).GetFromJsonAsync<PreferencesResponse>("/api/notifications/preferences", Json))!.DigestEnabled);

        var bad = await owner.PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("digestEnabled", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousClient().GetAsync("/api/notifications/preferences")).StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.Preferences.CountAsync()));
    }
}

using System.Text;
using KhuyenCong.Contracts;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Time;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Notifications.Mail;

/// <summary>The Vietnamese texts of the reminders and the daily digest: each names the record, its deadline and its link.</summary>
public sealed class MailTemplates(IOptions<MailOptions> options, UnsubscribeTokens tokens)
{
    private Uri Base => options.Value.WebBaseUrl;

    public string LinkTo(string path) => new Uri(Base, path.TrimStart('/')).ToString();

    public string UnsubscribeUrl(string userId) => LinkTo($"api/notifications/unsubscribe?token={Uri.EscapeDataString(tokens.For(userId))}");

    /// <summary>The reminder of one task's deadline, <paramref name="offsetDays"/> from it (−7: a week before, 0: the day, 7: a week late).</summary>
    public MailText Reminder(WorkTask task, KnownAccount to, DateOnly dueOn, int offsetDays)
    {
        var kind = CodeNames.VietnameseOf(task.Kind);
        var deadline = ProvinceCalendar.FormatDate(dueOn);
        var (lead, state) = offsetDays switch
        {
            < 0 => ($"Còn {-offsetDays} ngày", $"còn {-offsetDays} ngày"),
            0 => ("Đến hạn hôm nay", "hôm nay là hạn cuối"),
            _ => ($"Quá hạn {offsetDays} ngày", $"đã quá hạn {offsetDays} ngày"),
        };
        var unsubscribe = UnsubscribeUrl(to.UserId);
        var body = new StringBuilder()
            .AppendLine($"Kính gửi {to.DisplayName},")
            .AppendLine()
            .AppendLine($"Việc cần làm: {kind}")
            .AppendLine($"Hồ sơ: {task.RecordCode}{(task.Title != task.RecordCode && task.Title.Length > 0 ? $" – {task.Title}" : "")}")
            .AppendLine($"Hạn: {deadline} ({state}).")
            .AppendLine()
            .AppendLine($"Mở hồ sơ: {LinkTo(task.Link)}")
            .AppendLine()
            .Append(Footer(unsubscribe))
            .ToString();
        return new MailText($"[Khuyến công] {lead}: {kind} {task.RecordCode} – hạn {deadline}", body, unsubscribe);
    }

    /// <summary>The day's digest: every open task of the user, overdue first, each with its deadline and link.</summary>
    public MailText Digest(KnownAccount to, DateOnly day, IReadOnlyList<WorkTask> tasks)
    {
        var unsubscribe = UnsubscribeUrl(to.UserId);
        var overdue = tasks.Count(t => t.DueOn < day);
        var body = new StringBuilder()
            .AppendLine($"Kính gửi {to.DisplayName},")
            .AppendLine()
            .AppendLine($"Ngày {ProvinceCalendar.FormatDate(day)} bạn có {tasks.Count} việc cần làm, trong đó {overdue} việc đã quá hạn:")
            .AppendLine();
        foreach (var task in tasks)
        {
            if (task.Kind.IsLeaderAlert)
            {
                // An alert has no deadline of its own: its title says what it is about.
                body.AppendLine($"- {CodeNames.VietnameseOf(task.Kind)}: {task.Title}")
                    .AppendLine($"  {LinkTo(task.Link)}");
                continue;
            }
            var due = task.DueOn is { } on ? $"hạn {ProvinceCalendar.FormatDate(on)}{(on < day ? " (quá hạn)" : "")}" : "không có hạn";
            body.AppendLine($"- {CodeNames.VietnameseOf(task.Kind)}: {task.RecordCode} – {due}")
                .AppendLine($"  {LinkTo(task.Link)}");
        }
        body.AppendLine()
            .AppendLine($"Danh sách việc cần làm: {LinkTo("tasks")}")
            .AppendLine()
            .Append(Footer(unsubscribe));
        return new MailText($"[Khuyến công] Việc cần làm ngày {ProvinceCalendar.FormatDate(day)}: {tasks.Count} việc, {overdue} quá hạn", body.ToString(), unsubscribe);
    }

    private string Footer(string unsubscribe) => new StringBuilder()
        .AppendLine("Thư này do hệ thống quản lý khuyến công gửi tự động, xin đừng trả lời.")
        .AppendLine($"Chọn loại việc được nhắc hoặc tắt bản tổng hợp hằng ngày: {LinkTo("tasks")}")
        .AppendLine($"Không nhận thư nhắc việc nữa (một lần bấm): {unsubscribe}")
        .ToString();
}

using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Consumers;

/// <summary>
/// Keeps the <see cref="Recipient"/> copy of each account from the identity service's <see cref="AccountChanged"/>,
/// once per message (the inbox) and whatever order they arrive in (the revision, read under a row lock; two first
/// revisions inserted at once collide on the key and the loser is retried as an update).
/// </summary>
public sealed class AccountChangedConsumer(NotificationsDbContext db) : IdempotentConsumer<AccountChanged, NotificationsDbContext>(db)
{
    private const int MaxUserIdLength = 64;

    protected override async Task HandleAsync(AccountChanged account, ConsumeContext<AccountChanged> context)
    {
        if (string.IsNullOrEmpty(account.UserId) || account.UserId.Length > MaxUserIdLength)
        {
            return;
        }
        // Locked until the inbox transaction commits: an older revision never overwrites a newer one read a moment before.
        var copy = await Db.Recipients.FromSql($"SELECT * FROM recipients WHERE user_id = {account.UserId} FOR UPDATE")
            .SingleOrDefaultAsync(context.CancellationToken);
        if (copy is null)
        {
            Db.Recipients.Add(Recipient.From(account));
        }
        else
        {
            copy.Apply(account);
        }
    }
}

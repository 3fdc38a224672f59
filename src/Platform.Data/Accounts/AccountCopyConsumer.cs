using System.Runtime.CompilerServices;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Accounts;

/// <summary>
/// Keeps <see cref="KnownAccount"/> rows from the identity service's <see cref="AccountChanged"/>,
/// idempotently (the inbox) and whatever order they arrive in (the revision, read under a row lock; two
/// first revisions inserted at once collide on the key and the loser is retried as an update). A service declares one
/// subclass with its own DbContext:
/// <code>public sealed class AccountChangedConsumer(ProductsDbContext db) : AccountCopyConsumer&lt;ProductsDbContext&gt;(db);</code>
/// </summary>
public abstract class AccountCopyConsumer<TContext>(TContext db) : IdempotentConsumer<AccountChanged, TContext>(db)
    where TContext : ServiceDbContext
{
    protected override async Task HandleAsync(AccountChanged account, ConsumeContext<AccountChanged> context)
    {
        if (string.IsNullOrEmpty(account.UserId) || account.UserId.Length > KnownAccounts.MaxUserIdLength)
        {
            return;
        }
        var copies = Db.Set<KnownAccount>();
        // The table the service maps the copy to (a name of its own model, not of the message).
        var table = Db.Model.FindEntityType(typeof(KnownAccount))!.GetTableName();
        // Locked until the inbox transaction commits: two revisions of one account consumed at once are applied
        // one after the other, so an older one never overwrites a newer one read a moment before.
        var copy = await copies.FromSql(FormattableStringFactory.Create($"SELECT * FROM \"{table}\" WHERE user_id = {{0}} FOR UPDATE", account.UserId))
            .SingleOrDefaultAsync(context.CancellationToken);
        if (copy is null)
        {
            copies.Add(KnownAccount.From(account));
        }
        else
        {
            copy.Apply(account);
        }
    }
}

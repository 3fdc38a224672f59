using KhuyenCong.Contracts.Accounts;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;
using MassTransit;

namespace KhuyenCong.ServiceDefaults.Accounts;

/// <summary>
/// Keeps <see cref="KnownAccount"/> rows from the identity service's <see cref="AccountChanged"/>,
/// idempotently (the inbox) and whatever order they arrive in (the revision). A service declares one
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
        var copy = await copies.FindAsync([account.UserId], context.CancellationToken);
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

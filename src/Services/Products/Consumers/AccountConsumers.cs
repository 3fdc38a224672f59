using KhuyenCong.Products.Data;
using KhuyenCong.Platform.Accounts;

namespace KhuyenCong.Products.Consumers;

/// <summary>Keeps the copy of the user accounts that may sit on a competition's jury.</summary>
public sealed class AccountChangedConsumer(ProductsDbContext db) : AccountCopyConsumer<ProductsDbContext>(db);

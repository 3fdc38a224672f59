using KhuyenCong.Platform.Accounts;
using KhuyenCong.Products.Data;

namespace KhuyenCong.Products.Consumers;

/// <summary>Keeps the copy of the user accounts that may sit on a competition's jury.</summary>
public sealed class AccountChangedConsumer(ProductsDbContext db) : AccountCopyConsumer<ProductsDbContext>(db);

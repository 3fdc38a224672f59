using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Products.Data;

namespace KhuyenCong.Products.Consumers;

/// <summary>Keeps the local copy of the establishment registry that entries are checked against.</summary>
public sealed class EstablishmentRegisteredConsumer(ProductsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentRegistered, ProductsDbContext>(db);

public sealed class EstablishmentUpdatedConsumer(ProductsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentUpdated, ProductsDbContext>(db);

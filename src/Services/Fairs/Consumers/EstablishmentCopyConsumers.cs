using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Platform.Establishments;

namespace KhuyenCong.Fairs.Consumers;

public sealed class EstablishmentRegisteredConsumer(FairsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentRegistered, FairsDbContext>(db);

public sealed class EstablishmentUpdatedConsumer(FairsDbContext db)
    : EstablishmentCopyConsumer<EstablishmentUpdated, FairsDbContext>(db);

using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Training.Data;

namespace KhuyenCong.Training.Consumers;

/// <summary>Keeps the local copy of the establishment registry that trainees and courses refer to.</summary>
public sealed class EstablishmentRegisteredConsumer(TrainingDbContext db)
    : EstablishmentCopyConsumer<EstablishmentRegistered, TrainingDbContext>(db);

public sealed class EstablishmentUpdatedConsumer(TrainingDbContext db)
    : EstablishmentCopyConsumer<EstablishmentUpdated, TrainingDbContext>(db);

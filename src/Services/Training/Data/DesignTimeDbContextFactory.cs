using KhuyenCong.ServiceDefaults.Data;

namespace KhuyenCong.Training.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<TrainingDbContext>;

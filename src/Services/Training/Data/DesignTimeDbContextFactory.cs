using KhuyenCong.Platform.Data;

namespace KhuyenCong.Training.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<TrainingDbContext>;

using KhuyenCong.Platform.Data;

namespace KhuyenCong.Proposals.Data;

internal sealed class DesignTimeDbContextFactory : ServiceDesignTimeFactory<ProposalsDbContext>;

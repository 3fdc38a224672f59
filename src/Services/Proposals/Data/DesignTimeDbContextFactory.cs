using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KhuyenCong.Proposals.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProposalsDbContext>
{
    public ProposalsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProposalsDbContext>()
            .UseNpgsql("Host=localhost;Database=proposalsdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}

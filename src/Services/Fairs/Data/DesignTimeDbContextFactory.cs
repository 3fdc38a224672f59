using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KhuyenCong.Fairs.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FairsDbContext>
{
    public FairsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FairsDbContext>()
            .UseNpgsql("Host=localhost;Database=fairsdb")
            .UseSnakeCaseNamingConvention()
            .Options);
}

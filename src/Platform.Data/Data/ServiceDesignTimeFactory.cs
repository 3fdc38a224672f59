using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's model without a running database: each service
/// declares <c>class DesignTimeDbContextFactory : ServiceDesignTimeFactory&lt;TheirDbContext&gt;</c>.
/// </summary>
public abstract class ServiceDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost")
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}

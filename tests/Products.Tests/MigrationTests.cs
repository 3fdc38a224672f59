using KhuyenCong.Products.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xunit;

namespace KhuyenCong.Products.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        var factory = (IDesignTimeDbContextFactory<ProductsDbContext>)Activator.CreateInstance(
            typeof(ProductsDbContext).Assembly.GetType("KhuyenCong.Products.Data.DesignTimeDbContextFactory")!)!;
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
    }
}

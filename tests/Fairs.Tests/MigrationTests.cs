using KhuyenCong.Fairs.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xunit;

namespace KhuyenCong.Fairs.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        var factory = (IDesignTimeDbContextFactory<FairsDbContext>)Activator.CreateInstance(
            typeof(FairsDbContext).Assembly.GetType("KhuyenCong.Fairs.Data.DesignTimeDbContextFactory")!)!;
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
    }
}

using KhuyenCong.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xunit;

namespace KhuyenCong.Identity.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        var factory = (IDesignTimeDbContextFactory<IdentityDb>)Activator.CreateInstance(
            typeof(IdentityDb).Assembly.GetType("KhuyenCong.Identity.Data.DesignTimeDbContextFactory")!)!;
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
    }
}

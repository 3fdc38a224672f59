using KhuyenCong.Proposals.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        var factory = (IDesignTimeDbContextFactory<ProposalsDbContext>)Activator.CreateInstance(
            typeof(ProposalsDbContext).Assembly.GetType("KhuyenCong.Proposals.Data.DesignTimeDbContextFactory")!)!;
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
    }
}

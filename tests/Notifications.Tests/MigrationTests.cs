using KhuyenCong.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        var factory = (IDesignTimeDbContextFactory<NotificationsDbContext>)Activator.CreateInstance(
            typeof(NotificationsDbContext).Assembly.GetType("KhuyenCong.Notifications.Data.DesignTimeDbContextFactory")!)!;
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
    }
}

using KhuyenCong.Notifications.Domain;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<WorkTask> Tasks => Set<WorkTask>();

    /// <summary>The registry's establishments, to place a district officer's unit.</summary>
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}

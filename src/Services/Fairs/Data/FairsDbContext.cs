using KhuyenCong.Fairs.Domain;
using KhuyenCong.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Data;

public sealed class FairsDbContext(DbContextOptions<FairsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Fair> Fairs => Set<Fair>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Fair>(entity =>
        {
            entity.ToTable("fairs");
            entity.HasKey(e => e.Id);
        });
    }
}

using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Data;

public sealed class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Competition> Competitions => Set<Competition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Competition>(entity =>
        {
            entity.ToTable("competitions");
            entity.HasKey(e => e.Id);
        });
    }
}

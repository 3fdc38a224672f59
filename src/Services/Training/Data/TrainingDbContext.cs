using KhuyenCong.Training.Domain;
using KhuyenCong.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Data;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Course>(entity =>
        {
            entity.ToTable("courses");
            entity.HasKey(e => e.Id);
        });
    }
}

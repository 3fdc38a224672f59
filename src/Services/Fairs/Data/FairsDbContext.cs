using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Data;

public sealed class FairsDbContext(DbContextOptions<FairsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Fair> Fairs => Set<Fair>();
    public DbSet<FairRegistration> Registrations => Set<FairRegistration>();
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();
    public DbSet<KnownCertificate> Certificates => Set<KnownCertificate>();
    public DbSet<FairSupportNorm> SupportNorms => Set<FairSupportNorm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.AddHistory();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FairsDbContext).Assembly);
    }
}

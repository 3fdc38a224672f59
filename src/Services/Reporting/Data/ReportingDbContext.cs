using KhuyenCong.Reporting.Domain;
using KhuyenCong.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ProposalFact> ProposalFacts => Set<ProposalFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ProposalFact>(fact =>
        {
            fact.ToTable("proposal_facts");
            fact.HasKey(f => f.ProposalId);
            fact.Property(f => f.Code).HasMaxLength(32);
            fact.Property(f => f.District).HasMaxLength(100);
            fact.Property(f => f.FundingSource).HasMaxLength(16);
            fact.Property(f => f.Stage).HasConversion<string>().HasMaxLength(16);
            fact.HasIndex(f => new { f.Stage, f.PlanYear });
        });
    }
}

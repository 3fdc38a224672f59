using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<ProposalFact> ProposalFacts => Set<ProposalFact>();
    public DbSet<FollowUpFact> FollowUps => Set<FollowUpFact>();
    public DbSet<CourseFact> Courses => Set<CourseFact>();
    public DbSet<CertificateFact> Certificates => Set<CertificateFact>();
    public DbSet<FairFact> Fairs => Set<FairFact>();
    public DbSet<FairParticipantFact> FairParticipants => Set<FairParticipantFact>();
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();
    public DbSet<EnvelopeEntryFact> EnvelopeEntries => Set<EnvelopeEntryFact>();
    public DbSet<MoneyMovementFact> MoneyMovements => Set<MoneyMovementFact>();
    public DbSet<PlanVersionFact> PlanVersions => Set<PlanVersionFact>();
    public DbSet<PlanItemFact> PlanItems => Set<PlanItemFact>();
    public DbSet<NationalProposalFact> NationalProposals => Set<NationalProposalFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        ProposalCubes.Map(modelBuilder);
    }
}

using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Data;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Data;

public sealed class ProposalsDbContext(DbContextOptions<ProposalsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<SupportNorm> SupportNorms => Set<SupportNorm>();
    public DbSet<ManagementCostNorm> ManagementCostNorms => Set<ManagementCostNorm>();
    public DbSet<AdvanceRate> AdvanceRates => Set<AdvanceRate>();
    public DbSet<PriorityAreaStatus> PriorityAreaStatuses => Set<PriorityAreaStatus>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<BudgetEnvelope> BudgetEnvelopes => Set<BudgetEnvelope>();
    public DbSet<RegistrationCall> RegistrationCalls => Set<RegistrationCall>();
    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();
    public DbSet<NationalSubmission> NationalSubmissions => Set<NationalSubmission>();
    public DbSet<UnitConsolidation> UnitConsolidations => Set<UnitConsolidation>();
    public DbSet<KnownAccount> KnownAccounts => Set<KnownAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownAccountConfiguration());
        modelBuilder.AddNumberSequences();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProposalsDbContext).Assembly);
    }

    /// <summary>
    /// Takes the next sequence number of a code prefix and plan year (<see cref="NumberSequences"/>), so codes
    /// are unique even when two officers create proposals at once. Runs inside the caller's transaction.
    /// </summary>
    public Task<int> NextCodeNumberAsync(string prefix, int year, CancellationToken cancellationToken) =>
        NumberSequences.NextAsync(this, NumberSequenceKey.Yearly($"proposal-code/{prefix}", year), cancellationToken);

    /// <summary>The district-level unit a unit reports under: itself before July 2025, its former district after.</summary>
    public async Task<string> DistrictNameOfAsync(AdministrativeUnit unit, CancellationToken cancellationToken)
    {
        if (unit.IsDistrictLevel || unit.FormerDistrictCode is null)
        {
            return unit.Name;
        }
        return await AdministrativeUnits.Where(u => u.Code == unit.FormerDistrictCode).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            ?? unit.Name;
    }
}

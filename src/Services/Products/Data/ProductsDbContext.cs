using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Data;

public sealed class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Competition> Competitions => Set<Competition>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<KnownEstablishment> KnownEstablishments => Set<KnownEstablishment>();
    public DbSet<DistrictRound> DistrictRounds => Set<DistrictRound>();

    /// <summary>The copy of the identity service's accounts: a jury seat names one of them.</summary>
    public DbSet<KnownAccount> KnownAccounts => Set<KnownAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.ApplyConfiguration(new KnownAccountConfiguration());
        modelBuilder.AddNumberSequences();
        modelBuilder.AddHistory();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProductsDbContext).Assembly);
    }

    /// <summary>A competition with its council, entries with their score sheets and declared conflicts, and complaints: the whole aggregate.</summary>
    public Task<Competition?> LoadCompetitionAsync(Guid id, CancellationToken cancellationToken) =>
        Competitions
            .Include(c => c.JuryMembers)
            .Include(c => c.Entries).ThenInclude(e => e.Scores)
            .Include(c => c.Entries).ThenInclude(e => e.Conflicts)
            .Include(c => c.Complaints)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// The district round that binds a provincial entry of <paramref name="provincialYear"/> from
    /// <paramref name="district"/> received on <paramref name="receivedOn"/> (<see cref="DistrictRoundCycle"/>):
    /// a district competition announced on the platform (opened; held from the day its registration opens, which
    /// stays true when a past round is recorded later), or a round an officer recorded; none when neither.
    /// </summary>
    public async Task<DistrictRoundHeld?> DistrictRoundBindingAsync(string district, int provincialYear, DateOnly receivedOn,
        CancellationToken cancellationToken)
    {
        var from = DistrictRoundCycle.FirstYearFor(provincialYear);
        var competition = await Competitions.AsNoTracking()
            .Where(c => c.Level == RecognitionLevel.District && c.District == district && c.Year >= from && c.Year <= provincialYear
                        && c.OpenedOn != null && c.RegistrationOpensOn <= receivedOn)
            .OrderByDescending(c => c.RegistrationOpensOn)
            .Select(c => new DistrictRoundHeld(district, c.Year, c.RegistrationOpensOn, c.Title))
            .FirstOrDefaultAsync(cancellationToken);
        return competition ?? await DistrictRounds.AsNoTracking()
            .Where(r => r.District == district && r.Year >= from && r.Year <= provincialYear && r.HeldOn <= receivedOn)
            .OrderByDescending(r => r.HeldOn)
            .Select(r => new DistrictRoundHeld(district, r.Year, r.HeldOn, r.Reason))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the next certificate number of a level and competition year (<see cref="NumberSequences"/>), so
    /// numbers are unique even when two competitions close at once. Runs inside the caller's transaction.
    /// </summary>
    public Task<int> NextCertificateNumberAsync(RecognitionLevel level, int year, CancellationToken cancellationToken) =>
        NumberSequences.NextAsync(this, NumberSequenceKey.Yearly($"certificate/{level.CertificateCode()}", year), cancellationToken);
}

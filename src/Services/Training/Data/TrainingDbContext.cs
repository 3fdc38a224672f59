using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Data;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Trainee> Trainees => Set<Trainee>();
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();

    /// <summary>The counters of certificate numbers, one per year of issue.</summary>
    public IQueryable<NumberSequence> CertificateSequences => Set<NumberSequence>().Where(s => s.Name == CertificateSequenceName);

    /// <summary>A course with its enrolments and sessions: the whole aggregate its rules need.</summary>
    public IQueryable<Course> CoursesWithDetails => Courses.Include(c => c.Enrolments).Include(c => c.Sessions).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.AddNumberSequences();
        modelBuilder.AddHistory();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrainingDbContext).Assembly);
    }

    /// <summary>The counter of certificate numbers (<see cref="CertificateNumber"/>) in each year of issue.</summary>
    public const string CertificateSequenceName = "certificate";

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive certificate numbers of a year (<see cref="NumberSequences"/>)
    /// and returns the first, so numbers stay unique when two courses issue certificates at once.
    /// Runs inside the caller's transaction.
    /// </summary>
    public Task<int> ReserveCertificateNumbersAsync(int year, int count, CancellationToken cancellationToken) =>
        NumberSequences.ReserveAsync(this, NumberSequenceKey.Yearly(CertificateSequenceName, year), count, cancellationToken);
}

using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Data;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Trainee> Trainees => Set<Trainee>();
    public DbSet<KnownEstablishment> Establishments => Set<KnownEstablishment>();
    public DbSet<CertificateSequence> CertificateSequences => Set<CertificateSequence>();

    /// <summary>A course with its enrolments and sessions: the whole aggregate its rules need.</summary>
    public IQueryable<Course> CoursesWithDetails => Courses.Include(c => c.Enrolments).Include(c => c.Sessions).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new KnownEstablishmentConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrainingDbContext).Assembly);
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive certificate numbers of a year atomically (an upsert)
    /// and returns the first, so numbers stay unique when two courses issue certificates at once.
    /// Runs inside the caller's transaction.
    /// </summary>
    public async Task<int> ReserveCertificateNumbersAsync(int year, int count, CancellationToken cancellationToken) =>
        (await Database.SqlQuery<int>($"""
            INSERT INTO certificate_sequences (year, last_value) VALUES ({year}, {count})
            ON CONFLICT (year) DO UPDATE SET last_value = certificate_sequences.last_value + {count}
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken)).Single() - count + 1;
}

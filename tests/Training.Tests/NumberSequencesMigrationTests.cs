using KhuyenCong.TestSupport;
using KhuyenCong.Training.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KhuyenCong.Training.Tests;

[Collection(ServersCollection.Name)]
public sealed class NumberSequencesMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Certificate_counters_of_an_existing_database_move_to_the_number_sequences_and_continue()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseNpgsql(postgres.NewDatabase("sequencemove"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new TrainingDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var moving = migrations.FindIndex(m => m.EndsWith("_NumberSequences", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[moving - 1]);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO certificate_sequences (year, last_value) VALUES (2024, 17), (2025, 3)");

        await migrator.MigrateAsync();

        Assert.Equal(18, await db.ReserveCertificateNumbersAsync(2024, 2, CancellationToken.None));
        Assert.Equal(4, await db.ReserveCertificateNumbersAsync(2025, 1, CancellationToken.None));
        Assert.Equal(1, await db.ReserveCertificateNumbersAsync(2026, 1, CancellationToken.None));
        Assert.Equal([19, 4, 1], await db.CertificateSequences.OrderBy(s => s.Scope).Select(s => s.LastValue).ToListAsync());
        Assert.Equal(0, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'certificate_sequences'").SingleAsync());
    }
}

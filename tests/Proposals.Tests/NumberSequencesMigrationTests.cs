using KhuyenCong.Proposals.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class NumberSequencesMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Code_counters_of_an_existing_database_move_to_the_number_sequences_and_continue()
    {
        var options = new DbContextOptionsBuilder<ProposalsDbContext>()
            .UseNpgsql(postgres.NewDatabase("sequencemove"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new ProposalsDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var moving = migrations.FindIndex(m => m.EndsWith("_NumberSequences", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[moving - 1]);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO proposal_code_sequences (prefix, year, last_value) VALUES ('KCQG', 2025, 41), ('KCĐP', 2025, 7), ('KCQG', 2024, 90)");

        await migrator.MigrateAsync();

        Assert.Equal(42, await db.NextCodeNumberAsync("KCQG", 2025, CancellationToken.None));
        Assert.Equal(8, await db.NextCodeNumberAsync("KCĐP", 2025, CancellationToken.None));
        Assert.Equal(91, await db.NextCodeNumberAsync("KCQG", 2024, CancellationToken.None));
        Assert.Equal(1, await db.NextCodeNumberAsync("KCĐP", 2026, CancellationToken.None));
        Assert.Equal(0, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'proposal_code_sequences'").SingleAsync());
    }
}

using KhuyenCong.Proposals.Data;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class ProposalHistoryMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Earlier_entries_get_their_kind_and_the_names_the_service_knows_when_the_database_moves_up()
    {
        var options = new DbContextOptionsBuilder<ProposalsDbContext>()
            .UseNpgsql(postgres.NewDatabase("historymove"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new ProposalsDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var moving = migrations.FindIndex(m => m.EndsWith("_HistoryNamesDatesAndEdits", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[moving - 1]);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO known_accounts (user_id, revision, user_name, display_name, roles, is_active, updated_at)
            VALUES ('officer-lan', 1, 'lan', 'Nguyễn Thị Lan', ARRAY['Officer'], true, now());
            INSERT INTO proposals (id, code, funding_source, plan_year, title, content_group, implementing_unit, administrative_unit_code, district,
                location, objectives, state_support, own_capital, other_sources, expected_jobs, expected_average_wage, is_priority_area,
                units, sector, status, created_at, is_late)
            VALUES ('0193a2b4-0000-7000-8000-000000000001', 'KCĐP-2024-001', 'Local', 2024, 'Đề án', 2, 'Cơ sở', 'dong-trieu', 'Đông Triều', 'Nơi', 'Mục tiêu',
                1, 0, 0, 0, 0, false, 1, 'Manufacturing', 'Draft', now(), false);
            INSERT INTO proposal_transitions (proposal_id, sequence, "from", "to", at, acted_by, reason) VALUES
                ('0193a2b4-0000-7000-8000-000000000001', 1, NULL, 'Draft', now(), 'officer-lan', 'Created'),
                ('0193a2b4-0000-7000-8000-000000000001', 2, 'Draft', 'Draft', now(), 'kc-scripts', 'Priority area yes (derived: no): Xã mới');
            """);

        await migrator.MigrateAsync();

        var entries = await db.Database.SqlQuery<MovedEntry>(
            $"SELECT sequence, kind, acted_by_name FROM proposal_transitions ORDER BY sequence").ToListAsync();
        Assert.Equal([new(1, "StatusChange", "Nguyễn Thị Lan"), new(2, "PriorityOverride", null)], entries);
    }

    private sealed record MovedEntry(int Sequence, string Kind, string? ActedByName);
}

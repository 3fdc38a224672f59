using System.Globalization;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Data;

/// <summary>
/// Pre-aggregated proposal figures ("cubes"), so that a report over a million proposals sums a few
/// thousand rows. Two grains: every dimension, and the coarser year × district × funding source ×
/// content group that the summary, the period report and most reports need.
/// <para>
/// A projection never updates a cube row itself: many events land in the same few cells (one year, one
/// district), and row locks held to each commit would make the consumers queue one behind another. It
/// appends the proposal's move (old cell out, new cell in) to <c>proposal_cube_delta</c> in the
/// transaction of the event; <see cref="CubeFolding"/> folds the appended rows into the cubes in batches,
/// and reports read a cube together with the rows not folded yet (<see cref="Source"/>), so a figure
/// counts as soon as its event is committed. A rebuild recomputes the cubes from the proposal facts.
/// </para>
/// </summary>
public static class ProposalCubes
{
    public sealed record Cube(string Table, IReadOnlyList<string> Keys);

    public static readonly Cube Full = new("proposal_cube", ["plan_year", "district", "content_group", "funding_source", "sector", "status"]);
    public static readonly Cube ByArea = new("proposal_cube_by_area", ["plan_year", "district", "funding_source", "content_group"]);
    private static readonly Cube[] All = [Full, ByArea];

    /// <summary>Moves appended by projections and not folded into the cubes yet; keyed like <see cref="Full"/>.</summary>
    public const string DeltaTable = "proposal_cube_delta";

    public static readonly IReadOnlyList<string> Measures =
    [
        "proposals", "approved", "accepted", "total_budget", "state_support", "own_capital", "other_sources",
        "support_used", "advances_outstanding", "jobs_created", "wage_bill",
    ];

    /// <summary>The smallest cube that holds every column a query uses.</summary>
    public static Cube For(IEnumerable<string> columns) => columns.All(ByArea.Keys.Contains) ? ByArea : Full;

    /// <summary>
    /// What a report selects from: the cube's rows and the moves not folded into it yet, with the cube's
    /// keys and every measure, so that summing over it gives the figures of every committed event.
    /// </summary>
    public static string Source(Cube cube)
    {
        var columns = string.Join(", ", cube.Keys.Concat(Measures));
        return $"(SELECT {columns} FROM {cube.Table} UNION ALL SELECT {columns} FROM {DeltaTable}) AS cube_rows";
    }

    internal static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProposalCubeDeltaRow>(row =>
        {
            row.ToTable(DeltaTable);
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).UseIdentityAlwaysColumn();
            row.Property(r => r.District).HasMaxLength(100);
            row.Property(r => r.FundingSource).HasMaxLength(16);
            row.Property(r => r.Status).HasMaxLength(32);
        });
        modelBuilder.Entity<ProposalCubeRow>(row =>
        {
            row.ToTable(Full.Table);
            row.HasKey(r => new { r.PlanYear, r.District, r.ContentGroup, r.FundingSource, r.Sector, r.Status });
            row.HasIndex(r => r.Proposals).HasFilter("proposals = 0").HasDatabaseName("ix_proposal_cube_empty");
            row.Property(r => r.District).HasMaxLength(100);
            row.Property(r => r.FundingSource).HasMaxLength(16);
            row.Property(r => r.Status).HasMaxLength(32);
        });
        modelBuilder.Entity<ProposalAreaCubeRow>(row =>
        {
            row.ToTable(ByArea.Table);
            row.HasKey(r => new { r.PlanYear, r.District, r.FundingSource, r.ContentGroup });
            row.HasIndex(r => r.Proposals).HasFilter("proposals = 0").HasDatabaseName("ix_proposal_cube_by_area_empty");
            row.Property(r => r.District).HasMaxLength(100);
            row.Property(r => r.FundingSource).HasMaxLength(16);
        });
    }

    /// <summary>Appends one proposal's move from <paramref name="before"/> to <paramref name="after"/> for the cubes.</summary>
    public static async Task ApplyAsync(ReportingDbContext db, ProposalCell? before, ProposalCell after, CancellationToken cancellationToken)
    {
        if (before == after)
        {
            return;
        }
        var parameters = new List<object>();
        var rows = new List<string>();
        if (before is not null)
        {
            rows.Add(Row(before, -1, parameters));
        }
        rows.Add(Row(after, +1, parameters));
        var sql = $"INSERT INTO {DeltaTable} ({string.Join(", ", Full.Keys.Concat(Measures))}) VALUES {string.Join(", ", rows)}";
        await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    private static string Row(ProposalCell cell, int sign, List<object> parameters)
    {
        object[] keys = [cell.PlanYear, cell.District, cell.ContentGroup, cell.FundingSource, cell.Sector, cell.Status];
        long[] measures =
        [
            cell.Proposals, cell.Approved, cell.Accepted, cell.TotalBudget, cell.StateSupport, cell.OwnCapital, cell.OtherSources,
            cell.SupportUsed, cell.AdvancesOutstanding, cell.JobsCreated, cell.WageBill,
        ];
        var values = keys.Concat(measures.Select(m => (object)(sign * m))).Select(v => Parameter(parameters, v));
        return $"({string.Join(", ", values)})";
    }

    /// <summary>The advisory lock key of folding ("kc-fold" as a number).</summary>
    private const long FoldingLock = 0x6B632D666F6C64;

    /// <summary>
    /// Folds every appended move into both cubes (moves of one event are committed together, so they
    /// are folded together) and drops the cells no proposal is in any more, in one transaction. Returns
    /// the number of moves folded. Safe to run from several instances at once: they fold in turn, and a move is taken by one.
    /// </summary>
    public static async Task<int> FoldAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas fold in turn: concurrent folds would only contend for the same rows (and may deadlock).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FoldingLock})", cancellationToken);
        var folded = (await db.Database.SqlQueryRaw<int>(FoldStatement.Value).ToListAsync(cancellationToken)).Single();
        if (folded > 0)
        {
            await db.Database.ExecuteSqlRawAsync(DropEmptyCells.Value, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }

    private static readonly Lazy<string> FoldStatement = new(() =>
    {
        // A cell whose moves cancel out (in and out in the same batch) is left alone.
        string Upsert(Cube cube) => $"""
            INSERT INTO {cube.Table} ({string.Join(", ", cube.Keys.Concat(Measures))})
            SELECT {string.Join(", ", cube.Keys)}, {string.Join(", ", Measures.Select(m => $"SUM({m})"))}
            FROM moved GROUP BY {string.Join(", ", cube.Keys)}
            HAVING {string.Join(" OR ", Measures.Select(m => $"SUM({m}) <> 0"))}
            ON CONFLICT ({string.Join(", ", cube.Keys)}) DO UPDATE SET
            {string.Join(", ", Measures.Select(m => $"{m} = {cube.Table}.{m} + excluded.{m}"))}
            """;
        return $"""
            WITH moved AS (DELETE FROM {DeltaTable} RETURNING *),
            full_cells AS ({Upsert(Full)}),
            area_cells AS ({Upsert(ByArea)})
            SELECT COUNT(*)::int AS "Value" FROM moved
            """;
    });

    // Partial indexes on proposals = 0 keep this from reading the cubes.
    private static readonly Lazy<string> DropEmptyCells = new(() =>
        string.Join(";\n", All.Select(cube => $"DELETE FROM {cube.Table} WHERE proposals = 0")));

    private static string Parameter(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    /// <summary>
    /// Recomputes both cubes from the proposal facts; the same figures as <see cref="ProposalFact.Cell"/>,
    /// in SQL. Used by the rebuild and by loads that write facts directly.
    /// </summary>
    public static Task RecomputeAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RecomputeWithoutPendingMoves.Value, cancellationToken);

    // The facts already hold every appended move, so a recompute drops the moves not folded yet.
    private static readonly Lazy<string> RecomputeWithoutPendingMoves = new(() => $"TRUNCATE {DeltaTable};\n{RecomputeSql}");

    /// <summary>The SQL recomputing both cubes from the facts (a migration runs it too); names are constants of this class.</summary>
    public static string RecomputeSql => RecomputeStatement.Value;

    private static readonly Lazy<string> RecomputeStatement = new(() =>
    {
        const string approved = "approved_support IS NOT NULL AND cancelled_at IS NULL";
        const string accepted = "accepted_on IS NOT NULL AND cancelled_at IS NULL";
        var full = string.Join(", ", Full.Keys);
        var area = string.Join(", ", ByArea.Keys);
        return $"""
            TRUNCATE {Full.Table}, {ByArea.Table};
            INSERT INTO {Full.Table} ({full}, {string.Join(", ", Measures)})
            SELECT {full},
                COUNT(*),
                COUNT(*) FILTER (WHERE {approved}),
                COUNT(*) FILTER (WHERE {accepted}),
                COALESCE(SUM(total_budget) FILTER (WHERE {approved}), 0),
                COALESCE(SUM(approved_support) FILTER (WHERE {approved}), 0),
                COALESCE(SUM(own_capital) FILTER (WHERE {approved}), 0),
                COALESCE(SUM(other_sources) FILTER (WHERE {approved}), 0),
                COALESCE(SUM(COALESCE(settled_support, actual_support_used)) FILTER (WHERE {accepted}), 0),
                COALESCE(SUM(GREATEST(advances_paid - refunded, 0)) FILTER (WHERE settled_on IS NULL), 0),
                COALESCE(SUM(jobs_created) FILTER (WHERE {accepted}), 0),
                COALESCE(SUM(jobs_created::bigint * average_wage) FILTER (WHERE {accepted}), 0)
            FROM proposal_facts
            GROUP BY {full};
            INSERT INTO {ByArea.Table} ({area}, {string.Join(", ", Measures)})
            SELECT {area}, {string.Join(", ", Measures.Select(m => $"SUM({m})"))}
            FROM {Full.Table}
            GROUP BY {area};
            """;
    });
}

/// <summary>A row of <see cref="ProposalCubes.Full"/>; written and read with SQL only.</summary>
public sealed class ProposalCubeRow : ProposalCellColumns;

/// <summary>A move appended for the cubes (<see cref="ProposalCubes.DeltaTable"/>); written and read with SQL only.</summary>
public sealed class ProposalCubeDeltaRow : ProposalCellColumns
{
    public long Id { get; private set; }
}

/// <summary>The keys of a cell of <see cref="ProposalCubes.Full"/> and its measures.</summary>
public abstract class ProposalCellColumns : ProposalCubeMeasures
{
    public int PlanYear { get; private set; }
    public string District { get; private set; } = "";
    public int ContentGroup { get; private set; }
    public string FundingSource { get; private set; } = "";
    public int Sector { get; private set; }
    public string Status { get; private set; } = "";
}

/// <summary>A row of <see cref="ProposalCubes.ByArea"/>; written and read with SQL only.</summary>
public sealed class ProposalAreaCubeRow : ProposalCubeMeasures
{
    public int PlanYear { get; private set; }
    public string District { get; private set; } = "";
    public string FundingSource { get; private set; } = "";
    public int ContentGroup { get; private set; }
}

public abstract class ProposalCubeMeasures
{
    public long Proposals { get; private set; }
    public long Approved { get; private set; }
    public long Accepted { get; private set; }
    public long TotalBudget { get; private set; }
    public long StateSupport { get; private set; }
    public long OwnCapital { get; private set; }
    public long OtherSources { get; private set; }
    public long SupportUsed { get; private set; }
    public long AdvancesOutstanding { get; private set; }
    public long JobsCreated { get; private set; }
    public long WageBill { get; private set; }
}

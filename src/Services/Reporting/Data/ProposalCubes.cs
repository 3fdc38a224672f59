using System.Globalization;
using KhuyenCong.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Reporting.Data;

/// <summary>
/// Pre-aggregated proposal figures ("cubes"), so that a report over a million proposals sums a few
/// thousand rows. Projections keep them up to date by delta (a proposal's old cell out, its new cell
/// in, in the transaction of the event); a rebuild recomputes them from the proposal facts. Two grains:
/// every dimension, and the coarser year × district × funding source × content group that the summary,
/// the period report and most reports need.
/// </summary>
public static class ProposalCubes
{
    public sealed record Cube(string Table, IReadOnlyList<string> Keys);

    public static readonly Cube Full = new("proposal_cube", ["plan_year", "district", "content_group", "funding_source", "sector", "status"]);
    public static readonly Cube ByArea = new("proposal_cube_by_area", ["plan_year", "district", "funding_source", "content_group"]);
    private static readonly Cube[] All = [Full, ByArea];

    public static readonly IReadOnlyList<string> Measures =
    [
        "proposals", "approved", "accepted", "total_budget", "state_support", "own_capital", "other_sources",
        "support_used", "advances_outstanding", "jobs_created", "wage_bill",
    ];

    /// <summary>The smallest cube that holds every column a query uses.</summary>
    public static Cube For(IEnumerable<string> columns) => columns.All(ByArea.Keys.Contains) ? ByArea : Full;

    internal static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProposalCubeRow>(row =>
        {
            row.ToTable(Full.Table);
            row.HasKey(r => new { r.PlanYear, r.District, r.ContentGroup, r.FundingSource, r.Sector, r.Status });
            row.Property(r => r.District).HasMaxLength(100);
            row.Property(r => r.FundingSource).HasMaxLength(16);
            row.Property(r => r.Status).HasMaxLength(32);
        });
        modelBuilder.Entity<ProposalAreaCubeRow>(row =>
        {
            row.ToTable(ByArea.Table);
            row.HasKey(r => new { r.PlanYear, r.District, r.FundingSource, r.ContentGroup });
            row.Property(r => r.District).HasMaxLength(100);
            row.Property(r => r.FundingSource).HasMaxLength(16);
        });
    }

    /// <summary>Moves one proposal's contribution from <paramref name="before"/> to <paramref name="after"/> in every cube.</summary>
    public static async Task ApplyAsync(ReportingDbContext db, ProposalCell? before, ProposalCell after, CancellationToken cancellationToken)
    {
        if (before == after)
        {
            return;
        }
        var sql = new List<string>();
        var parameters = new List<object>();
        if (before is not null)
        {
            Add(before, -1, sql, parameters);
        }
        Add(after, +1, sql, parameters);
        await db.Database.ExecuteSqlRawAsync(string.Join(";\n", sql), parameters, cancellationToken);
    }

    private static void Add(ProposalCell cell, int sign, List<string> sql, List<object> parameters)
    {
        var keyValues = new Dictionary<string, object>
        {
            ["plan_year"] = cell.PlanYear, ["district"] = cell.District, ["content_group"] = cell.ContentGroup,
            ["funding_source"] = cell.FundingSource, ["sector"] = cell.Sector, ["status"] = cell.Status,
        };
        long[] measures =
        [
            cell.Proposals, cell.Approved, cell.Accepted, cell.TotalBudget, cell.StateSupport, cell.OwnCapital, cell.OtherSources,
            cell.SupportUsed, cell.AdvancesOutstanding, cell.JobsCreated, cell.WageBill,
        ];
        foreach (var cube in All)
        {
            var keyParams = cube.Keys.Select(k => Parameter(parameters, keyValues[k])).ToList();
            var measureParams = measures.Select(m => Parameter(parameters, sign * m)).ToList();
            sql.Add($"""
                INSERT INTO {cube.Table} ({string.Join(", ", cube.Keys)}, {string.Join(", ", Measures)})
                VALUES ({string.Join(", ", keyParams.Concat(measureParams))})
                ON CONFLICT ({string.Join(", ", cube.Keys)}) DO UPDATE SET
                {string.Join(", ", Measures.Select(m => $"{m} = {cube.Table}.{m} + excluded.{m}"))}
                """);
            if (sign < 0)
            {
                sql.Add($"DELETE FROM {cube.Table} WHERE {string.Join(" AND ", cube.Keys.Select((k, i) => $"{k} = {keyParams[i]}"))} AND proposals = 0");
            }
        }
    }

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
        db.Database.ExecuteSqlRawAsync(RecomputeSql, cancellationToken);

    /// <summary>The SQL of <see cref="RecomputeAsync"/>; table and column names are constants of this class.</summary>
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
                COALESCE(SUM(advances_paid) FILTER (WHERE settled_on IS NULL), 0),
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
public sealed class ProposalCubeRow : ProposalCubeMeasures
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

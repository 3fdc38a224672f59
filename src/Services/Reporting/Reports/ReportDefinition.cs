using System.Data.Common;
using KhuyenCong.Reporting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// A dimension a report can be grouped and filtered by. <see cref="Sql"/> is the expression in the
/// report's FROM; <see cref="Label"/> turns a stored value into the answer's value (null = unknown);
/// <see cref="FilterValue"/> gives the stored value a filter asks for (null = not filtered).
/// </summary>
internal sealed record Dimension(string Name, string Header, string Sql, Func<object?, object?> Label, Func<ReportFilter, object?>? FilterValue = null);

/// <summary>An aggregate over the report's rows, always a whole number.</summary>
internal sealed record Measure(string Name, string Sql);

/// <summary>
/// How one report is computed: where its rows come from, what it groups by, what it sums and which
/// figures it derives. The SQL is assembled from these constants and the chosen dimensions only;
/// request values travel as parameters.
/// </summary>
internal sealed class ReportDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    /// <summary>The FROM clause, given the dimensions the query uses (so it can choose a pre-aggregated table).</summary>
    public required Func<IReadOnlyCollection<string>, string> From { get; init; }
    public string? Where { get; init; }
    /// <summary>
    /// When set, a group whose rows sum to nothing by this condition is left out (rows that cancel out,
    /// such as a proposal's move out of a cell and into another not folded into the cube yet).
    /// </summary>
    public string? GroupShownWhen { get; init; }
    public required IReadOnlyList<Dimension> Dimensions { get; init; }
    public required IReadOnlyList<Measure> Measures { get; init; }
    public required IReadOnlyList<ReportColumn> Columns { get; init; }
    /// <summary>The figures of one row from its measures.</summary>
    public required Func<IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, object?>> Figures { get; init; }

    public Dimension? Dimension(string name) => Dimensions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<ReportTable> RunAsync(
        ReportingDbContext db, ReportFilter filter, IReadOnlyList<string> groupBy, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        var grouped = groupBy.Select(name => Dimension(name)!).ToList();
        var values = new List<object>();
        string Parameter(object value)
        {
            values.Add(value);
            return $"@p{values.Count - 1}";
        }

        var conditions = new List<string>();
        if (Where is not null)
        {
            conditions.Add(Where);
        }
        var used = new HashSet<string>(grouped.Select(d => d.Name));
        var year = Dimension("year")!;
        if (filter.FromYear is { } from)
        {
            conditions.Add($"{year.Sql} >= {Parameter(from)}");
            used.Add(year.Name);
        }
        if (filter.ToYear is { } to)
        {
            conditions.Add($"{year.Sql} <= {Parameter(to)}");
            used.Add(year.Name);
        }
        foreach (var dimension in Dimensions)
        {
            if (dimension.FilterValue?.Invoke(filter) is { } wanted)
            {
                conditions.Add($"{dimension.Sql} = {Parameter(wanted)}");
                used.Add(dimension.Name);
            }
        }

        var keys = grouped.Select(d => d.Sql).ToList();
        var select = keys.Select((k, i) => $"{k} AS g{i}")
            .Append(keys.Count == 0 ? "1 AS is_total" : $"GROUPING({string.Join(", ", keys)}) AS is_total")
            .Concat(Measures.Select(m => $"COALESCE({m.Sql}, 0)::bigint AS {m.Name}"));
        var sql = $"""
            SELECT {string.Join(", ", select)}
            FROM {From(used)}
            {(conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "")}
            {(keys.Count > 0 ? $"GROUP BY GROUPING SETS (({string.Join(", ", keys)}), ())" : "")}
            {(keys.Count > 0 && GroupShownWhen is not null ? $"HAVING {GroupShownWhen} OR GROUPING({string.Join(", ", keys)}) <> 0" : "")}
            {(keys.Count > 0 ? "ORDER BY is_total, " + string.Join(", ", keys.Select((_, i) => $"g{i}")) : "")}
            """;

        var rows = new List<ReportRow>();
        ReportRow? total = null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                AddParameter(command, name, value);
            }
            for (var i = 0; i < values.Count; i++)
            {
                AddParameter(command, $"p{i}", values[i]);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var group = new Dictionary<string, object?>();
                for (var i = 0; i < grouped.Count; i++)
                {
                    group[grouped[i].Name] = grouped[i].Label(reader.IsDBNull(i) ? null : reader.GetValue(i));
                }
                var measures = new Dictionary<string, long>();
                for (var i = 0; i < Measures.Count; i++)
                {
                    measures[Measures[i].Name] = reader.GetInt64(grouped.Count + 1 + i);
                }
                var isTotal = keys.Count == 0 || reader.GetInt32(grouped.Count) != 0;
                if (isTotal)
                {
                    total = new ReportRow(new Dictionary<string, object?>(), Figures(measures));
                }
                else
                {
                    rows.Add(new ReportRow(group, Figures(measures)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        total ??= new ReportRow(new Dictionary<string, object?>(), Figures(Measures.ToDictionary(m => m.Name, _ => 0L)));
        return new ReportTable(Name, Title, filter, grouped.Select(d => d.Name).ToList(), Columns, rows, total);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

using KhuyenCong.Contracts;

namespace KhuyenCong.Reporting.Reports;

/// <summary>The slice of the programme a report covers; every part is optional.</summary>
public sealed record ReportFilter(
    int? FromYear = null,
    int? ToYear = null,
    FundingSource? FundingSource = null,
    ContentGroup? ContentGroup = null,
    string? District = null,
    Sector? Sector = null);

public enum ReportColumnKind
{
    Count,
    Money,
    Ratio,
    Percent,
    Text,
}

/// <summary>
/// A figure column. <see cref="Additive"/> figures of the groups sum to the total; the others
/// (ratios, averages, distinct counts) are computed for each row from its own data.
/// </summary>
public sealed record ReportColumn(string Name, string Header, ReportColumnKind Kind, bool Additive);

/// <summary>One row: the values of the grouped dimensions (null = not known) and the figures.</summary>
public sealed record ReportRow(IReadOnlyDictionary<string, object?> Group, IReadOnlyDictionary<string, object?> Figures);

/// <summary>A report's answer: a row per group and the total over the whole filter.</summary>
public sealed record ReportTable(
    string Report,
    string Title,
    ReportFilter Filter,
    IReadOnlyList<string> GroupBy,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportRow> Rows,
    ReportRow Total);

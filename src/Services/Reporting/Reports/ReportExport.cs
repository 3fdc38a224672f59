using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// A report as a spreadsheet (xlsx, amounts in the VND number format) or as CSV (RFC 4180, UTF-8 with
/// a byte-order mark so that Excel shows Vietnamese). Headers are Vietnamese; the last row is the total.
/// </summary>
internal static class ReportExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string VndFormat = "#,##0 \"₫\"";
    public const string TotalLabel = "Tổng cộng";
    private const string ScopeHeader = "Phạm vi";

    /// <summary>The header row and the rows of cells, in column order.</summary>
    internal static (IReadOnlyList<(string Key, string Header, ReportColumnKind Kind)> Columns, List<object?[]> Rows) Cells(ReportTable table, IReadOnlyList<(string Name, string Header)> groupHeaders)
    {
        var columns = new List<(string Key, string Header, ReportColumnKind Kind)>();
        if (table.GroupBy.Count == 0)
        {
            columns.Add(("scope", ScopeHeader, ReportColumnKind.Text));
        }
        columns.AddRange(groupHeaders.Select(g => (g.Name, g.Header, ReportColumnKind.Text)));
        columns.AddRange(table.Columns.Select(c => (c.Name, c.Header, c.Kind)));

        var rows = new List<object?[]>(table.Rows.Count + 1);
        foreach (var row in table.Rows)
        {
            rows.Add([.. table.GroupBy.Select(d => GroupCell(d, row.Group[d])), .. table.Columns.Select(c => row.Figures[c.Name])]);
        }
        var totalLabels = table.GroupBy.Count == 0
            ? new object?[] { TotalLabel }
            : [TotalLabel, .. Enumerable.Repeat<object?>(null, table.GroupBy.Count - 1)];
        rows.Add([.. totalLabels, .. table.Columns.Select(c => table.Total.Figures[c.Name])]);
        return (columns, rows);
    }

    private static object? GroupCell(string dimension, object? value) =>
        dimension == "year" && value is int year ? year : VietnameseLabels.Of(dimension, value);

    public static byte[] Xlsx(ReportTable table, IReadOnlyList<(string Name, string Header)> groupHeaders)
    {
        var (columns, rows) = Cells(table, groupHeaders);
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(c.Key)
            {
                Name = c.Header,
                Index = i,
                Width = c.Kind == ReportColumnKind.Text ? 28 : 22,
                Format = c.Kind switch
                {
                    ReportColumnKind.Money => VndFormat,
                    ReportColumnKind.Count => "#,##0",
                    ReportColumnKind.Ratio or ReportColumnKind.Percent => "0.00",
                    _ => null,
                },
            })],
        };
        var sheet = rows.Select(cells => (IDictionary<string, object?>)columns
            .Select((c, i) => (c.Key, Value: cells[i]))
            .ToDictionary(c => c.Key, c => c.Value));
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Báo cáo", configuration: configuration);
        return stream.ToArray();
    }

    public static byte[] Csv(ReportTable table, IReadOnlyList<(string Name, string Header)> groupHeaders)
    {
        var (columns, rows) = Cells(table, groupHeaders);
        var text = new StringBuilder();
        AppendLine(text, columns.Select(c => c.Header));
        foreach (var cells in rows)
        {
            AppendLine(text, cells.Select(value => value switch
            {
                null => "",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            }));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One CSV record: fields with a comma, quote or line break are quoted, quotes doubled (RFC 4180).</summary>
    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f));
        text.Append("\r\n");
    }
}

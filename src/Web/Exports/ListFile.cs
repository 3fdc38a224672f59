using System.Globalization;
using System.Text;
using KhuyenCong.Web.Api;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace KhuyenCong.Web.Exports;

/// <summary>What a column holds, which says how a spreadsheet formats it.</summary>
public enum ListColumnKind
{
    Text,
    Count,
    Money,
    Decimal,
    Date,
}

/// <summary>A column of an exported list: its Vietnamese header and how a row gives its cell.</summary>
public sealed record ListColumn<T>(string Header, Func<T, object?> Value, ListColumnKind Kind = ListColumnKind.Text);

/// <summary>The shapes a list is downloaded in.</summary>
public enum ListFileFormat
{
    /// <summary>A spreadsheet: amounts in the VND number format, dates as dates.</summary>
    Xlsx,

    /// <summary>RFC 4180 CSV: comma-separated, a decimal point, ISO dates, UTF-8.</summary>
    Csv,

    /// <summary>CSV as Excel set to Vietnamese reads it: semicolon-separated, a decimal comma, dd/MM/yyyy, UTF-8 with a byte-order mark.</summary>
    CsvVietnamese,
}

/// <summary>
/// A list as a file: a header row of Vietnamese column names, then one row per record, the codes already named in
/// Vietnamese by the columns. The same rows in every format.
/// </summary>
public static class ListFile
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const string VndFormat = "#,##0 \"₫\"";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The format a request names: <c>xlsx</c>, <c>csv</c> or <c>csv-vi</c>.</summary>
    public static ListFileFormat? FormatNamed(string? name) => name switch
    {
        "xlsx" => ListFileFormat.Xlsx,
        "csv" => ListFileFormat.Csv,
        "csv-vi" => ListFileFormat.CsvVietnamese,
        _ => null,
    };

    public static string NameOf(ListFileFormat format) => format switch
    {
        ListFileFormat.Xlsx => "xlsx",
        ListFileFormat.Csv => "csv",
        _ => "csv-vi",
    };

    public static DownloadedFile Write<T>(ListFileFormat format, string fileName, string sheetName, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> rows) =>
        format == ListFileFormat.Xlsx
            ? new DownloadedFile(Xlsx(sheetName, columns, rows), XlsxContentType, fileName + ".xlsx")
            : new DownloadedFile(Csv(format == ListFileFormat.CsvVietnamese, columns, rows), CsvContentType,
                fileName + (format == ListFileFormat.CsvVietnamese ? "_excel-vi" : "") + ".csv");

    private static byte[] Xlsx<T>(string sheetName, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> rows)
    {
        var keys = columns.Select((_, i) => $"c{i}").ToList();
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(keys[i])
            {
                Name = c.Header,
                Index = i,
                Width = c.Kind == ListColumnKind.Text ? 32 : 18,
                Format = c.Kind switch
                {
                    ListColumnKind.Money => VndFormat,
                    ListColumnKind.Count => "#,##0",
                    ListColumnKind.Decimal => "0.00",
                    ListColumnKind.Date => "dd/MM/yyyy",
                    _ => null,
                },
            })],
        };
        var sheet = rows.Select(row => (IDictionary<string, object?>)columns
            .Select((c, i) => (Key: keys[i], Value: c.Value(row) is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : c.Value(row)))
            .ToDictionary(c => c.Key, c => c.Value));
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: sheetName, configuration: configuration);
        return stream.ToArray();
    }

    private static byte[] Csv<T>(bool vietnamese, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> rows)
    {
        var separator = vietnamese ? ';' : ',';
        var text = new StringBuilder();
        AppendLine(text, separator, columns.Select(c => c.Header));
        foreach (var row in rows)
        {
            AppendLine(text, separator, columns.Select(c => Cell(c.Value(row), vietnamese)));
        }
        var content = Encoding.UTF8.GetBytes(text.ToString());
        return vietnamese ? [.. Encoding.UTF8.GetPreamble(), .. content] : content;
    }

    private static string Cell(object? value, bool vietnamese) => value switch
    {
        null => "",
        DateOnly date => vietnamese ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Whole numbers without grouping, so that a spreadsheet reads them as numbers; decimals with the shape's mark.
        decimal number => number.ToString("0.##", vietnamese ? Vietnamese : CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>One CSV record: fields with the separator, a quote or a line break are quoted, quotes doubled (RFC 4180).</summary>
    private static void AppendLine(StringBuilder text, char separator, IEnumerable<string> fields)
    {
        text.AppendJoin(separator, fields.Select(f => f.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f));
        text.Append("\r\n");
    }
}

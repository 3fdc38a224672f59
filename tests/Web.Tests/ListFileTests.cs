extern alias WebApp;

using System.Text;
using KhuyenCong.Platform.Text;
using MiniExcelLibs;
using WebApp::KhuyenCong.Web.Exports;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>A list written as a file, without a browser: the same rows in every format, each format in its own shape.</summary>
public sealed class ListFileTests
{
    private sealed record Row(string Name, decimal Share, long Rent, DateOnly Opens);

    private static readonly ListColumn<Row>[] Columns =
    [
        new("Tên hội chợ, triển lãm", r => r.Name),
        new("Tỷ lệ hỗ trợ (%)", r => r.Share, ListColumnKind.Decimal),
        new("Giá thuê (đồng)", r => r.Rent, ListColumnKind.Money),
        new("Khai mạc", r => r.Opens, ListColumnKind.Date),
    ];

    private static readonly Row[] Rows =
    [
        new("Hội chợ \"OCOP\" Hạ Long", 37.5m, 12_000_000, new DateOnly(2026, 3, 5)),
        new("Hội chợ; Móng Cái", 50m, 9_500_000, new DateOnly(2026, 11, 20)),
    ];

    [Fact]
    public void Vietnamese_csv_is_semicolon_separated_with_a_decimal_comma_day_first_dates_and_a_byte_order_mark()
    {
        var file = ListFile.Write(ListFileFormat.CsvVietnamese, "hoi-cho", "Hội chợ", Columns, Rows);

        Assert.Equal("hoi-cho_excel-vi.csv", file.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file.Content[..3]);
        Assert.Equal(
            "Tên hội chợ, triển lãm;Tỷ lệ hỗ trợ (%);Giá thuê (đồng);Khai mạc\r\n" +
            "\"Hội chợ \"\"OCOP\"\" Hạ Long\";37,5;12000000;05/03/2026\r\n" +
            "\"Hội chợ; Móng Cái\";50;9500000;20/11/2026\r\n",
            Encoding.UTF8.GetString(file.Content[3..]));
    }

    [Fact]
    public void Plain_csv_is_comma_separated_with_a_decimal_point_and_iso_dates()
    {
        var file = ListFile.Write(ListFileFormat.Csv, "hoi-cho", "Hội chợ", Columns, Rows);

        Assert.Equal("hoi-cho.csv", file.FileName);
        Assert.Equal(
            "\"Tên hội chợ, triển lãm\",Tỷ lệ hỗ trợ (%),Giá thuê (đồng),Khai mạc\r\n" +
            "\"Hội chợ \"\"OCOP\"\" Hạ Long\",37.5,12000000,2026-03-05\r\n" +
            "Hội chợ; Móng Cái,50,9500000,2026-11-20\r\n",
            Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public void The_spreadsheet_holds_the_same_rows_under_the_vietnamese_headers_with_numbers_and_dates_as_such()
    {
        var file = ListFile.Write(ListFileFormat.Xlsx, "hoi-cho", "Hội chợ", Columns, Rows);

        Assert.Equal("hoi-cho.xlsx", file.FileName);
        var sheet = MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Rows.Select(r => r.Name), sheet.Select(r => (string)r["Tên hội chợ, triển lãm"]));
        Assert.Equal([37.5, 50.0], sheet.Select(r => Convert.ToDouble(r["Tỷ lệ hỗ trợ (%)"])));
        Assert.Equal([12_000_000.0, 9_500_000.0], sheet.Select(r => Convert.ToDouble(r["Giá thuê (đồng)"])));
        Assert.Equal(new DateTime(2026, 3, 5), (DateTime)sheet[0]["Khai mạc"]);
    }

    [Theory]
    [InlineData("Đề án khuyến công", "de-an-khuyen-cong")]
    [InlineData("Đã phê duyệt", "da-phe-duyet")]
    [InlineData("  Hội chợ, triển lãm / 2025 ", "hoi-cho-trien-lam-2025")]
    public void File_names_are_the_vietnamese_words_without_diacritics(string words, string slug) =>
        Assert.Equal(slug, VietnameseText.Slug(words));
}

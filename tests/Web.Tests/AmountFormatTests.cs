extern alias WebApp;

using System.Globalization;
using WebApp::KhuyenCong.Web.Ui;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>Totals read as people say them: tỷ or triệu đồng with the Vietnamese decimal comma, billion or million VND in English.</summary>
public sealed class AmountFormatTests
{
    [Theory]
    [InlineData(12_345_678_901L, "12,35 tỷ đồng")]
    [InlineData(14_953_000_000L, "14,95 tỷ đồng")]
    [InlineData(1_000_000_000L, "1,00 tỷ đồng")]
    [InlineData(999_900_000L, "999,9 triệu đồng")]
    [InlineData(350_000_000L, "350 triệu đồng")]
    [InlineData(350_500_000L, "350,5 triệu đồng")]
    [InlineData(1_000_000L, "1 triệu đồng")]
    [InlineData(950_000L, "950.000 ₫")]
    [InlineData(0L, "0 ₫")]
    [InlineData(-2_500_000_000L, "-2,50 tỷ đồng")]
    public void A_total_reads_in_ty_or_trieu_dong_in_Vietnamese(long amount, string expected) =>
        Assert.Equal(expected, In("vi-VN", () => Format.Amount(amount)));

    [Theory]
    [InlineData(12_345_678_901L, "12.35 billion VND")]
    [InlineData(350_500_000L, "350.5 million VND")]
    [InlineData(950_000L, "950,000 ₫")]
    public void A_total_reads_in_billion_or_million_VND_in_English(long amount, string expected) =>
        Assert.Equal(expected, In("en-US", () => Format.Amount(amount)));

    private static string In(string culture, Func<string> format)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}

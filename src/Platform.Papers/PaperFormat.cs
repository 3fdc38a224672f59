using System.Globalization;

namespace KhuyenCong.Platform.Papers;

/// <summary>Amounts and dates as Vietnamese papers print them: <c>1.234.567</c>, <c>05/03/2027</c>.</summary>
public static class PaperFormat
{
    private static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>Whole đồng with dots between thousands.</summary>
    public static string Money(long amount) => amount.ToString("#,0", Numbers);

    /// <summary>A count with dots between thousands.</summary>
    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>A decimal with a comma, at most <paramref name="decimals"/> places.</summary>
    public static string Decimal(decimal value, int decimals = 2) =>
        value.ToString("#,0." + new string('#', decimals), Numbers);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"ngày 05 tháng 03 năm 2027", as a decision is dated.</summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}";
}

using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using KhuyenCong.Platform.Time;

namespace KhuyenCong.Web.Ui;

/// <summary>How the UI writes money, dates and ratios: VND as <c>1.234.567 ₫</c> and dates as dd/MM/yyyy in Vietnamese.</summary>
public static class Format
{
    /// <summary>Today in the province, whatever the server's clock zone.</summary>
    public static DateOnly Today => ProvinceCalendar.Today(TimeProvider.System);

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Vnd(long amount) => string.Format(Culture, "{0:N0} ₫", amount);

    public static string Vnd(long? amount) => amount is null ? "—" : Vnd(amount.Value);

    /// <summary>
    /// A ceiling that limits nothing: a norm without a money cap, sent as null or as the largest amount a
    /// number holds. Pages show it in words ("Không giới hạn"), never as 9.223.372.036.854.775.807 ₫.
    /// </summary>
    public static bool IsUnlimited(long? ceiling) => ceiling is null or long.MaxValue;

    /// <summary>Millions of VND, the unit of the published figures (14.953 triệu).</summary>
    public static string Million(long amount) => string.Format(Culture, "{0:N0}", amount / 1_000_000m);

    /// <summary>
    /// A total as people say it: "12,35 tỷ đồng" from a billion VND, "350 triệu đồng" (one decimal when it has one)
    /// from a million, the exact đồng below; in English "12.35 billion VND" and "350 million VND". Pages give the
    /// exact amount (<see cref="Vnd(long)"/>) beside it, as a tooltip.
    /// </summary>
    public static string Amount(long amount)
    {
        var english = Text.IsEnglish;
        return Math.Abs((decimal)amount) switch
        {
            >= 1_000_000_000m => string.Format(Culture, "{0:N2} {1}", amount / 1_000_000_000m, english ? "billion VND" : "tỷ đồng"),
            >= 1_000_000m => string.Format(Culture, "{0:#,##0.#} {1}", amount / 1_000_000m, english ? "million VND" : "triệu đồng"),
            _ => Vnd(amount),
        };
    }

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Decimal(decimal? value, int decimals = 2) =>
        value is null ? "—" : value.Value.ToString("N" + decimals, Culture);

    public static string Date(DateOnly date) => ProvinceCalendar.FormatDate(date);

    public static string Date(DateOnly? date) => date is null ? "—" : Date(date.Value);

    /// <summary>The province's calendar day of an instant.</summary>
    public static string Date(DateTimeOffset instant) => ProvinceCalendar.FormatDate(instant);

    /// <summary>An instant in the province's local time.</summary>
    public static string DateTime(DateTimeOffset instant) => ProvinceCalendar.FormatDateTime(instant);

    /// <summary>"1 : 7,03" — own capital attracted by one đồng of state support.</summary>
    public static string Leverage(decimal? leverage) => leverage is null ? "—" : "1 : " + leverage.Value.ToString("0.00", Culture);

    public static decimal? LeverageOf(long ownCapital, long stateSupport) =>
        stateSupport == 0 ? null : Math.Round((decimal)ownCapital / stateSupport, 2, MidpointRounding.AwayFromZero);

    private static readonly string[] TypedDateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>
    /// A date as a person types it: day, month and a four-digit year, separated by '/', '-' or '.'
    /// (25/03/2026, 5/3/2026); null for anything else, or for a year outside 1900–2100.
    /// </summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), TypedDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2100
            ? date
            : null;

    /// <summary>
    /// A number as a person types it in the user's language: digits, with the thousands grouped by the language's
    /// separator or not at all (1.250.000 or 1250000 in Vietnamese), a leading minus, and for a type with a
    /// fraction the decimal separator. Anything else (12a, 1.2.3) is no number: false.
    /// </summary>
    public static bool TryParseNumber<TNumber>(string? text, out TNumber value) where TNumber : struct, INumber<TNumber>
    {
        value = default;
        var numbers = Culture.NumberFormat;
        var typed = (text ?? "").Trim().Replace('\u00A0', ' ');
        var group = Regex.Escape(numbers.NumberGroupSeparator);
        var shape = $@"^-?(\d+|\d{{1,3}}({group}\d{{3}})+|\d{{1,3}}( \d{{3}})+)({Regex.Escape(numbers.NumberDecimalSeparator)}\d+)?$";
        return typed.Length > 0 && Regex.IsMatch(typed, shape, RegexOptions.None, TimeSpan.FromSeconds(1))
            && TNumber.TryParse(typed.Replace(numbers.NumberGroupSeparator, "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, numbers, out value);
    }
}

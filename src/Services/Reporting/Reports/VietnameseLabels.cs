using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Products;

namespace KhuyenCong.Reporting.Reports;

/// <summary>
/// How exports name the values of a dimension for a Vietnamese reader: by <see cref="CodeNames"/>, the
/// table the web app shows too, under the code each dimension holds.
/// </summary>
internal static class VietnameseLabels
{
    private static readonly Dictionary<string, string> CodeOfDimension = new(StringComparer.Ordinal)
    {
        ["fundingSource"] = nameof(FundingSource),
        ["contentGroup"] = nameof(ContentGroup),
        ["sector"] = nameof(Sector),
        ["status"] = "ProposalStatus",
        ["level"] = nameof(RecognitionLevel),
        ["group"] = nameof(ProductGroup),
    };

    public const string Unknown = "(chưa xác định)";

    /// <summary>The Vietnamese label of a grouped value; districts, years and values the table does not name are shown as they are.</summary>
    public static string Of(string dimension, object? value) => value switch
    {
        null => Unknown,
        string text when CodeOfDimension.TryGetValue(dimension, out var code) => CodeNames.Of(code, text)?.Vietnamese ?? text,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? Unknown,
    };
}

using System.Globalization;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Builds a query string from the filters that are set, the one place that writes one: numbers and
/// dates in the invariant form the services parse, enums by name (as they travel in JSON), a flag only
/// when it is on.
/// </summary>
public static class Query
{
    public static string Of(params (string Name, object? Value)[] parameters)
    {
        var set = parameters.Select(p => (p.Name, Value: Text(p.Value)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!.Trim())}")
            .ToList();
        return set.Count == 0 ? "" : "?" + string.Join("&", set);
    }

    private static string? Text(object? value) => value switch
    {
        null or false => null,
        true => "true",
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum code => code.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

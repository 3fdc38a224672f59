namespace KhuyenCong.Web.Api;

/// <summary>Builds a query string from the filters that are set.</summary>
public static class Query
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!.Trim())}")
            .ToList();
        return set.Count == 0 ? "" : "?" + string.Join("&", set);
    }
}

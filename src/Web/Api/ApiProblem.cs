using System.Globalization;

namespace KhuyenCong.Web.Api;

/// <summary>
/// A refusal from the platform (RFC 9457 ProblemDetails): field errors of a 400 are shown next to their
/// fields, the detail of a 404/409/422 next to the action that caused it.
/// </summary>
public sealed record ApiProblem(int Status, string? Type, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable(string reason) =>
        new(0, "/errors/unreachable", "The platform cannot be reached.", reason, new Dictionary<string, string[]>());

    public bool IsUnreachable => Status == 0;

    /// <summary>The messages about one field (case-insensitive, including its indexed parts such as <c>council[0].name</c>).</summary>
    public string? For(string field)
    {
        var messages = Errors
            .Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)
                        || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
                        || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value)
            .Select(WithoutFieldName)
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>
    /// A message shown under its field drops the field's name in the API ("'capacity' phải từ 1 đến 500 chỗ."
    /// reads "Phải từ 1 đến 500 chỗ." under the field labelled "Số chỗ").
    /// </summary>
    private static string WithoutFieldName(string message)
    {
        if (message.Length > 2 && message[0] == '\'' && message.IndexOf("' ", 1, StringComparison.Ordinal) is var end and > 1
            && message[1..end].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '_'))
        {
            var rest = message[(end + 2)..];
            return rest.Length == 0 ? message : char.ToUpper(rest[0], CultureInfo.CurrentCulture) + rest[1..];
        }
        return message;
    }

    public bool Has(string field) => For(field) is not null;

    /// <summary>What to show beside the action: the detail, or every field message when the fields are not on screen.</summary>
    public string Message => Detail ?? (Errors.Count > 0 ? string.Join(" ", Errors.SelectMany(e => e.Value)) : Title);
}

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
            .Where(e => Covers(field, e.Key))
            .SelectMany(e => e.Value.Select(m => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase) ? WithoutLabel(e.Key, m) : m))
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>
    /// A message shown under its own field drops the field's label, which the field shows already ("Số chỗ phải từ 1
    /// đến 500 chỗ." reads "Phải từ 1 đến 500 chỗ." under the field labelled "Số chỗ").
    /// </summary>
    private static string WithoutLabel(string field, string message)
    {
        if (FieldLabels.Of(field) is { } label)
        {
            foreach (var name in new[] { label.Vietnamese, label.English })
            {
                if (message.Length > name.Length + 1 && message.StartsWith(name + " ", StringComparison.Ordinal))
                {
                    var rest = message[(name.Length + 1)..];
                    return char.ToUpper(rest[0], CultureInfo.CurrentCulture) + rest[1..];
                }
            }
        }
        return message;
    }

    /// <summary>A message shown away from its field begins with the field's label (from <see cref="FieldLabels"/>), never with its name in the API.</summary>
    private static string Labelled(string field, string message)
    {
        if (FieldLabels.Of(field) is not { } label
            || message.StartsWith(label.Vietnamese, StringComparison.Ordinal) || message.StartsWith(label.English, StringComparison.Ordinal))
        {
            return message;
        }
        return $"{(Ui.Text.IsEnglish ? label.English : label.Vietnamese)}: {message}";
    }

    public bool Has(string field) => For(field) is not null;

    /// <summary>
    /// What of this refusal the given fields do not show: the whole of it when it names no field, the messages about
    /// other fields (each then begins with its label), or null when the fields show every message.
    /// </summary>
    public ApiProblem? Without(IReadOnlyCollection<string> shown)
    {
        if (Errors.Count == 0)
        {
            return this;
        }
        var left = Errors.Where(e => !shown.Any(field => Covers(field, e.Key))).ToDictionary(e => e.Key, e => e.Value);
        return left.Count == 0 ? null : this with { Detail = null, Errors = left };
    }

    /// <summary>Whether the messages of <paramref name="key"/> belong to <paramref name="field"/>: itself or one of its indexed parts.</summary>
    private static bool Covers(string field, string key) =>
        string.Equals(key, field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to show beside the action: the detail, or every field message when the fields are not on screen.</summary>
    public string Message => Detail ?? (Errors.Count > 0 ? string.Join(" ", Errors.SelectMany(e => e.Value.Select(m => Labelled(e.Key, m)))) : Title);
}

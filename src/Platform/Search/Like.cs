namespace KhuyenCong.Platform.Search;

/// <summary>Patterns for a LIKE / ILIKE search that treat the user's <c>%</c>, <c>_</c> and <c>\</c> literally.</summary>
public static class Like
{
    /// <summary>The escape character of the patterns; also PostgreSQL's default when a query names none.</summary>
    public const string EscapeCharacter = "\\";

    /// <summary>A pattern matching any text that contains <paramref name="text"/>.</summary>
    public static string Contains(string text) => $"%{Escape(text)}%";

    /// <summary><paramref name="text"/> with every wildcard and escape character taken literally.</summary>
    public static string Escape(string text) =>
        text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter)
            .Replace("%", EscapeCharacter + "%")
            .Replace("_", EscapeCharacter + "_");
}

using System.Globalization;
using System.Text;

namespace KhuyenCong.Platform.Text;

/// <summary>Vietnamese words as a search compares them and as a file name carries them.</summary>
public static class VietnameseText
{
    /// <summary>The text trimmed, in lower case and without diacritics ("Đường Hoa" → "duong hoa"), for matching what a person types.</summary>
    public static string Fold(string? text) => Unmarked((text ?? "").Trim()).ToLowerInvariant();

    /// <summary>The text without diacritics, its case kept ("Đường Hoa" → "Duong Hoa"), for a name that keeps a record's code as written.</summary>
    public static string Unmarked(string? text) =>
        string.Concat((text ?? "").Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    /// <summary>ASCII words joined by hyphens, for a file name: "Hội chợ, triển lãm / 2025" → "hoi-cho-trien-lam-2025".</summary>
    public static string Slug(string? text)
    {
        var slug = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}

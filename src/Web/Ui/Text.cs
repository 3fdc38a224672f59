using System.Globalization;

namespace KhuyenCong.Web.Ui;

/// <summary>
/// The UI's words. Vietnamese is written in the pages themselves and is the key; English comes from
/// <see cref="English"/> when the user chose it. Codes (enum values, content groups, roles) read through
/// <see cref="Of{TEnum}(TEnum)"/> from <see cref="CodeNames"/>, the table the exports use as well.
/// </summary>
public sealed class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string vietnamese] => IsEnglish && English.Words.TryGetValue(vietnamese, out var english) ? english : vietnamese;

    /// <summary>A sentence with values, "Đã phê duyệt đề án {0}.", filled in after translation: each language orders its words.</summary>
    public string this[string vietnamese, params object?[] values] => string.Format(CultureInfo.CurrentCulture, this[vietnamese], values);

    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => NameOf(CodeNames.Of(value)) ?? value.ToString();

    public string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is null ? "—" : Of(value.Value);

    /// <summary>"3. Mô hình trình diễn kỹ thuật…": a content group of Decree 45 with its number.</summary>
    public string ContentGroup(int group) =>
        NameOf(CodeNames.Of((Contracts.ContentGroup)group)) is { } name ? $"{group}. {name}" : group.ToString(CultureInfo.InvariantCulture);

    /// <summary>A role of the platform (Admin, Officer…) as users know it.</summary>
    public string Role(string role) => NameOf(CodeNames.Of(CodeNames.PlatformRole, role)) ?? role;

    public string YesNo(bool value) => value ? this["Có"] : this["Không"];

    private static string? NameOf(CodeName? name) => name is null ? null : IsEnglish ? name.English : name.Vietnamese;
}

using System.Globalization;

namespace KhuyenCong.Web.Ui;

/// <summary>
/// The UI's words. Vietnamese is written in the pages themselves and is the key; English comes from
/// <see cref="English"/> when the user chose it. Enum values read through <see cref="Of{TEnum}"/>.
/// </summary>
public sealed class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string vietnamese] => IsEnglish && English.Words.TryGetValue(vietnamese, out var english) ? english : vietnamese;

    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        this[EnumNames.Vietnamese.TryGetValue($"{typeof(TEnum).Name}.{value}", out var vietnamese) ? vietnamese : value.ToString()];

    public string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is null ? "—" : Of(value.Value);

    /// <summary>"3. Mô hình trình diễn kỹ thuật…": a content group of Decree 45 with its number.</summary>
    public string ContentGroup(int group) =>
        EnumNames.ContentGroups.TryGetValue(group, out var vietnamese) ? $"{group}. {this[vietnamese]}" : group.ToString(CultureInfo.InvariantCulture);

    /// <summary>A role of the platform (Admin, Officer…) as users know it.</summary>
    public string Role(string role) => EnumNames.Roles.TryGetValue(role, out var vietnamese) ? this[vietnamese] : role;

    public string YesNo(bool value) => value ? this["Có"] : this["Không"];
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KhuyenCong.Contracts;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// The platform's bounds on input, the same in every service: no control characters in text, enum
/// values only by a defined name (or its number), dates within a sane range, money within 0 … 10^15 đồng.
/// </summary>
public static class InputBounds
{
    /// <summary>The largest amount of money any field takes, in đồng (a million billion).</summary>
    public const long MaxMoney = 1_000_000_000_000_000;
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    /// <summary>The earliest date of a programme record (a decision, a payment, a course): the programme's first texts are later.</summary>
    public static readonly DateOnly EarliestRecordDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>A control character other than tab, line feed and carriage return, or an unpaired surrogate.</summary>
    public static bool HasForbiddenCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c is (>= '\u007f' and <= '\u009f'))
            {
                return true;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The names of <paramref name="enumType"/>'s values, for a message in English to a developer.</summary>
    public static string AllowedNames(Type enumType) => string.Join(", ", Enum.GetNames(enumType));

    /// <summary>
    /// What a person may choose, in Vietnamese: the values' names from <see cref="CodeNames"/> ("chọn một trong: Khuyến công
    /// quốc gia, Khuyến công địa phương"), or "chọn một giá trị trong danh sách" when a value has no name there, so
    /// that no code identifier reaches a person.
    /// </summary>
    public static string VietnameseChoice(Type enumType)
    {
        var element = Nullable.GetUnderlyingType(enumType) ?? enumType;
        var names = Enum.GetNames(element).Select(n => CodeNames.Of(element.Name, n)?.Vietnamese).ToList();
        return names.All(n => n is not null) ? $"chọn một trong: {string.Join(", ", names)}" : "chọn một giá trị trong danh sách";
    }

    /// <summary>Parses an enum value as a defined name (any case) or the number of a defined value.</summary>
    public static bool TryParseDefined(Type enumType, string text, out object? value, bool ignoreCase = true)
    {
        value = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            var candidate = Enum.ToObject(enumType, number);
            if (Enum.IsDefined(enumType, candidate))
            {
                value = candidate;
                return true;
            }
            return false;
        }
        var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, trimmed, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        if (name is null)
        {
            return false;
        }
        value = Enum.Parse(enumType, name);
        return true;
    }

    /// <summary>
    /// Adds the platform's bounds to a serializer's options (requests of every service): enums by name,
    /// and, once each object is read, its text, enum and date values checked. The checks run after
    /// reading rather than in converters of their own, so the OpenAPI document still describes each type.
    /// </summary>
    public static void AddPlatformConverters(this JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CheckOnRead);
    }

    private static void CheckOnRead(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var checks = info.Properties
            .Where(p => p.Get is not null && Check(p.PropertyType) is not null)
            .Select(p => (p.Name, Get: p.Get!, Check: Check(p.PropertyType)!))
            .ToList();
        if (checks.Count == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            foreach (var (name, get, check) in checks)
            {
                if (get(value) is { } field && check(field) is { } problem)
                {
                    throw new BoundsViolation(name, problem.English, problem.Vietnamese);
                }
            }
            previous?.Invoke(value);
        };
    }

    /// <summary>The check of a value of <paramref name="type"/> (null when it needs none): the problem, or null when it is fine.</summary>
    private static Func<object, (string English, string Vietnamese)?>? Check(Type type)
    {
        var element = Nullable.GetUnderlyingType(type) ?? type;
        if (element == typeof(string))
        {
            return value => HasForbiddenCharacter((string)value)
                ? ("Text must not contain control characters (such as NUL, U+0000) or broken Unicode.",
                    "không được chứa ký tự điều khiển (như NUL, U+0000) hoặc mã Unicode hỏng.")
                : null;
        }
        if (element.IsEnum)
        {
            return value => Enum.IsDefined(element, value)
                ? null
                : ($"'{value}' is not one of: {AllowedNames(element)}.", $"không hợp lệ; {VietnameseChoice(element)}.");
        }
        if (element == typeof(DateOnly))
        {
            return value => (DateOnly)value is var date && (date < EarliestDate || date > LatestDate)
                ? ($"The date must lie between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.",
                    $"phải trong khoảng {EarliestDate:dd/MM/yyyy} đến {LatestDate:dd/MM/yyyy}.")
                : null;
        }
        if (element != typeof(string) && element.GetInterfaces().Append(element).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence
            && Check(sequence.GetGenericArguments()[0]) is { } each)
        {
            return value =>
            {
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    if (item is not null && each(item) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            };
        }
        return null;
    }
}

/// <summary>
/// A value of a request body outside the platform's bounds; <see cref="Field"/> is its JSON name, and <see cref="Vietnamese"/>
/// what is wrong as it reads after the field's label ("không được âm.").
/// </summary>
public sealed class BoundsViolation(string field, string message, string vietnamese) : JsonException(message)
{
    public string Field { get; } = field;

    /// <summary>The problem in Vietnamese, after the field's label (the message is English).</summary>
    public string Vietnamese { get; } = vietnamese;
}

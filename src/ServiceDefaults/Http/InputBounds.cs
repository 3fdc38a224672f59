using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>The names of <paramref name="enumType"/>'s values, for a message.</summary>
    public static string AllowedNames(Type enumType) => string.Join(", ", Enum.GetNames(enumType));

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

    /// <summary>Adds the platform's converters to a serializer's options (requests and answers of every service).</summary>
    public static void AddPlatformConverters(this JsonSerializerOptions options)
    {
        options.Converters.Add(new TextWithoutControlCharacters());
        options.Converters.Add(new DefinedEnums());
        options.Converters.Add(new DateWithinRange());
        options.Converters.Add(new NullableDateWithinRange());
    }

    private sealed class TextWithoutControlCharacters : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (text is not null && HasForbiddenCharacter(text))
            {
                throw new JsonException("Text must not contain control characters (such as NUL, U+0000) or broken Unicode.");
            }
            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DefinedEnums : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(DefinedEnum<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class DefinedEnum<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null && TryParseDefined(typeof(TEnum), text, out var value))
            {
                return (TEnum)value!;
            }
            throw new JsonException($"'{Shorten(text)}' is not one of: {AllowedNames(typeof(TEnum))}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            var name = Enum.GetName(value);
            if (name is null)
            {
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStringValue(name);
            }
        }

        private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
    }

    private sealed class DateWithinRange : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new JsonException("A date is written yyyy-MM-dd.");
            }
            if (date < EarliestDate || date > LatestDate)
            {
                throw new JsonException($"The date must lie between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
            }
            return date;
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class NullableDateWithinRange : JsonConverter<DateOnly?>
    {
        private static readonly DateWithinRange Inner = new();

        public override bool HandleNull => true;

        public override DateOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateOnly), options);

        public override void Write(Utf8JsonWriter writer, DateOnly? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                Inner.Write(writer, value.Value, options);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using KhuyenCong.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Checks a request's path and query string before its endpoint runs: no control characters, no
/// parameter the endpoint does not take (a misspelt filter would silently show wrong totals), enum
/// values only by a defined name or number, and paging within 1 … 1,000,000 pages of 1 … 200 rows.
/// </summary>
public sealed class QueryBounds(RequestDelegate next)
{
    public const int MaxPage = 1_000_000;
    public const int MaxPageSize = 200;

    private static readonly ConcurrentDictionary<MethodInfo, IReadOnlyDictionary<string, Type>> Shapes = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var english = PlatformProblems.PrefersEnglish(context);
        if (InputBounds.HasForbiddenCharacter(context.Request.Path.Value))
        {
            errors["$path"] = [english ? "The path contains a control character." : "Đường dẫn chứa ký tự điều khiển."];
        }
        foreach (var (name, values) in context.Request.Query)
        {
            if (InputBounds.HasForbiddenCharacter(name) || values.Any(v => v is not null && InputBounds.HasForbiddenCharacter(v)))
            {
                errors[Printable(name)] = [english ? "The value contains a control character (such as NUL)." : "Giá trị chứa ký tự điều khiển (như NUL)."];
            }
        }

        var method = context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        if (method is not null && context.Request.Path.StartsWithSegments("/api") && errors.Count == 0)
        {
            var shape = Shapes.GetOrAdd(method, QueryShape);
            foreach (var (name, values) in context.Request.Query)
            {
                if (!shape.TryGetValue(name, out var type))
                {
                    errors[name] = [english
                        ? $"Unknown parameter. This operation takes: {Names(shape)}."
                        : $"Thao tác này không nhận tham số «{FieldLabels.Of(name)?.Vietnamese ?? name}»: bỏ tham số này hoặc sửa lại tên."];
                    continue;
                }
                var value = values.ToString();
                if (type.IsEnum && !values.All(v => v is not null && InputBounds.TryParseDefined(type, v, out _, ignoreCase: false)))
                {
                    errors[name] = [english
                        ? $"'{value}' is not one of: {InputBounds.AllowedNames(type)}."
                        : $"{FieldLabels.VietnameseOf(name)} không hợp lệ: {InputBounds.VietnameseChoice(type)}."];
                }
                else if (type == typeof(int) && name.Equals("page", StringComparison.OrdinalIgnoreCase)
                         && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) || page is < 1 or > MaxPage))
                {
                    errors[name] = [english ? $"{FieldLabels.EnglishOf("page")} is a whole number from 1 to {MaxPage:N0}." : $"{FieldLabels.VietnameseOf("page")} là số nguyên từ 1 đến {MaxPage:N0}."];
                }
                else if (type == typeof(int) && name.Equals("pageSize", StringComparison.OrdinalIgnoreCase)
                         && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size is < 1 or > MaxPageSize))
                {
                    errors[name] = [english ? $"{FieldLabels.EnglishOf("pageSize")} is a whole number from 1 to {MaxPageSize}." : $"{FieldLabels.VietnameseOf("pageSize")} là số nguyên từ 1 đến {MaxPageSize}."];
                }
            }
        }

        if (errors.Count > 0)
        {
            await PlatformProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "validation",
                "Tham số của yêu cầu không hợp lệ.", "The request's parameters are not valid.",
                string.Join(" ", errors.Select(e => Labelled(e.Key, e.Value[0]))), string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")),
                errors);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// A parameter's message for a person: after the parameter's label, unless the message begins with it or names
    /// it already (an unknown parameter is named by its label where the table has one, else as the caller wrote it).
    /// </summary>
    private static string Labelled(string name, string message) => FieldLabels.Of(name) is { } label
        ? message.StartsWith(label.Vietnamese, StringComparison.Ordinal) || message.Contains($"«{label.Vietnamese}»", StringComparison.Ordinal)
            ? message
            : $"{label.Vietnamese}: {message}"
        : message.Contains($"«{name}»", StringComparison.Ordinal) ? message : $"{name}: {message}";

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string Names(IReadOnlyDictionary<string, Type> shape) => shape.Count == 0 ? "—" : string.Join(", ", shape.Keys.Order());

    /// <summary>The query parameters a handler binds (by name, with their type), those of <c>[AsParameters]</c> types included.</summary>
    private static IReadOnlyDictionary<string, Type> QueryShape(MethodInfo method)
    {
        var shape = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            Add(shape, parameter.Name, parameter.ParameterType, parameter.GetCustomAttribute<FromQueryAttribute>()?.Name,
                parameter.GetCustomAttribute<AsParametersAttribute>() is not null, parameter.GetCustomAttributes().Any(IsNotQuery));
        }
        return shape;
    }

    private static void Add(Dictionary<string, Type> shape, string? name, Type type, string? queryName, bool asParameters, bool notQuery)
    {
        if (asParameters)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            foreach (var inner in constructor?.GetParameters() ?? [])
            {
                var property = type.GetProperty(inner.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                Add(shape, inner.Name, inner.ParameterType,
                    inner.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property?.GetCustomAttribute<FromQueryAttribute>()?.Name,
                    false, inner.GetCustomAttributes().Any(IsNotQuery) || (property?.GetCustomAttributes().Any(IsNotQuery) ?? false));
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
            {
                Add(shape, property.Name, property.PropertyType, property.GetCustomAttribute<FromQueryAttribute>()?.Name, false,
                    property.GetCustomAttributes().Any(IsNotQuery));
            }
            return;
        }
        if (notQuery || name is null)
        {
            return;
        }
        var element = Nullable.GetUnderlyingType(type) ?? type;
        if (element.IsArray)
        {
            element = element.GetElementType()!;
        }
        if (IsSimple(element))
        {
            shape[queryName ?? name] = element;
        }
    }

    private static bool IsNotQuery(Attribute attribute) =>
        attribute is FromBodyAttribute or FromServicesAttribute or FromRouteAttribute or FromHeaderAttribute or FromFormAttribute
            or Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute;

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly);
}

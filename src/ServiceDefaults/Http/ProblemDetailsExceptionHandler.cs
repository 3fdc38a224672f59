using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into RFC 9457 ProblemDetails: a malformed request becomes a 400 that says which
/// field could not be read; a domain refusal its 404/409/422; a unique key taken or a concurrent change
/// a 409; the database or the broker out of reach a 503 with <c>Retry-After</c>; anything unexpected a
/// 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, IEnumerable<IDependencyFailures> dependencies, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a caller waits before retrying while a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody reads an answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = Describe(httpContext, exception, dependencies);
        if (problem.Status >= 500)
        {
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                logger.LogWarning(exception, "Dependency unavailable for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            }
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static ProblemDetails Describe(HttpContext context, Exception exception, IEnumerable<IDependencyFailures> dependencies)
    {
        if (exception is BadHttpRequestException bad)
        {
            var english = PlatformProblems.PrefersEnglish(context);
            var (field, messageEn, predicateVi) = FieldOf(bad);
            // A person reads the field by its label; the errors map stays keyed by the field's name for the form.
            var messageVi = $"{FieldLabels.VietnameseOf(field)} {predicateVi}";
            var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [english ? messageEn : messageVi] })
            {
                Status = bad.StatusCode,
                Type = "/errors/malformed-request",
                Title = english ? "The request could not be read." : "Không đọc được yêu cầu.",
                Detail = english ? $"The value of '{field}' could not be read: {messageEn}" : messageVi,
            };
            return problem;
        }
        if (exception is BusinessRuleException rule)
        {
            var vietnamese = rule.Vietnamese;
            var problem = rule.Kind switch
            {
                RuleKind.NotFound => Problem(context, 404, "not-found", "Không tìm thấy hồ sơ.", "Record not found.", vietnamese, rule.Message),
                RuleKind.Conflict => Problem(context, 409, rule.Code, "Thao tác xung đột với trạng thái hồ sơ.", "This conflicts with the record's state or with existing data.", vietnamese, rule.Message),
                RuleKind.Forbidden => Problem(context, 403, rule.Code, "Quy định dành thao tác này cho người khác.", "The rules reserve this to someone else.", vietnamese, rule.Message),
                _ => Problem(context, 422, rule.Code, "Quy định không cho phép thao tác này.", "The rules refuse this.", vietnamese, rule.Message),
            };
            if (rule.LegalBasis is { Length: > 0 } basis)
            {
                problem.Extensions[RuleText.LegalBasisKey] = basis;
            }
            return problem;
        }
        var failure = dependencies.Select(d => d.Recognise(exception)).FirstOrDefault(f => f is not null);
        if (failure is null && IsUnreachable(exception))
        {
            failure = (DependencyFailure.Unavailable, null);
        }
        switch (failure)
        {
            case (DependencyFailure.ConcurrentChange, _):
                return Problem(context, 409, "concurrent-change", "Hồ sơ vừa được người khác thay đổi.", "The record was changed by someone else.",
                    "Hãy tải lại và thử lại.", "Reload it and try again.");
            case (DependencyFailure.Duplicate, var constraint):
                return Problem(context, 409, "duplicate", "Đã có hồ sơ với cùng khóa.", "A record with the same unique key already exists.",
                    $"Không ghi gì ({constraint}).", $"Nothing was written ({constraint}).");
            case (DependencyFailure.Unavailable, _):
                return Problem(context, 503, "service-unavailable", "Dịch vụ tạm thời gián đoạn.", "The service is temporarily unavailable.",
                    $"Cơ sở dữ liệu hoặc hàng đợi tin nhắn không trả lời; không ghi gì. Hãy thử lại sau {RetryAfterSeconds} giây.",
                    $"The database or the message broker does not answer; nothing was written. Try again in {RetryAfterSeconds} seconds.");
        }
        return Problem(context, 500, "unexpected", "Đã xảy ra lỗi không lường trước.", "An unexpected error occurred.", null, null);
    }

    private static ProblemDetails Problem(HttpContext context, int status, string code, string titleVi, string titleEn, string? detailVi, string? detailEn) =>
        PlatformProblems.Create(context, status, code, titleVi, titleEn, detailVi, detailEn);

    /// <summary>A connection refused or cut, or a call that timed out, whichever dependency it was to.</summary>
    private static bool IsUnreachable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The field a request could not be read at, what is wrong in English, and the same in Vietnamese as what follows the field's label.</summary>
    private static (string Field, string English, string Vietnamese) FieldOf(BadHttpRequestException exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is BoundsViolation bounds)
            {
                var at = bounds.Path?.TrimStart('$', '.') ?? "";
                // The path of a violation found once an object is read ends at that object or at its last member.
                var owner = at.EndsWith(bounds.Field, StringComparison.OrdinalIgnoreCase) ? at[..^bounds.Field.Length].TrimEnd('.') : at;
                return (owner.Length == 0 ? bounds.Field : $"{owner}.{bounds.Field}", bounds.Message, bounds.Vietnamese);
            }
            if (e is JsonException json)
            {
                var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path.TrimStart('$', '.');
                var converting = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
                var expected = converting ? Expected(json.Message, field) : null;
                var message = Public(expected?.English ?? (converting ? json.InnerException?.Message ?? Clean(json.Message) : Clean(json.Message)));
                return (field.Length == 0 ? FieldLabels.WholeRequest : field, message, expected?.Vietnamese ?? UnreadableVietnamese);
            }
        }
        if (exception.Message.Contains("from body", StringComparison.Ordinal) || exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return (FieldLabels.WholeRequest, "A request body (JSON) is required.", "là bắt buộc.");
        }
        // "Failed to bind parameter \"int page\" from \"x\"." names the query or route parameter and its type.
        var bind = System.Text.RegularExpressions.Regex.Match(exception.Message, "parameter \"(?<type>[^\"]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)\"");
        if (bind.Success && exception.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return (bind.Groups["name"].Value, "A value is required.", "là bắt buộc.");
        }
        if (bind.Success)
        {
            return KindOf(bind.Groups["type"].Value) is { } kind
                ? (bind.Groups["name"].Value, $"The value is not a valid {kind.English}.", $"không phải là {kind.Vietnamese} hợp lệ.")
                : (bind.Groups["name"].Value, "The value is not valid here.", "không hợp lệ.");
        }
        return (FieldLabels.WholeRequest, Public(exception.Message), UnreadableVietnamese);
    }

    /// <summary>What a reader of Vietnamese is told after the field's label when a value could not be read and nothing more precise can be said.</summary>
    private const string UnreadableVietnamese = "không đúng kiểu hoặc cấu trúc mong đợi.";

    /// <summary>A parameter's kind in words a caller knows (the OpenAPI types), from the type the binder names.</summary>
    private static (string English, string Vietnamese)? KindOf(string type) => type.TrimEnd('?').Split('.')[^1] switch
    {
        "int" or "Int32" or "long" or "Int64" or "short" or "Int16" => ("integer", "số nguyên"),
        "decimal" or "Decimal" or "double" or "Double" or "float" or "Single" => ("number", "số"),
        "Guid" => ("identifier (uuid)", "mã định danh (uuid)"),
        "bool" or "Boolean" => ("boolean (true or false)", "giá trị có/không"),
        "DateOnly" => ("date (yyyy-MM-dd)", "ngày (yyyy-MM-dd)"),
        "DateTime" or "DateTimeOffset" => ("date and time (ISO 8601)", "ngày giờ (ISO 8601)"),
        _ => null,
    };

    /// <summary>
    /// A framework message as a caller may read it: one that names the platform's or the framework's types
    /// (what the request is read into) is replaced by a plain sentence, since the inside of the service is
    /// no business of the caller's.
    /// </summary>
    internal static string Public(string message) =>
        InternalName().IsMatch(message) ? "The value does not have the expected type or shape." : message;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(KhuyenCong|System|Microsoft|Npgsql|MassTransit|OpenIddict)\.[A-Za-z]|`\d|\bType '")]
    private static partial System.Text.RegularExpressions.Regex InternalName();

    /// <summary>What a value that could not be read should have been (for an enum, its names), from the type the serializer names and the field's path in it.</summary>
    private static (string English, string Vietnamese)? Expected(string message, string field)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"converted to (System\.Nullable`1\[)?(?<type>[A-Za-z0-9_.+]+)");
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["type"].Value.TrimEnd('.');
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var member = segment.Split('[')[0];
            if (type is null || type.IsEnum || type == typeof(string))
            {
                break;
            }
            type = type.GetProperty(member, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType is { } property
                ? ElementOf(property)
                : type;
        }
        return type switch
        {
            { IsEnum: true } => ($"The value is not one of: {InputBounds.AllowedNames(type)}.", $"không hợp lệ; {InputBounds.VietnameseChoice(type)}."),
            not null when type == typeof(DateOnly) => ("A date is written yyyy-MM-dd.", "phải là một ngày (yyyy-MM-dd)."),
            not null when type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid) => KindOf(type.Name) is { } kind
                ? ($"The value is not a valid {kind.English}.", $"không phải là {kind.Vietnamese} hợp lệ.")
                : ("The value is not a valid value.", "không hợp lệ."),
            _ => null,
        };
    }

    private static Type ElementOf(Type type)
    {
        var element = Nullable.GetUnderlyingType(type) ?? type;
        if (element != typeof(string) && element.GetInterfaces().Append(element)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence)
        {
            element = Nullable.GetUnderlyingType(sequence.GetGenericArguments()[0]) ?? sequence.GetGenericArguments()[0];
        }
        return element;
    }

    /// <summary>Drops the serializer's position suffix (" Path: $.x | LineNumber: 0 | BytePositionInLine: 9.").</summary>
    private static string Clean(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}

using KhuyenCong.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>The ProblemDetails answers every service gives, with stable <c>type</c>s.</summary>
public static class ApiProblems
{
    /// <summary>400 with the field errors; the ProblemDetails writer chooses their language (Vietnamese unless English is asked for).</summary>
    public static ValidationProblem Invalid(RequestValidation validation)
    {
        var result = TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");
        RuleText.AttachErrors(result.ProblemDetails, validation.ErrorsVietnamese);
        return result;
    }

    public static ProblemHttpResult NotFound(string what, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: "/errors/not-found",
        title: $"{what} not found.",
        detail: detail);

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        RuleText.WithVietnamese(NotFound(what, $"There is no {what.ToLowerInvariant()} with id {id}."), $"Không có hồ sơ mã {id}.");

    /// <summary>
    /// A refusal by a business rule: its code as the type, its English message as the detail, and — for
    /// the ProblemDetails writer to choose by the caller's language — its Vietnamese text and legal basis.
    /// </summary>
    public static ProblemHttpResult Refused(BusinessRuleException rule)
    {
        var result = rule.Kind switch
        {
            RuleKind.NotFound => NotFound("Record", rule.Message),
            RuleKind.Conflict => Conflict(rule.Code, rule.Message),
            RuleKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: $"/errors/{rule.Code}",
                title: "The rules reserve this to someone else.", detail: rule.Message),
            _ => Unprocessable(rule.Code, rule.Message),
        };
        RuleText.Attach(result.ProblemDetails, rule);
        return result;
    }

    public static ProblemHttpResult Conflict(string code, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        type: $"/errors/{code}",
        title: "This conflicts with the record's state or with existing data.",
        detail: detail);

    /// <summary>409 with its Vietnamese text, which the ProblemDetails writer shows unless English is asked for.</summary>
    public static ProblemHttpResult Conflict(string code, string detail, string vietnamese) => RuleText.WithVietnamese(Conflict(code, detail), vietnamese);

    /// <summary>404 with its Vietnamese text.</summary>
    public static ProblemHttpResult NotFound(string what, string detail, string vietnamese) => RuleText.WithVietnamese(NotFound(what, detail), vietnamese);

    public static ProblemHttpResult Unprocessable(string code, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        type: $"/errors/{code}",
        title: "The rules refuse this.",
        detail: detail);

    /// <summary>422 with its Vietnamese text.</summary>
    public static ProblemHttpResult Unprocessable(string code, string detail, string vietnamese) => Unprocessable(code, detail).WithVietnamese(vietnamese);

    /// <summary>409: another request changed the same record at the same moment, again and again; nothing was written.</summary>
    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        type: "/errors/concurrent-change",
        title: "The record was changed by someone else.",
        detail: "Another change to this record was being saved at the same time; nothing was written. Reload it and try again.")
        .WithVietnamese("Một thay đổi khác của hồ sơ này đang được lưu cùng lúc; chưa có gì được ghi. Hãy tải lại và thử lần nữa.");

    /// <summary>409: a unique key (a tax code, a number, a registration) is already taken; nothing was written.</summary>
    public static ProblemHttpResult Duplicate(string constraint) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        type: "/errors/duplicate",
        title: "This conflicts with the record's state or with existing data.",
        detail: $"A record with the same unique key already exists ({constraint}); nothing was written.")
        // The index's name is the database's, for developers; a person reads what happened.
        .WithVietnamese("Đã có hồ sơ trùng với một hồ sơ đã lưu (cùng mã hoặc cùng số); chưa có gì được ghi.");

    /// <summary>403: the request names an establishment or unit outside what the signed-in user speaks for.</summary>
    public static ProblemHttpResult OutOfScope(string detail, string vietnamese) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        type: "/errors/out-of-scope",
        title: "This is outside the establishment or unit you act for.",
        detail: detail)
        .WithVietnamese(vietnamese);

    /// <summary>
    /// A refusal with a title of its own (403 to a role the operation is not for, 503 when a service it needs is
    /// away): title and detail in both languages, the writer choosing by the caller's.
    /// </summary>
    public static ProblemHttpResult Refused(int status, string code, (string English, string Vietnamese) title, string detail, string vietnamese,
        IDictionary<string, object?>? extensions = null) =>
        RuleText.WithVietnamese(TypedResults.Problem(statusCode: status, type: $"/errors/{code}", title: title.English, detail: detail, extensions: extensions),
            vietnamese, title.Vietnamese);

    /// <summary>
    /// A refusal with its own status and its Vietnamese text: 410 (withdrawn), 413 (too large), 415 (a type not
    /// accepted) or 422 (content that is not what it says).
    /// </summary>
    public static ProblemHttpResult Refused(int status, string code, string detail, string vietnamese) => TypedResults.Problem(
        statusCode: status,
        type: $"/errors/{code}",
        title: status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
            _ => "The rules refuse this.",
        },
        detail: detail)
        .WithVietnamese(vietnamese);

    private static ProblemHttpResult WithVietnamese(this ProblemHttpResult result, string vietnamese) => RuleText.WithVietnamese(result, vietnamese);

    /// <summary>Documents the refusals of a command endpoint in OpenAPI.</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

using KhuyenCong.Fairs.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Fairs.Api;

/// <summary>The problem answers the Fairs APIs share.</summary>
internal static class ApiResults
{
    public static ProblemHttpResult NotFound(string what, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: "/errors/not-found",
        title: $"{what} not found.",
        detail: detail);

    public static ProblemHttpResult Refused(FairRuleException rule) => TypedResults.Problem(
        statusCode: rule.Kind switch
        {
            RuleKind.Conflict => StatusCodes.Status409Conflict,
            RuleKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        type: rule.Kind == RuleKind.NotFound ? "/errors/not-found" : $"/errors/{rule.Code}",
        title: "The rules refuse this.",
        detail: rule.Message);

    public static ProblemHttpResult Unprocessable(string code, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        type: $"/errors/{code}",
        title: "The rules refuse this.",
        detail: detail);

    public static ProblemHttpResult Conflict(string code, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        type: $"/errors/{code}",
        title: "This conflicts with existing data.",
        detail: detail);

    public static ValidationProblem Invalid(RequestValidation validation) =>
        TypedResults.ValidationProblem(validation.Errors, type: "/errors/validation");

    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

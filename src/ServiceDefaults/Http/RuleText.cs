using KhuyenCong.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Carries a rule's Vietnamese text and legal basis on its ProblemDetails. The answer says
/// <c>legalBasis</c> whenever the rule cites one; the detail is Vietnamese unless the caller prefers English.
/// </summary>
internal static class RuleText
{
    public const string LegalBasisKey = "legalBasis";
    private const string VietnameseKey = "__detailVi";
    private const string VietnameseTitleKey = "__titleVi";
    private const string VietnameseErrorsKey = "__errorsVi";

    public static void Attach(ProblemDetails problem, BusinessRuleException rule)
    {
        if (rule.LegalBasis is { Length: > 0 } basis)
        {
            problem.Extensions[LegalBasisKey] = basis;
        }
        if (rule.Vietnamese is { Length: > 0 } vietnamese)
        {
            problem.Extensions[VietnameseKey] = vietnamese;
        }
    }

    /// <summary>Carries the Vietnamese detail of an answer the platform itself writes.</summary>
    public static T WithVietnamese<T>(T result, string vietnamese, string? title = null) where T : IValueHttpResult<ProblemDetails>
    {
        result.Value!.Extensions[VietnameseKey] = vietnamese;
        if (title is not null)
        {
            result.Value.Extensions[VietnameseTitleKey] = title;
        }
        return result;
    }

    /// <summary>Carries the Vietnamese field errors of a 400 beside the English ones.</summary>
    public static void AttachErrors(HttpValidationProblemDetails problem, IDictionary<string, string[]> vietnamese) =>
        problem.Extensions[VietnameseErrorsKey] = vietnamese;

    /// <summary>Chooses the detail and the field errors by the caller's language and removes the carriers.</summary>
    public static void Localise(HttpContext context, ProblemDetails problem)
    {
        var english = PlatformProblems.PrefersEnglish(context);
        if (problem.Extensions.Remove(VietnameseKey, out var vietnamese) && vietnamese is string text && !english)
        {
            problem.Detail = text;
        }
        if (problem.Extensions.Remove(VietnameseTitleKey, out var title) && title is string heading && !english)
        {
            problem.Title = heading;
        }
        if (problem.Extensions.Remove(VietnameseErrorsKey, out var errors) && errors is IDictionary<string, string[]> translated
            && !english && problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in translated)
            {
                validation.Errors[field] = messages;
            }
        }
    }
}

using KhuyenCong.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Http;
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

    /// <summary>Chooses the detail by the caller's language and removes the carrier.</summary>
    public static void Localise(HttpContext context, ProblemDetails problem)
    {
        if (problem.Extensions.Remove(VietnameseKey, out var vietnamese) && vietnamese is string text && !PlatformProblems.PrefersEnglish(context))
        {
            problem.Detail = text;
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// The ProblemDetails the platform itself writes (outside an endpoint): Vietnamese by default, English
/// when the caller's <c>Accept-Language</c> prefers it.
/// </summary>
public static class PlatformProblems
{
    /// <summary>True when the caller asks for English before Vietnamese.</summary>
    public static bool PrefersEnglish(HttpContext context)
    {
        var header = context.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return false;
        }
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetails Create(HttpContext context, int status, string code, string titleVi, string titleEn, string? detailVi, string? detailEn)
    {
        var english = PrefersEnglish(context);
        return new ProblemDetails
        {
            Status = status,
            Type = $"/errors/{code}",
            Title = english ? titleEn : titleVi,
            Detail = english ? detailEn : detailVi,
        };
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, string titleVi, string titleEn, string? detailVi, string? detailEn,
        IDictionary<string, string[]>? errors = null)
    {
        var problem = Create(context, status, code, titleVi, titleEn, detailVi, detailEn);
        if (errors is not null)
        {
            problem = new ValidationProblemDetails(errors) { Status = problem.Status, Type = problem.Type, Title = problem.Title, Detail = problem.Detail };
        }
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is null || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
        }
    }
}

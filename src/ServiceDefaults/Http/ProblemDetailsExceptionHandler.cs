using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into RFC 9457 ProblemDetails: a malformed request becomes a 400 that says what
/// could not be read; anything unexpected becomes a 500 without internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", Describe(bad)),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record was changed by someone else.", "Reload it and try again."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = status switch
                {
                    StatusCodes.Status409Conflict => "/errors/concurrent-change",
                    < 500 => "/errors/malformed-request",
                    _ => "/errors/unexpected",
                },
            },
        });
    }

    private static string Describe(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException json when json.Path is not null => $"{exception.Message} Invalid value at '{json.Path}'.",
        _ => exception.Message,
    };
}

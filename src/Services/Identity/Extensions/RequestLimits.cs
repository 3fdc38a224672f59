using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Identity.Extensions;

/// <summary>
/// Bounds every form posted to the identity service (token requests, the login and logout forms) and reads it
/// before OpenIddict does, so an oversized body, value or field count is a 413/400 answer instead of an exception
/// thrown inside OpenIddict (a 500).
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>The largest body accepted: OAuth requests and the sign-in forms are a few kilobytes.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static void Form(FormOptions options)
    {
        options.ValueLengthLimit = 64 * 1024; // a token, an id_token_hint or a client assertion fits many times over
        options.KeyLengthLimit = 1024;
        options.ValueCountLimit = 100;
        options.MultipartBodyLengthLimit = MaxBodyBytes;
        options.MultipartHeadersLengthLimit = 16 * 1024;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxBodyBytes;
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest);
                return;
            }
            catch (BadHttpRequestException refused)
            {
                await RefuseAsync(context, refused.StatusCode == StatusCodes.Status413PayloadTooLarge ? refused.StatusCode : StatusCodes.Status400BadRequest);
                return;
            }
        }
        await next(context);
    }

    /// <summary>A ProblemDetails that an OAuth client also understands: it carries <c>error</c> and <c>error_description</c>.</summary>
    private static async Task RefuseAsync(HttpContext context, int status)
    {
        var tooLarge = status == StatusCodes.Status413PayloadTooLarge;
        var problem = PlatformProblems.Create(context, status, tooLarge ? "request-too-large" : "invalid-form",
            tooLarge ? "Nội dung gửi lên quá lớn." : "Biểu mẫu gửi lên không hợp lệ.",
            tooLarge ? "The request is too large." : "The form is not valid.",
            tooLarge
                ? $"Nội dung yêu cầu vượt quá {MaxBodyBytes / 1024} KiB."
                : "Biểu mẫu có giá trị quá dài (tối đa 64 KiB), tên trường quá dài hoặc quá nhiều trường (tối đa 100).",
            tooLarge
                ? $"The request body is larger than {MaxBodyBytes / 1024} KiB."
                : "The form has a value longer than 64 KiB, a field name that is too long, or more than 100 fields.");
        problem.Extensions["error"] = "invalid_request";
        problem.Extensions["error_description"] = problem.Detail;
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, contentType: "application/problem+json");
    }
}

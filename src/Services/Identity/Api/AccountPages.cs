using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Identity.Data;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Identity.Api;

/// <summary>The sign-in page of the authorization code flow: a server-rendered form in Vietnamese, protected by an antiforgery token.</summary>
public static class AccountPages
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    // Vietnamese letters are written as they are; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapGet("/login", ShowLogin);
        group.MapPost("/login", Login);
        group.MapPost("/logout", Logout);
        return app;
    }

    private static IResult ShowLogin(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, returnUrl, userName: null, error: null);

    private static async Task<IResult> Login(
        HttpContext context, IAntiforgery antiforgery, SignInManager<PlatformUser> signIn, PasswordSignIn passwords,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Page(context, antiforgery, returnUrl, userName, "Vui lòng nhập tên đăng nhập và mật khẩu.", StatusCodes.Status400BadRequest);
        }

        var outcome = await passwords.CheckAsync(userName, password, context.Connection.RemoteIpAddress);
        switch (outcome.Verdict)
        {
            case SignInVerdict.Succeeded:
                await signIn.SignInAsync(outcome.User!, isPersistent: false);
                return Results.LocalRedirect(LocalAddress.OrDefault(returnUrl, "/account/login?signedIn=true"));
            case SignInVerdict.Throttled:
                context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var minutes = (int)Math.Ceiling(outcome.RetryAfterSeconds / 60.0);
                return Page(context, antiforgery, returnUrl, userName,
                    $"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.", StatusCodes.Status429TooManyRequests);
            case SignInVerdict.NotAllowed:
                return Page(context, antiforgery, returnUrl, userName,
                    "Tài khoản đang bị khóa. Vui lòng liên hệ quản trị viên.", StatusCodes.Status401Unauthorized);
            case SignInVerdict.PasswordTooLong:
                return Page(context, antiforgery, returnUrl, userName,
                    $"Mật khẩu dài quá {PasswordSignIn.MaxPasswordLength} ký tự.", StatusCodes.Status400BadRequest);
            default:
                return Page(context, antiforgery, returnUrl, userName, "Tên đăng nhập hoặc mật khẩu không đúng.", StatusCodes.Status401Unauthorized);
        }
    }

    private static async Task<IResult> Logout(SignInManager<PlatformUser> signIn, [FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect(LocalAddress.OrDefault(returnUrl, LoginPath));
    }

    // Only an address on this site: a login must never send the user to another site.
    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = Html;
        var signedIn = context.Request.Query["signedIn"] == "true" && error is null;
        var body = Document("Đăng nhập", $$"""
            <h1>Hệ thống quản lý khuyến công</h1>
            <p>Đăng nhập bằng tài khoản được cấp.</p>
            {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>")}}
            {{(signedIn ? "<p class=\"ok\">Bạn đã đăng nhập.</p>" : "")}}
            <form method="post" action="{{LoginPath}}">
              <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
              <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl ?? "")}}">
              <label for="userName">Tên đăng nhập</label>
              <input id="userName" name="userName" autocomplete="username" required value="{{html.Encode(userName ?? "")}}">
              <label for="password">Mật khẩu</label>
              <input id="password" name="password" type="password" autocomplete="current-password" maxlength="{{PasswordSignIn.MaxPasswordLength}}" required>
              <button type="submit">Đăng nhập</button>
            </form>
            """);
        return Results.Content(body, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A page of the identity service (sign-in, sign-out): its title and the content of its one panel.</summary>
    internal static string Document(string title, string main) => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} — Khuyến công</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f3f5f8; display: flex; justify-content: center; padding-top: 10vh; }
            main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); width: 22rem; }
            h1 { font-size: 1.3rem; margin-top: 0; }
            label { display: block; margin-top: 1rem; }
            input { width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .3rem; }
            button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #1565c0; color: #fff; border: 0; border-radius: 4px; }
            .error { color: #b71c1c; margin-top: 1rem; }
            .ok { color: #1b5e20; margin-top: 1rem; }
          </style>
        </head>
        <body>
          <main>
        {{main}}
          </main>
        </body>
        </html>
        """;
}

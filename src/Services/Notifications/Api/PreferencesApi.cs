using System.Security.Claims;
using KhuyenCong.Notifications.Data;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Notifications.Api;

/// <summary>What the signed-in user receives by e-mail, and whether the platform knows an address to write to.</summary>
public sealed record PreferencesResponse(bool EmailEnabled, bool DigestEnabled, IReadOnlyList<TaskKind> Kinds, string? Email);

public sealed record PreferencesRequest(bool? EmailEnabled, bool? DigestEnabled, IReadOnlyList<TaskKind>? Kinds);

/// <summary>Each user's choice of e-mails (which task kinds, e-mail on or off, the daily digest) and the one-click unsubscribe link.</summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/preferences").WithTags("Preferences").RequireAuthorization(Policies.Read);
        group.MapGet("/", Get).WithName("GetNotificationPreferences");
        group.MapPut("/", Put).WithName("SetNotificationPreferences").ProducesValidationProblem();
        // Opened from a mail, without signing in: the signed token names the account. POST is RFC 8058's one-click form.
        app.MapGet("/api/notifications/unsubscribe", Unsubscribe).WithTags("Preferences").WithName("Unsubscribe").AllowAnonymous();
        app.MapPost("/api/notifications/unsubscribe", Unsubscribe).WithTags("Preferences").WithName("UnsubscribeOneClick").AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    /// <summary>The caller's e-mail preferences (everything on until they choose otherwise).</summary>
    internal static async Task<Ok<PreferencesResponse>> Get(NotificationsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(user);
        var preference = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
            ?? NotificationPreference.Default(userId);
        var email = await db.Recipients.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.Email).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(ResponseOf(preference, email));
    }

    /// <summary>Sets which task kinds the caller is reminded of by e-mail, whether e-mail is on, and whether the daily digest is sent.</summary>
    internal static async Task<Results<Ok<PreferencesResponse>, ValidationProblem>> Put(
        PreferencesRequest request, NotificationsDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(request.EmailEnabled is not null, "emailEnabled", "is required.", "là bắt buộc.")
            .Check(request.DigestEnabled is not null, "digestEnabled", "is required.", "là bắt buộc.")
            .Check(request.Kinds is not null && request.Kinds.All(Enum.IsDefined), "kinds", "must list task kinds.", "phải là danh sách loại việc.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var userId = UserIdOf(user);
        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = NotificationPreference.Default(userId);
            db.Preferences.Add(preference);
        }
        preference.Set(request.EmailEnabled!.Value, request.DigestEnabled!.Value, request.Kinds!, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var email = await db.Recipients.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.Email).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(ResponseOf(preference, email));
    }

    /// <summary>
    /// Turns e-mail off for the account the link's token was made for, without signing in; answers a short Vietnamese page.
    /// A token that was altered or not made here changes nothing.
    /// </summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem>> Unsubscribe(
        string? token, UnsubscribeTokens tokens, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = tokens.UserOf(token);
        if (userId is null)
        {
            return ApiProblems.Invalid(new RequestValidation().Check(false, "token", "is not a valid unsubscribe link.", "không phải là liên kết hủy nhận thư hợp lệ."));
        }
        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = NotificationPreference.Default(userId);
            db.Preferences.Add(preference);
        }
        preference.Unsubscribe(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Content("""
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Đã hủy nhận thư</title></head>
            <body><main><h1>Đã hủy nhận thư nhắc việc</h1>
            <p>Bạn sẽ không nhận thư nhắc việc của hệ thống khuyến công nữa. Bạn có thể bật lại trong mục “Nhận thư nhắc việc” của trang Việc cần làm.</p>
            </main></body></html>
            """, "text/html; charset=utf-8");
    }

    private static string UserIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static PreferencesResponse ResponseOf(NotificationPreference preference, string? email) => new(
        preference.EmailEnabled, preference.DigestEnabled, [.. Enum.GetValues<TaskKind>().Where(k => !preference.MutedKinds.Contains(k))], email);
}

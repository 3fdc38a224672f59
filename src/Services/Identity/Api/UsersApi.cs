using System.Security.Claims;
using System.Text.RegularExpressions;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Domain;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KhuyenCong.Identity.Api;

/// <summary>What every user management command needs, bound from the request's services.</summary>
internal readonly record struct UserServices(
    IdentityDb Db, UserManager<PlatformUser> Users, TimeProvider Time, ClaimsPrincipal Caller, HttpContext Http, CancellationToken CancellationToken)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}

/// <summary>User management for administrators, and who-am-I for every signed-in user.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users/me", Me).WithTags("Users").WithName("GetCurrentUser").RequireAuthorization(Policies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", Create).WithName("CreateUser").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListUsers");
        group.MapGet("/{id}", Get).WithName("GetUser").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", Update).WithName("UpdateUser").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/lock", Lock).WithName("LockUser").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/unlock", Unlock).WithName("UnlockUser").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/republish", Republish).WithName("RepublishUsers");
        group.MapPost("/{id}/password", ResetPassword).WithName("ResetUserPassword").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Ok<CurrentUserResponse> Me(ClaimsPrincipal user)
    {
        var scope = user.Scope();
        return TypedResults.Ok(new CurrentUserResponse(
            user.GetClaim(Claims.Subject)!, user.GetClaim(Claims.Name), user.GetClaims(Claims.Role).Order().ToList(),
            scope.UnitCode, scope.District, scope.TaxCode, scope.CanSeeEverything));
    }

    internal static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateUserRequest request, [AsParameters] UserServices s)
    {
        var validation = new RequestValidation()
            .Required(request.UserName, "userName", 64)
            .Required(request.DisplayName, "displayName", 200)
            .Expect(!string.IsNullOrEmpty(request.Password), "password", "is required (the initial password).",
                "là bắt buộc (mật khẩu ban đầu).");
        CheckPasswordLength(request.Password, "password", validation);
        CheckEmail(request.Email, validation);
        var access = UserAccess.From(request.Roles, request.UnitCode, request.District, request.TaxCode, validation);
        if (!validation.IsValid || access is null)
        {
            return ApiProblems.Invalid(validation);
        }

        var userName = request.UserName!.Trim();
        if (await s.Users.FindByNameAsync(userName) is not null)
        {
            return Conflict("duplicate-user", $"A user named '{userName}' already exists.", $"Tên đăng nhập '{userName}' đã được dùng.");
        }

        var user = new PlatformUser
        {
            UserName = userName,
            DisplayName = request.DisplayName!.Trim(),
            Email = Blank(request.Email),
            CreatedAt = s.Now,
        };
        Apply(user, access);
        await using var transaction = await s.Db.Database.BeginTransactionAsync(s.CancellationToken);
        var created = await s.Users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Conflict("duplicate-user", $"A user named '{userName}' already exists.", $"Tên đăng nhập '{userName}' đã được dùng.")
                : Refused(created);
        }
        var roles = await s.Users.AddToRolesAsync(user, access.Roles);
        if (!roles.Succeeded)
        {
            return Refused(roles);
        }
        await transaction.CommitAsync(s.CancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user, access.Roles, s.Now));
    }

    internal static async Task<Results<Ok<PageOf<UserResponse>>, ValidationProblem>> List(
        IdentityDb db, TimeProvider time, CancellationToken cancellationToken,
        string? q = null, string? role = null, int page = 1, int pageSize = 50)
    {
        var knownRole = PlatformRoles.Normalize(role);
        var validation = new RequestValidation()
            .Paging(page, pageSize)
            .Expect(role is null || knownRole is not null, "role", $"is one of: {string.Join(", ", PlatformRoles.All)}.",
                $"là một trong: {UserAccess.RoleNames()}.");
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = Like.Contains(q.Trim());
            query = query.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.DisplayName, pattern)
                                     || (u.Email != null && EF.Functions.ILike(u.Email, pattern)));
        }
        if (knownRole is not null)
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == knownRole)));
        }

        var users = await query.OrderBy(u => u.UserName).PageAsync(page, pageSize, cancellationToken);
        var roles = await RolesOfAsync(db, users.Items.Select(u => u.Id).ToList(), cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(users.Map(u => UserResponse.From(u, roles[u.Id], now)));
    }

    internal static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Get(string id, [AsParameters] UserServices s)
    {
        var user = await s.Users.FindByIdAsync(id);
        return user is null ? NotFound(id) : TypedResults.Ok(UserResponse.From(user, await s.Users.GetRolesAsync(user), s.Now));
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, UpdateUserRequest request, [AsParameters] UserServices s)
    {
        var validation = new RequestValidation().Required(request.DisplayName, "displayName", 200);
        CheckEmail(request.Email, validation);
        var access = UserAccess.From(request.Roles, request.UnitCode, request.District, request.TaxCode, validation);
        if (!validation.IsValid || access is null)
        {
            return ApiProblems.Invalid(validation);
        }
        var user = await s.Users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }
        var current = await s.Users.GetRolesAsync(user);
        if (current.Contains(PlatformRoles.Admin) && !access.Roles.Contains(PlatformRoles.Admin) && !await AnotherActiveAdminAsync(s, user))
        {
            return Conflict("last-admin", "This is the only active administrator: give another user the Admin role first.",
                "Đây là quản trị viên duy nhất đang hoạt động: hãy giao vai trò Quản trị hệ thống cho người khác trước.");
        }

        user.DisplayName = request.DisplayName!.Trim();
        user.Email = Blank(request.Email);
        Apply(user, access);
        await using var transaction = await s.Db.Database.BeginTransactionAsync(s.CancellationToken);
        foreach (var result in new[]
                 {
                     await s.Users.UpdateAsync(user),
                     await s.Users.RemoveFromRolesAsync(user, current.Except(access.Roles)),
                     await s.Users.AddToRolesAsync(user, access.Roles.Except(current)),
                 })
        {
            if (!result.Succeeded)
            {
                return Refused(result);
            }
        }
        await transaction.CommitAsync(s.CancellationToken);
        return TypedResults.Ok(UserResponse.From(user, access.Roles, s.Now));
    }

    /// <summary>Locks the user out until unlocked: no sign-in, no new token, no refresh.</summary>
    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Lock(string id, [AsParameters] UserServices s)
    {
        var user = await s.Users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }
        if (user.Id == s.Caller.GetClaim(Claims.Subject))
        {
            return Conflict("cannot-lock-yourself", "An administrator cannot lock their own account.",
                "Quản trị viên không thể tự khóa tài khoản của mình.");
        }
        var roles = await s.Users.GetRolesAsync(user);
        if (roles.Contains(PlatformRoles.Admin) && !await AnotherActiveAdminAsync(s, user))
        {
            return Conflict("last-admin", "This is the only active administrator: it cannot be locked.",
                "Đây là quản trị viên duy nhất đang hoạt động: không thể khóa tài khoản này.");
        }
        await s.Users.SetLockoutEnabledAsync(user, true);
        var locked = await s.Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        return locked.Succeeded ? TypedResults.Ok(UserResponse.From(user, roles, s.Now)) : Refused(locked);
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Unlock(string id, [AsParameters] UserServices s)
    {
        var user = await s.Users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var unlocked = await s.Users.UpdateAsync(user);
        return unlocked.Succeeded ? TypedResults.Ok(UserResponse.From(user, await s.Users.GetRolesAsync(user), s.Now)) : Refused(unlocked);
    }

    /// <summary>
    /// Announces every account again at its current revision, for a service whose copy of the accounts was lost
    /// or is behind (a restored database); copies that already hold a revision ignore it.
    /// </summary>
    internal static async Task<Accepted<RepublishResponse>> Republish(IdentityDb db, CancellationToken cancellationToken)
    {
        var accounts = await db.AccountPublications.ExecuteUpdateAsync(p => p.SetProperty(x => x.PublishedAt, (DateTimeOffset?)null), cancellationToken);
        return TypedResults.Accepted((string?)null, new RepublishResponse(accounts));
    }

    /// <summary>Sets a new password (checked against the policy before anything changes).</summary>
    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(
        string id, ResetPasswordRequest request, [AsParameters] UserServices s)
    {
        var validation = new RequestValidation().Expect(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "is required.",
            "là bắt buộc.");
        CheckPasswordLength(request.NewPassword, "newPassword", validation);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var user = await s.Users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }
        var token = await s.Users.GeneratePasswordResetTokenAsync(user);
        var reset = await s.Users.ResetPasswordAsync(user, token, request.NewPassword!);
        return reset.Succeeded ? TypedResults.NoContent() : Refused(reset, passwordField: "newPassword");
    }

    private static async Task<bool> AnotherActiveAdminAsync(UserServices s, PlatformUser user) =>
        (await s.Users.GetUsersInRoleAsync(PlatformRoles.Admin)).Any(a => a.Id != user.Id && !(a.LockoutEnd > s.Now));

    private static async Task<ILookup<string, string>> RolesOfAsync(IdentityDb db, List<string> userIds, CancellationToken cancellationToken) =>
        (await (from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where userIds.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
        .ToLookup(r => r.UserId, r => r.Name!);

    private static void Apply(PlatformUser user, UserAccess access)
    {
        user.UnitCode = access.UnitCode;
        user.District = access.District;
        user.TaxCode = access.TaxCode;
    }

    private static void CheckEmail(string? email, RequestValidation validation) => validation
        .Expect(string.IsNullOrWhiteSpace(email) || IsEmailAddress(email.Trim()), "email", "must be an e-mail address (name@domain).",
            "phải là địa chỉ thư điện tử (tên@miền), ví dụ hoa.nguyen@quangninh.gov.vn.");

    /// <summary>One plain address (no display name, no list) of at most 256 characters, with a dotted domain.</summary>
    private static bool IsEmailAddress(string email) =>
        email.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email
        && address.DisplayName.Length == 0 && address.Host.Contains('.');

    /// <summary>At most <see cref="PasswordSignIn.MaxPasswordLength"/> characters, checked before any hashing.</summary>
    private static void CheckPasswordLength(string? password, string field, RequestValidation validation) => validation
        .Expect(password is null || password.Length <= PasswordSignIn.MaxPasswordLength, field,
            $"must be at most {PasswordSignIn.MaxPasswordLength} characters.",
            $"dài tối đa {PasswordSignIn.MaxPasswordLength} ký tự.");

    /// <summary>ASP.NET Core Identity's refusal in Vietnamese, by its code (its own description where the code is not one a person meets here).</summary>
    private static string VietnameseOf(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => Regex.Match(error.Description, @"\d+", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } length
            ? $"Mật khẩu phải có ít nhất {length.Value} ký tự."
            : "Mật khẩu quá ngắn.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Mật khẩu phải có ít nhất một chữ số.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Mật khẩu phải có ít nhất một chữ thường.",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Mật khẩu phải có ít nhất một chữ hoa.",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Mật khẩu phải có ít nhất một ký tự không phải chữ hoặc số.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Mật khẩu không đúng.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "Tên đăng nhập chỉ gồm chữ cái, chữ số và các ký tự được phép.",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "Tên đăng nhập đã được dùng.",
        nameof(IdentityErrorDescriber.InvalidEmail) => "Địa chỉ thư điện tử không hợp lệ.",
        nameof(IdentityErrorDescriber.DuplicateEmail) => "Địa chỉ thư điện tử đã được dùng.",
        _ => "Không lưu được tài khoản: dữ liệu chưa hợp lệ.",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>ASP.NET Core Identity's refusals (password policy, user name characters) as a 400 naming the field.</summary>
    private static ValidationProblem Refused(IdentityResult result, string passwordField = "password") => ApiProblems.Invalid(Describe(result, passwordField));

    private static RequestValidation Describe(IdentityResult result, string passwordField)
    {
        var validation = new RequestValidation();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when error.Code.Contains("UserName", StringComparison.Ordinal) => "userName",
                _ when error.Code.Contains("Email", StringComparison.Ordinal) => "email",
                _ when error.Code.Contains("Role", StringComparison.Ordinal) => "roles",
                _ => "user",
            };
            validation.Check(false, field, error.Description, VietnameseOf(error));
        }
        return validation;
    }

    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound("User", $"No user has the id '{id}'.", $"Không có người dùng mã '{id}'.");

    private static ProblemHttpResult Conflict(string code, string detail, string vietnamese) => ApiProblems.Conflict(code, detail, vietnamese);
}

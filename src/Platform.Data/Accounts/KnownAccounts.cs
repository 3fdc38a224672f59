using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Accounts;

/// <summary>An account that may take a council or jury seat, as a form offers it.</summary>
public sealed record AppraiserResponse(string UserId, string UserName, string DisplayName);

/// <summary>Reads of a service's copy of the accounts.</summary>
public static class KnownAccounts
{
    /// <summary>The longest account id a seat may name (the identity service's ids are 36-character GUIDs).</summary>
    public const int MaxUserIdLength = 64;

    /// <summary>The copies of the named accounts, by id; an id the service has not heard of is absent.</summary>
    public static async Task<IReadOnlyDictionary<string, KnownAccount>> ByIdsAsync(
        this DbSet<KnownAccount> accounts, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        return await accounts.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// <c>GET {pattern}</c>: the active accounts holding the Appraiser role, by display name, for the council
    /// and jury forms; for those who form councils and those who sit on them.
    /// </summary>
    public static RouteHandlerBuilder MapKnownAppraisers<TContext>(this IEndpointRouteBuilder app, string pattern) where TContext : ServiceDbContext =>
        app.MapGet(pattern, async Task<Ok<List<AppraiserResponse>>> (TContext db, CancellationToken cancellationToken) =>
            {
                var appraisers = await db.Set<KnownAccount>().AsNoTracking()
                    .Where(a => a.IsActive && a.Roles.Contains(PlatformRoles.Appraiser))
                    .OrderBy(a => a.DisplayName).ThenBy(a => a.UserName)
                    .Select(a => new AppraiserResponse(a.UserId, a.UserName, a.DisplayName))
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(appraisers);
            })
            .RequireAuthorization(Policies.Appraise)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}

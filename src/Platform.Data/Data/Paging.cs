using KhuyenCong.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Platform.Data;

/// <summary>
/// Pages of a query. The caller orders the query and checks page and pageSize first
/// (<see cref="Http.RequestValidation.Paging"/>, within <see cref="Http.QueryBounds"/>).
/// </summary>
public static class Paging
{
    /// <summary>The rows of page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> rows.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int pageSize) =>
        query.Skip((page - 1) * pageSize).Take(pageSize);

    /// <summary>How many rows the query has, and the rows of page <paramref name="page"/> (from 1).</summary>
    public static async Task<PageOf<T>> PageAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Page(page, pageSize).ToListAsync(cancellationToken);
        return new PageOf<T>(items, total, page, pageSize);
    }
}

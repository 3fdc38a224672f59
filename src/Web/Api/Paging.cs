namespace KhuyenCong.Web.Api;

/// <summary>Reading a paged list of the platform to its end.</summary>
public static class Paging
{
    /// <summary>Every row of a paged list, page by page; the first refusal ends it.</summary>
    public static async Task<ApiResult<List<T>>> AllAsync<T>(Func<int, Task<ApiResult<PageOf<T>>>> pageOf)
    {
        var rows = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await pageOf(page);
            if (!result.Succeeded)
            {
                return new ApiResult<List<T>>(null, result.Problem);
            }
            rows.AddRange(result.Value!.Items);
            if (rows.Count >= result.Value.Total || result.Value.Items.Count == 0)
            {
                return new ApiResult<List<T>>(rows, null);
            }
        }
    }
}

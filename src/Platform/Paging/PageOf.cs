namespace KhuyenCong.Platform.Paging;

/// <summary>One page of a list: its rows, how many rows the whole list has, and which page of what size this is.</summary>
public record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>The same page with each row turned into what the caller answers with.</summary>
    public PageOf<TResult> Map<TResult>(Func<T, TResult> map) => new([.. Items.Select(map)], Total, Page, PageSize);
}

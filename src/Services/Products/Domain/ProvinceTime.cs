namespace KhuyenCong.Products.Domain;

/// <summary>Dates as the province reads them: Vietnam keeps UTC+7 all year, without daylight saving.</summary>
public static class ProvinceTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}

namespace KhuyenCong.ServiceDefaults.Http;

public static class PlanYearRange
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    /// <summary>A required range of plan years: both ends given, each within 2000–2100, in order.</summary>
    public static RequestValidation PlanYears(this RequestValidation validation, int? fromYear, int? toYear) => validation
        .Check(fromYear is not null, "fromYear", "'fromYear' is required.", "'fromYear' là bắt buộc.")
        .Check(toYear is not null, "toYear", "'toYear' is required.", "'toYear' là bắt buộc.")
        .Check(fromYear is null or >= EarliestYear and <= LatestYear, "fromYear", $"'fromYear' must be a year between {EarliestYear} and {LatestYear}.",
            $"'fromYear' phải là năm từ {EarliestYear} đến {LatestYear}.")
        .Check(toYear is null or >= EarliestYear and <= LatestYear, "toYear", $"'toYear' must be a year between {EarliestYear} and {LatestYear}.",
            $"'toYear' phải là năm từ {EarliestYear} đến {LatestYear}.")
        .Check(fromYear is null || toYear is null || fromYear <= toYear, "fromYear", "'fromYear' must not be after 'toYear'.",
            "'fromYear' không được sau 'toYear'.");
}

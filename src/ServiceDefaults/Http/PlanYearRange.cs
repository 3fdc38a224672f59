namespace KhuyenCong.ServiceDefaults.Http;

public static class PlanYearRange
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    /// <summary>A required range of plan years: both ends given, each within 2000–2100, in order.</summary>
    public static RequestValidation PlanYears(this RequestValidation validation, int? fromYear, int? toYear) => validation
        .Expect(fromYear is not null, "fromYear", "is required.", "là bắt buộc.")
        .Expect(toYear is not null, "toYear", "is required.", "là bắt buộc.")
        .Expect(fromYear is null or >= EarliestYear and <= LatestYear, "fromYear", $"must be a year between {EarliestYear} and {LatestYear}.",
            $"phải là năm từ {EarliestYear} đến {LatestYear}.")
        .Expect(toYear is null or >= EarliestYear and <= LatestYear, "toYear", $"must be a year between {EarliestYear} and {LatestYear}.",
            $"phải là năm từ {EarliestYear} đến {LatestYear}.")
        .Expect(fromYear is null || toYear is null || fromYear <= toYear, "fromYear", "must not be after the last year.",
            "không được sau năm cuối.");
}

using KhuyenCong.Contracts;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Collects field errors of a request for a 400 ValidationProblem (the <c>errors</c> map). Each error is
/// written in English and, where given, in Vietnamese; the answer speaks the caller's language (Vietnamese by default).
/// </summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<(string English, string Vietnamese)>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsValid => _errors.Count == 0;

    /// <summary>The errors in English.</summary>
    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.English).ToArray());

    /// <summary>The errors in Vietnamese.</summary>
    public Dictionary<string, string[]> ErrorsVietnamese => _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Vietnamese).ToArray());

    /// <summary>Records <paramref name="english"/> / <paramref name="vietnamese"/> against <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public RequestValidation Check(bool valid, string field, string english, string vietnamese)
    {
        if (!valid)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }
            messages.Add((english, vietnamese));
        }
        return this;
    }

    /// <summary>
    /// Records the field's label (<see cref="FieldLabels"/>) followed by <paramref name="english"/> / <paramref name="vietnamese"/>
    /// against <paramref name="field"/> unless <paramref name="valid"/>: <c>Expect(ok, "visitors", "is required.", "là bắt buộc.")</c>
    /// reads "Số khách tham quan là bắt buộc." A person reads a field by its label, never by its name in the API.
    /// </summary>
    public RequestValidation Expect(bool valid, string field, string english, string vietnamese) =>
        Check(valid, field, $"{FieldLabels.EnglishOf(field)} {english}", $"{FieldLabels.VietnameseOf(field)} {vietnamese}");

    public RequestValidation Required(string? value, string field, int maxLength = 500) =>
        Expect(!string.IsNullOrWhiteSpace(value), field, "is required.", "là bắt buộc.")
            .Expect(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters.", $"dài tối đa {maxLength} ký tự.");

    public RequestValidation NotNegative(long? amount, string field) =>
        Expect(amount is not null, field, "is required (VND, a whole number).", "là bắt buộc (số đồng, số nguyên).")
            .Expect(amount is null or >= 0, field, "must not be negative.", "không được âm.")
            .WithinMoneyBound(amount, field);

    public RequestValidation Positive(long? amount, string field) =>
        Expect(amount is not null, field, "is required (VND, a whole number).", "là bắt buộc (số đồng, số nguyên).")
            .Expect(amount is null or > 0, field, "must be greater than zero.", "phải lớn hơn 0.")
            .WithinMoneyBound(amount, field);

    /// <summary>An optional amount of money: when given, 0 … 10^15 đồng.</summary>
    public RequestValidation OptionalMoney(long? amount, string field) =>
        Expect(amount is null or >= 0, field, "must not be negative.", "không được âm.").WithinMoneyBound(amount, field);

    /// <summary>A date of a programme record (a decision, a payment, a course day): 1990-01-01 … 2100-12-31.</summary>
    public RequestValidation RecordDate(DateOnly? date, string field, bool required = true) =>
        Expect(!required || date is not null, field, "is required (yyyy-MM-dd).", "là bắt buộc (ngày/tháng/năm).")
            .Expect(date is null || (date >= InputBounds.EarliestRecordDate && date <= InputBounds.LatestDate), field,
                $"must lie between {InputBounds.EarliestRecordDate:yyyy-MM-dd} and {InputBounds.LatestDate:yyyy-MM-dd}.",
                $"phải trong khoảng {InputBounds.EarliestRecordDate:dd/MM/yyyy} đến {InputBounds.LatestDate:dd/MM/yyyy}.");

    /// <summary>A page of a list: page 1 … 1,000,000, pageSize 1 … 200.</summary>
    public RequestValidation Paging(int page, int pageSize) =>
        Expect(page is >= 1 and <= QueryBounds.MaxPage, "page", $"is a whole number from 1 to {QueryBounds.MaxPage:N0}.",
                $"là số nguyên từ 1 đến {QueryBounds.MaxPage:N0}.")
            .Expect(pageSize is >= 1 and <= QueryBounds.MaxPageSize, "pageSize", $"must be between 1 and {QueryBounds.MaxPageSize}.",
                $"phải từ 1 đến {QueryBounds.MaxPageSize}.");

    private RequestValidation WithinMoneyBound(long? amount, string field) =>
        Expect(amount is null or <= InputBounds.MaxMoney, field, $"must be at most {InputBounds.MaxMoney:N0} VND (10^15).",
            $"tối đa {InputBounds.MaxMoney:N0} đồng (10^15).");
}

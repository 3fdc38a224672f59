namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>Collects field errors of a request for a 400 ValidationProblem (the <c>errors</c> map).</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsValid => _errors.Count == 0;

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public RequestValidation Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }
            messages.Add(message);
        }
        return this;
    }

    public RequestValidation Required(string? value, string field, int maxLength = 500) =>
        Check(!string.IsNullOrWhiteSpace(value), field, $"'{field}' is required.")
            .Check(value is null || value.Length <= maxLength, field, $"'{field}' must be at most {maxLength} characters.");

    public RequestValidation NotNegative(long? amount, string field) =>
        Check(amount is not null, field, $"'{field}' is required (VND, a whole number).")
            .Check(amount is null or >= 0, field, $"'{field}' must not be negative.");

    public RequestValidation Positive(long? amount, string field) =>
        Check(amount is not null, field, $"'{field}' is required (VND, a whole number).")
            .Check(amount is null or > 0, field, $"'{field}' must be greater than zero.");
}

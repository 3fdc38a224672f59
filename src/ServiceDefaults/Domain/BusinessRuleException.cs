namespace KhuyenCong.ServiceDefaults.Domain;

/// <summary>How a broken rule is answered: a state conflict (409), a request the rules refuse (422), or a missing part (404).</summary>
public enum RuleKind
{
    Conflict,
    Unprocessable,
    NotFound,
}

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable and names the rule; it becomes the
/// ProblemDetails type <c>/errors/&lt;code&gt;</c>. Each service derives its own, named after its domain.
/// </summary>
public abstract class BusinessRuleException(string code, RuleKind kind, string message) : Exception(message)
{
    public string Code { get; } = code;
    public RuleKind Kind { get; } = kind;
}

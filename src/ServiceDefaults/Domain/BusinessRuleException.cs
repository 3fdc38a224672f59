namespace KhuyenCong.ServiceDefaults.Domain;

/// <summary>
/// How a broken rule is answered: a state conflict (409), a request the rules refuse (422), a missing part
/// (404), or an act the rules reserve to one person, such as a council member's own score sheet (403).
/// </summary>
public enum RuleKind
{
    Conflict,
    Unprocessable,
    NotFound,
    Forbidden,
}

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable and names the rule; it becomes the
/// ProblemDetails type <c>/errors/&lt;code&gt;</c>. Each service derives its own, named after its domain.
/// The message is English; <see cref="Vietnamese"/> is what a caller reads by default, and
/// <see cref="LegalBasis"/> cites the text that sets the rule (both travel in the ProblemDetails).
/// </summary>
public abstract class BusinessRuleException(string code, RuleKind kind, string message) : Exception(message)
{
    public string Code { get; } = code;
    public RuleKind Kind { get; } = kind;

    /// <summary>The refusal in Vietnamese, the programme's language, which callers read unless they ask for English.</summary>
    public required string Vietnamese { get; init; }

    /// <summary>The legal text (and article) that sets the rule, e.g. "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6.2.c".</summary>
    public string? LegalBasis { get; init; }
}

namespace KhuyenCong.Training.Domain;

/// <summary>How a broken rule is answered: a state conflict (409) or a request the rules refuse (422).</summary>
public enum RuleKind
{
    Conflict,
    Unprocessable,
}

/// <summary>A training rule refused an operation. <see cref="Code"/> is stable and names the rule.</summary>
public sealed class TrainingRuleException(string code, RuleKind kind, string message) : Exception(message)
{
    public string Code { get; } = code;
    public RuleKind Kind { get; } = kind;
}

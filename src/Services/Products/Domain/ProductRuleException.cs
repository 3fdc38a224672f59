namespace KhuyenCong.Products.Domain;

/// <summary>How a broken rule is answered: a state conflict (409) or a request the rules refuse (422).</summary>
public enum RuleKind
{
    Conflict,
    Unprocessable,
}

/// <summary>A rule of Circular 26/2014/TT-BCT refused an operation. <see cref="Code"/> is stable and names the rule.</summary>
public sealed class ProductRuleException(string code, RuleKind kind, string message) : Exception(message)
{
    public string Code { get; } = code;
    public RuleKind Kind { get; } = kind;
}

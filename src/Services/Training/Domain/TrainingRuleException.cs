using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Training.Domain;

/// <summary>A training rule refused an operation. <see cref="BusinessRuleException.Code"/> is stable and names the rule.</summary>
public sealed class TrainingRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message);

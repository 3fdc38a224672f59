using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Fairs.Domain;

/// <summary>A business rule refused an operation. <see cref="BusinessRuleException.Code"/> is stable and names the rule.</summary>
public sealed class FairRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message);

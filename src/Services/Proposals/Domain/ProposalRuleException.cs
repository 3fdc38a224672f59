using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>A business rule refused an operation. <see cref="BusinessRuleException.Code"/> is stable and names the rule.</summary>
public sealed class ProposalRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message);

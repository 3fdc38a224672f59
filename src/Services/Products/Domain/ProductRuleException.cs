using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Products.Domain;

/// <summary>A rule of Circular 26/2014/TT-BCT refused an operation. <see cref="Code"/> is stable and names the rule.</summary>
public sealed class ProductRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message);

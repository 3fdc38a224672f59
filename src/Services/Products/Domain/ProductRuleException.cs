using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Products.Domain;

/// <summary>A rule of Circular 26/2014/TT-BCT refused an operation. <see cref="BusinessRuleException.Code"/> is stable and names the rule.</summary>
public sealed class ProductRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message)
{
    /// <summary>A part of the aggregate (an entry, a complaint) that does not exist, or that the caller may not see.</summary>
    public static ProductRuleException NotFound(string what, Guid id) =>
        new("not-found", RuleKind.NotFound, $"There is no {what} with id {id}.") { Vietnamese = $"Không có hồ sơ mã {id}." };
}

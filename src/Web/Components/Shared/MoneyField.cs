namespace KhuyenCong.Web.Components.Shared;

/// <summary>
/// An amount of whole đồng, shown grouped in the user's language (300.000.000 ₫): a <see cref="NumberField{TNumber}"/>
/// itself rather than a wrapper around one, so that the page's binding reaches the field directly.
/// </summary>
public sealed class MoneyField : NumberField<long>
{
    public MoneyField()
    {
        Grouped = true;
        Suffix = "₫";
    }
}

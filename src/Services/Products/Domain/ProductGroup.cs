namespace KhuyenCong.Products.Domain;

/// <summary>The four product groups of Circular 26/2014/TT-BCT, Art. 5.</summary>
public enum ProductGroup
{
    /// <summary>Handicrafts (thủ công mỹ nghệ).</summary>
    Handicrafts = 1,
    /// <summary>Processed agricultural, forestry, fishery and food products.</summary>
    ProcessedFoodAndAgriculture = 2,
    /// <summary>Machinery, equipment, tools and mechanical parts.</summary>
    MachineryAndTools = 3,
    Other = 4,
}

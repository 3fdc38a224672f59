namespace KhuyenCong.Contracts;

/// <summary>The production sector of an establishment, a dimension of every report.</summary>
public enum Sector
{
    MechanicalEngineering = 1,
    BuildingMaterials = 2,
    Ceramics = 3,
    MedicinalHerbs = 4,
    Beverages = 5,
    AgriculturalProducts = 6,
    SeafoodProcessing = 7,
    WoodProcessing = 8,
    Handicrafts = 9,
    TextilesAndGarments = 10,
    FoodProcessing = 11,
    Other = 99,
}

namespace KhuyenCong.Contracts;

/// <summary>The nine content groups of Decree 45/2012/NĐ-CP, Art. 4; every proposal has one.</summary>
public enum ContentGroup
{
    VocationalTraining = 1,
    CapacityBuilding = 2,
    TechnicalDemonstration = 3,
    TypicalProducts = 4,
    Consulting = 5,
    Information = 6,
    LinkagesAndClusters = 7,
    InternationalCooperation = 8,
    SystemCapacity = 9,
}

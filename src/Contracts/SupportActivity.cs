namespace KhuyenCong.Contracts;

/// <summary>
/// A kind of support within a content group that has its own level in joint Circular 26/2014/TTLT-BTC-BCT
/// Article 6 (a demonstration model, a machine, a fair...). A group that has activities needs one named
/// on every proposal; numbers are stored by name and never reused.
/// </summary>
public enum SupportActivity
{
    DemonstrationModel = 1,
    AdvancedMachinery = 2,
    ProductionLine = 3,
    RegionalProductCompetition = 4,
    NationalProductCompetition = 5,
    BrandBuilding = 6,
    ProgrammeFair = 7,
    OtherDomesticFair = 8,
    OverseasFair = 9,
    Consulting = 10,
    RegionalAssociation = 11,
    NationalAssociation = 12,
    BusinessCluster = 13,
    ClusterInfrastructure = 14,
    PollutionTreatment = 15,
    RelocationInterest = 16,
    /// <summary>Setting up a rural industrial enterprise (point a).</summary>
    EnterpriseStartUp = 17,
    /// <summary>Airfare of establishments on study tours abroad (point e).</summary>
    OverseasStudyTourAirfare = 18,
    /// <summary>Training, workshops and domestic study tours, paid under the general regimes (clause 1).</summary>
    CapacityTraining = 19,
    /// <summary>The model of a facility already operating well, documented for others to copy (point b, second paragraph).</summary>
    OperatingFacilityModel = 20,
    /// <summary>Cleaner-production pilot models, paid under Circular 221/2012/TTLT-BTC-BCT (clause 1 point h).</summary>
    CleanerProductionPilot = 21,
    /// <summary>Prize for a product chosen as typical at regional level (point g).</summary>
    RegionalProductPrize = 22,
    /// <summary>Prize for a product chosen as typical at national level (point g).</summary>
    NationalProductPrize = 23,
    /// <summary>Showrooms and other trade promotion, paid under the general regimes (clause 1).</summary>
    TradePromotion = 24,
    /// <summary>Pollution treatment of an industrial cluster (point p).</summary>
    IndustrialClusterPollutionTreatment = 25,
    /// <summary>Detailed planning of an industrial cluster (point q).</summary>
    ClusterDetailedPlanning = 26,
    /// <summary>Conferences and forums to attract investment into industrial clusters, paid under the general regimes (clause 1).</summary>
    ClusterInvestmentForum = 27,
}

/// <summary>The content group of each activity: a group whose levels differ by activity needs one named.</summary>
public static class SupportActivities
{
    /// <summary>The content group an activity belongs to.</summary>
    public static int ContentGroupOf(this SupportActivity activity) => activity switch
    {
        SupportActivity.EnterpriseStartUp or SupportActivity.OverseasStudyTourAirfare or SupportActivity.CapacityTraining => 2,
        SupportActivity.DemonstrationModel or SupportActivity.AdvancedMachinery or SupportActivity.ProductionLine
            or SupportActivity.OperatingFacilityModel or SupportActivity.CleanerProductionPilot => 3,
        SupportActivity.RegionalProductCompetition or SupportActivity.NationalProductCompetition or SupportActivity.BrandBuilding
            or SupportActivity.ProgrammeFair or SupportActivity.OtherDomesticFair or SupportActivity.OverseasFair
            or SupportActivity.RegionalProductPrize or SupportActivity.NationalProductPrize or SupportActivity.TradePromotion => 4,
        SupportActivity.Consulting => 5,
        _ => 7,
    };

    /// <summary>
    /// A group whose levels differ by activity (2, 3, 4, 5 and 7 in joint Circular 26/2014 Article 6 clause 2):
    /// its proposals name one, since without it no single limit applies.
    /// </summary>
    public static bool RequiresActivity(int? contentGroup) => Of(contentGroup).Any();

    /// <summary>The activities of a content group; none for a group with a single level.</summary>
    public static IEnumerable<SupportActivity> Of(int? contentGroup) =>
        Enum.GetValues<SupportActivity>().Where(a => a.ContentGroupOf() == contentGroup);
}

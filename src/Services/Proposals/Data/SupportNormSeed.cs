using KhuyenCong.Proposals.Domain;
using SupportActivity = KhuyenCong.Contracts.SupportActivity;

namespace KhuyenCong.Proposals.Data;

/// <summary>
/// The support norms the database starts with. From 8 April 2014 (the day joint Circular
/// 26/2014/TTLT-BTC-BCT took effect) every level of its Article 6 clause 2, each with its point; the
/// groups whose spending it only sends to the general spending regimes (clause 1: 1, 6, 8, 9, and the
/// activities of that kind within other groups) are limited to the proposal's own cost. From 15 May
/// 2018: Circular 28/2018/TT-BTC raised the caps of demonstration models, machinery, competitions and
/// cluster infrastructure (DOMAIN.md). Local rows repeat the national values as the ceiling; the
/// province enters its own lower levels (Decision 41/2018) through the norms API with their effective date.
/// </summary>
public static class SupportNormSeed
{
    private const long Million = 1_000_000;
    public static readonly DateOnly From2014 = new(2014, 4, 8);
    public static readonly DateOnly From2018 = new(2018, 5, 15);
    private const decimal Priority = 1.5m;

    private static string Point(string point) => $"{Basis.Article6Clause2} điểm {point}";

    private static IEnumerable<(int Group, SupportActivity? Activity, decimal? Share, long? CapMillions, NormUnit Unit, string Basis)> Rules2014()
    {
        foreach (var group in new[] { 1, 6, 8, 9 })
        {
            yield return (group, null, 1m, null, NormUnit.Proposal, Basis.Article6Clause1);
        }
        yield return (2, SupportActivity.EnterpriseStartUp, null, 10, NormUnit.Enterprise, Point("a"));
        yield return (2, SupportActivity.OverseasStudyTourAirfare, 1m, null, NormUnit.Proposal, Point("e"));
        yield return (2, SupportActivity.CapacityTraining, 1m, null, NormUnit.Proposal, Basis.Article6Clause1);
        yield return (3, SupportActivity.DemonstrationModel, 0.3m, 500, NormUnit.Model, Point("b"));
        yield return (3, SupportActivity.OperatingFacilityModel, null, 100, NormUnit.Model, Point("b"));
        yield return (3, SupportActivity.AdvancedMachinery, 0.5m, 200, NormUnit.Facility, Point("c"));
        yield return (3, SupportActivity.ProductionLine, 0.5m, 200, NormUnit.Facility, Point("c"));
        yield return (3, SupportActivity.CleanerProductionPilot, 1m, null, NormUnit.Proposal, $"{Basis.Article6Clause1} điểm h");
        yield return (4, SupportActivity.ProgrammeFair, 1m, null, NormUnit.Fair, Point("d"));
        yield return (4, SupportActivity.OtherDomesticFair, 0.8m, null, NormUnit.Fair, Point("d"));
        yield return (4, SupportActivity.OverseasFair, 1m, null, NormUnit.Fair, Point("đ"));
        yield return (4, SupportActivity.RegionalProductCompetition, null, 100, NormUnit.CompetitionRound, Point("g"));
        yield return (4, SupportActivity.NationalProductCompetition, null, 200, NormUnit.CompetitionRound, Point("g"));
        yield return (4, SupportActivity.RegionalProductPrize, null, 5, NormUnit.Product, Point("g"));
        yield return (4, SupportActivity.NationalProductPrize, null, 10, NormUnit.Product, Point("g"));
        yield return (4, SupportActivity.BrandBuilding, 0.5m, 35, NormUnit.Brand, Point("h"));
        yield return (4, SupportActivity.TradePromotion, 1m, null, NormUnit.Proposal, Basis.Article6Clause1);
        yield return (5, SupportActivity.Consulting, 0.5m, 35, NormUnit.Facility, Point("i"));
        yield return (7, SupportActivity.RegionalAssociation, 0.3m, 70, NormUnit.Association, Point("l"));
        yield return (7, SupportActivity.NationalAssociation, 0.3m, 100, NormUnit.Association, Point("l"));
        yield return (7, SupportActivity.BusinessCluster, 0.5m, 150, NormUnit.BusinessCluster, Point("m"));
        yield return (7, SupportActivity.RelocationInterest, 0.5m, 500, NormUnit.Facility, Point("n"));
        yield return (7, SupportActivity.PollutionTreatment, 0.3m, 300, NormUnit.Facility, Point("o"));
        yield return (7, SupportActivity.IndustrialClusterPollutionTreatment, 0.3m, 1_500, NormUnit.IndustrialCluster, Point("p"));
        yield return (7, SupportActivity.ClusterDetailedPlanning, 0.5m, 500, NormUnit.IndustrialCluster, Point("q"));
        yield return (7, SupportActivity.ClusterInfrastructure, null, 3_000, NormUnit.IndustrialCluster, Point("r"));
        yield return (7, SupportActivity.ClusterInvestmentForum, 1m, null, NormUnit.Proposal, $"{Basis.Article6Clause1} điểm c");
    }

    private static IEnumerable<(int Group, SupportActivity? Activity, decimal? Share, long? CapMillions, NormUnit Unit, string Basis)> Rules2018()
    {
        yield return (3, SupportActivity.DemonstrationModel, 0.3m, 1_000, NormUnit.Model, Basis.Circular2018);
        yield return (3, SupportActivity.AdvancedMachinery, 0.5m, 300, NormUnit.Facility, Basis.Circular2018);
        yield return (3, SupportActivity.ProductionLine, 0.5m, 450, NormUnit.Facility, Basis.Circular2018);
        yield return (4, SupportActivity.RegionalProductCompetition, null, 200, NormUnit.CompetitionRound, Basis.Circular2018);
        yield return (4, SupportActivity.NationalProductCompetition, null, 400, NormUnit.CompetitionRound, Basis.Circular2018);
        yield return (7, SupportActivity.ClusterInfrastructure, null, 6_000, NormUnit.IndustrialCluster, Basis.Circular2018);
    }

    public static IEnumerable<SupportNorm> All()
    {
        var number = 0;
        foreach (var source in new[] { FundingSource.National, FundingSource.Local })
        {
            foreach (var (rules, from) in new[] { (Rules2014(), From2014), (Rules2018(), From2018) })
            {
                foreach (var (group, activity, share, cap, unit, basis) in rules)
                {
                    number++;
                    yield return SupportNorm.Create(
                        new Guid($"00000000-0000-7000-8000-{number:D12}"), source, group, activity, from, share,
                        cap * Million, unit, Priority, basis);
                }
            }
        }
    }

    /// <summary>The management cost of the implementing unit: at most 2.5 % of the proposal's estimate.</summary>
    public static IEnumerable<ManagementCostNorm> ManagementCost() =>
        [ManagementCostNorm.Create(new Guid("00000000-0000-7000-8001-000000000001"), From2014, 0.025m, Basis.ManagementCost)];

    /// <summary>Advances: 70 % of the approved support for every activity until the province enters others.</summary>
    public static IEnumerable<AdvanceRate> AdvanceRates() =>
        [AdvanceRate.Create(new Guid("00000000-0000-7000-8002-000000000001"), null, From2014, 0.7m, null, Basis.Advance)];
}

using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Data;

/// <summary>
/// The support norms the database starts with (DOMAIN.md "Support caps"). Every content group has a
/// general row (share and cap only where the rules set one) and activities with their own caps have
/// their own rows. From 5 April 2014: joint Circular 26/2014/TTLT-BTC-BCT. From 15 May 2018: Circular
/// 28/2018/TT-BTC raised the caps of machinery, demonstration models, competitions and cluster
/// infrastructure. Local rows repeat the national values as the ceiling the province may not exceed;
/// the province's own lower levels are entered through the norms API with their effective date.
/// </summary>
internal static class SupportNormSeed
{
    private const long Million = 1_000_000;
    private static readonly DateOnly From2014 = new(2014, 4, 5);
    private static readonly DateOnly From2018 = new(2018, 5, 15);
    private const string Joint2014 = "Thông tư liên tịch 26/2014/TTLT-BTC-BCT";
    private const string Circular2018 = "Thông tư 28/2018/TT-BTC";

    private static IEnumerable<(int Group, SupportActivity? Activity, decimal? Share, long? CapMillions)> Rules2014()
    {
        for (var group = 1; group <= 9; group++)
        {
            yield return group == 5 ? (5, null, 0.5m, 35) : (group, null, null, null);
        }
        yield return (3, SupportActivity.DemonstrationModel, 0.3m, null);
        yield return (3, SupportActivity.AdvancedMachinery, 0.5m, null);
        yield return (3, SupportActivity.ProductionLine, 0.5m, null);
        yield return (4, SupportActivity.BrandBuilding, 0.5m, 35);
        yield return (4, SupportActivity.ProgrammeFair, 1m, null);
        yield return (4, SupportActivity.OtherDomesticFair, 0.8m, null);
        yield return (4, SupportActivity.OverseasFair, 1m, null);
        yield return (5, SupportActivity.Consulting, 0.5m, 35);
        yield return (7, SupportActivity.RegionalAssociation, 0.3m, 70);
        yield return (7, SupportActivity.NationalAssociation, 0.3m, 100);
        yield return (7, SupportActivity.BusinessCluster, 0.5m, 150);
        yield return (7, SupportActivity.PollutionTreatment, 0.3m, 300);
        yield return (7, SupportActivity.RelocationInterest, 0.5m, 500);
    }

    private static IEnumerable<(int Group, SupportActivity? Activity, decimal? Share, long? CapMillions)> Rules2018()
    {
        yield return (3, SupportActivity.DemonstrationModel, 0.3m, 1_000);
        yield return (3, SupportActivity.AdvancedMachinery, 0.5m, 300);
        yield return (3, SupportActivity.ProductionLine, 0.5m, 450);
        yield return (4, SupportActivity.RegionalProductCompetition, null, 200);
        yield return (4, SupportActivity.NationalProductCompetition, null, 400);
        yield return (7, SupportActivity.ClusterInfrastructure, null, 6_000);
    }

    public static IEnumerable<SupportNorm> All()
    {
        var number = 0;
        foreach (var source in new[] { FundingSource.National, FundingSource.Local })
        {
            foreach (var (rules, from, basis) in new[] { (Rules2014(), From2014, Joint2014), (Rules2018(), From2018, Circular2018) })
            {
                foreach (var (group, activity, share, cap) in rules)
                {
                    number++;
                    yield return SupportNorm.Create(
                        new Guid($"00000000-0000-7000-8000-{number:D12}"), source, group, activity, from, share,
                        cap * Million, 1.5m, basis);
                }
            }
        }
    }
}

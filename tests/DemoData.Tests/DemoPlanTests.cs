using Xunit;

namespace KhuyenCong.DemoData.Tests;

public sealed class DemoPlanTests
{
    private const long Million = 1_000_000;
    private static readonly List<DemoProposal> Historic = DemoPlan.Proposals.Where(p => p.PlanYear is >= 2014 and <= 2020).ToList();

    [Fact]
    public void The_2014_2020_plan_reproduces_the_published_totals()
    {
        Assert.Equal(115, Historic.Count);
        Assert.Equal(14_953 * Million, Historic.Sum(p => p.StateSupport));
        Assert.Equal(105_047 * Million, Historic.Sum(p => p.OwnCapital));
        Assert.Equal(120_000 * Million, Historic.Sum(p => p.StateSupport + p.OwnCapital));
        Assert.Equal(7.03m, Math.Round((decimal)Historic.Sum(p => p.OwnCapital) / Historic.Sum(p => p.StateSupport), 2));
    }

    [Fact]
    public void The_2014_2020_plan_creates_over_500_jobs_at_an_average_wage_of_6_million()
    {
        var jobs = Historic.Sum(p => p.Jobs);
        Assert.True(jobs > 500, $"{jobs} jobs");
        Assert.Equal(6_000_000m, (decimal)Historic.Sum(p => p.Jobs * p.AverageWage) / jobs);
    }

    [Fact]
    public void In_2017_twelve_local_proposals_share_1000_million_and_two_national_ones_800_million()
    {
        var year = Historic.Where(p => p.PlanYear == 2017).ToList();
        Assert.Equal(12, year.Count(p => p.FundingSource == "Local"));
        Assert.Equal(1_000 * Million, year.Where(p => p.FundingSource == "Local").Sum(p => p.StateSupport));
        Assert.Equal(2, year.Count(p => p.FundingSource == "National"));
        Assert.Equal(800 * Million, year.Where(p => p.FundingSource == "National").Sum(p => p.StateSupport));
    }

    [Fact]
    public void The_plan_covers_the_13_district_level_units_the_content_groups_and_the_sectors_of_the_article()
    {
        var units = Historic.Select(p => p.UnitCode).Distinct().ToList();
        Assert.Equal(13, units.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9], Historic.Select(p => p.ContentGroup).Distinct().Order());
        var sectors = Historic.SelectMany(p => p.BeneficiaryTaxCodes).Select(t => DemoPlan.Establishments.Single(e => e.TaxCode == t).Sector).Distinct();
        Assert.Equal(8, sectors.Count());
    }

    [Fact]
    public void Consulting_proposals_stay_within_their_35_million_cap()
    {
        var consulting = DemoPlan.Proposals.Where(p => p.ContentGroup == 5).ToList();
        Assert.NotEmpty(consulting);
        Assert.All(consulting, p => Assert.True(p.StateSupport <= 35 * Million && p.StateSupport * 2 <= p.StateSupport + p.OwnCapital));
    }

    [Fact]
    public void The_2021_and_2023_figures_follow_the_published_ones()
    {
        var y2021 = DemoPlan.Proposals.Where(p => p.PlanYear == 2021).ToList();
        var national = Assert.Single(y2021, p => p.FundingSource == "National");
        Assert.Equal((800 * Million, 3), (national.StateSupport, national.BeneficiaryTaxCodes.Count));
        Assert.Equal(16, y2021.Count(p => p.FundingSource == "Local"));
        Assert.True(y2021.Where(p => p.FundingSource == "Local").Sum(p => p.StateSupport) > 1_700 * Million);

        var y2023 = DemoPlan.Proposals.Where(p => p.PlanYear == 2023).ToList();
        Assert.Equal((19, 5), (y2023.Count, y2023.Count(p => p.FundingSource == "National")));
        Assert.Equal(6_497 * Million, y2023.Sum(p => p.StateSupport + p.OwnCapital));
        Assert.Equal(240, y2023.Sum(p => p.Jobs));
    }

    [Fact]
    public void Titles_are_unique_so_a_second_run_finds_what_the_first_created()
    {
        Assert.Equal(DemoPlan.Proposals.Count, DemoPlan.Proposals.Select(p => p.Title).Distinct().Count());
        Assert.Equal(DemoPlan.Establishments.Count, DemoPlan.Establishments.Select(e => e.TaxCode).Distinct().Count());
    }

    [Fact]
    public void The_plan_is_the_same_every_time() =>
        Assert.Equal(14_953 * Million, DemoPlan.Proposals.Where(p => p.PlanYear <= 2020).Sum(p => p.StateSupport));
}

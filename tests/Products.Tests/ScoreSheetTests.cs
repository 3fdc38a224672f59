using KhuyenCong.Products.Domain;
using Xunit;

namespace KhuyenCong.Products.Tests;

public sealed class ScoreSheetTests
{
    [Fact]
    public void A_sheet_at_every_maximum_totals_one_hundred() =>
        Assert.Equal(100m, ScoreSheet.Create(40, 40, 10, 10).Total);

    [Theory]
    [InlineData(40.5, 0, 0, 0, "market")]
    [InlineData(0, 41, 0, 0, "economic")]
    [InlineData(0, 0, 10.01, 0, "cultural")]
    [InlineData(0, 0, 0, 11, "other")]
    [InlineData(-1, 0, 0, 0, "market")]
    public void Each_criterion_is_bounded_by_zero_and_its_maximum(double market, double technical, double cultural, double other, string named)
    {
        var refusal = Assert.Throws<ProductRuleException>(() =>
            ScoreSheet.Create((decimal)market, (decimal)technical, (decimal)cultural, (decimal)other));
        Assert.Equal("score-out-of-range", refusal.Code);
        Assert.Equal(RuleKind.Unprocessable, refusal.Kind);
        Assert.Contains(named, refusal.Message);
    }

    [Fact]
    public void Points_finer_than_a_hundredth_are_refused() =>
        Assert.Equal("score-out-of-range", Assert.Throws<ProductRuleException>(() => ScoreSheet.Create(30.125m, 0, 0, 0)).Code);

    [Fact]
    public void The_average_is_rounded_to_two_decimals() =>
        Assert.Equal(71.67m, ScoreSheet.AverageOf([70m, 72m, 73m]));
}

public sealed class ScoringRuleBookTests
{
    [Fact]
    public void Without_a_configured_rule_a_product_passes_at_seventy() =>
        Assert.Equal(70m, new ScoringRuleBook([]).RuleOn(new DateOnly(2025, 1, 1)).PassThreshold);

    [Fact]
    public void The_rule_in_force_on_a_date_is_the_latest_that_started_by_then()
    {
        var rules = new ScoringRuleBook([new PassRule(new DateOnly(2014, 10, 21), 70m), new PassRule(new DateOnly(2027, 1, 1), 75m)]);
        Assert.Equal(70m, rules.RuleOn(new DateOnly(2026, 12, 31)).PassThreshold);
        Assert.Equal(75m, rules.RuleOn(new DateOnly(2027, 1, 1)).PassThreshold);
    }

    [Fact]
    public void A_threshold_above_the_sheet_is_a_configuration_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringRuleBook([new PassRule(new DateOnly(2025, 1, 1), 101m)]));
}

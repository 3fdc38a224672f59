using Xunit;

namespace KhuyenCong.DemoData.Tests;

/// <summary>The demo juries are appraiser accounts: every seat names one of the jurors the loader creates, once, with one chair.</summary>
public sealed class ProductsJuryPlanTests
{
    [Fact]
    public void Every_seat_is_a_juror_account_of_the_plan_held_once_and_each_council_has_one_chair()
    {
        var accounts = ProductsPlan.Jurors.Select(j => j.UserName).ToHashSet();

        Assert.Equal(ProductsPlan.Jurors.Count, accounts.Count);
        Assert.All(ProductsPlan.Competitions, c =>
        {
            Assert.All(c.Council, seat => Assert.Contains(seat.UserName, accounts));
            Assert.Equal(c.Council.Count, c.Council.Select(s => s.UserName).Distinct().Count());
            Assert.Single(c.Council, s => s.Chair);
        });
    }

    [Fact]
    public void The_jurors_are_enough_for_the_largest_council_of_the_plan_and_are_not_the_appraisal_councils_accounts()
    {
        Assert.True(ProductsPlan.Jurors.Count >= ProductsPlan.Competitions.Max(c => c.Council.Count));
        Assert.Empty(ProductsPlan.Jurors.Select(j => j.UserName).Intersect(AppraisersLoader.Appraisers.Select(a => a.UserName)));
    }
}

using KhuyenCong.Reporting.Domain;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

public sealed class LeverageTests
{
    [Fact]
    public void Quang_Ninh_2014_2020_one_dong_of_support_attracted_seven_dong_of_investment()
    {
        var leverage = Leverage.Of(ownCapital: 105_047_000_000, stateSupport: 14_953_000_000);
        Assert.Equal(7.03m, leverage);
        Assert.Equal("1 : 7,03", Leverage.Describe(leverage));
    }

    [Fact]
    public void Without_state_support_there_is_no_leverage() =>
        Assert.Null(Leverage.Of(ownCapital: 5, stateSupport: 0));
}

using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>The browser tests' own housekeeping: a test starts with no page of an earlier test still open.</summary>
[Collection(WebCollection.Name)]
public sealed class WebFixtureTests(WebFixture web)
{
    [Fact]
    public async Task The_pages_of_an_earlier_test_are_closed_when_the_next_test_opens_its_first()
    {
        var first = await web.NewPageAsync();
        var second = await web.NewPageAsync();
        Assert.False(first.IsClosed, "a test's own pages stay open while it runs");

        // The next test starts.
        new EachTestStartsAfreshAttribute().Before(typeof(WebFixtureTests).GetMethod(nameof(The_pages_of_an_earlier_test_are_closed_when_the_next_test_opens_its_first))!);
        var next = await web.NewPageAsync();

        Assert.True(first.IsClosed);
        Assert.True(second.IsClosed);
        Assert.False(next.IsClosed);
        Assert.Equal([next.Context], web.Browser.Contexts);
    }
}

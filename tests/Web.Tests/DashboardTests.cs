using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class DashboardTests(WebFixture web)
{
    [Fact]
    public async Task The_dashboard_shows_the_demo_data_figures_of_2014_to_2020_in_Vietnamese()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/");

        await page.ClickButtonAsync("2014–2020");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giai đoạn 2014–2020" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-proposals")).ToHaveTextAsync("115");
        await Expect(page.GetByTestId("figure-state-support")).ToHaveTextAsync("14,95 tỷ đồng");
        await Expect(page.GetByTestId("figure-state-support")).ToHaveAttributeAsync("title", "14.953.000.000 ₫");
        await Expect(page.GetByTestId("figure-own-capital")).ToHaveTextAsync("105,05 tỷ đồng");
        await Expect(page.GetByTestId("figure-own-capital")).ToHaveAttributeAsync("title", "105.047.000.000 ₫");
        await Expect(page.GetByTestId("figure-total")).ToHaveTextAsync("120,00 tỷ đồng");
        await Expect(page.GetByTestId("figure-leverage")).ToHaveTextAsync("1 : 7,03");
        await page.ScreenshotAsync("dashboard-2014-2020");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_dashboard_reads_in_English_when_the_user_chooses_it()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/?from=2014&to=2020");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Period 2014–2020" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-state-support")).ToHaveTextAsync("14.95 billion VND");
        await Expect(page.GetByTestId("figure-state-support")).ToHaveAttributeAsync("title", "14,953,000,000 ₫");
        await Expect(page.GetByTestId("figure-leverage")).ToHaveTextAsync("1 : 7.03");
        await page.ScreenshotAsync("dashboard-2014-2020-english");
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone_screen()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Officer, 390, 844);
        await page.OpenAsync("/?from=2014&to=2020");

        await Expect(page.GetByTestId("figure-proposals")).ToHaveTextAsync("115");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the dashboard scrolls sideways on a phone");
        await page.ScreenshotAsync("dashboard-phone");
    }
}

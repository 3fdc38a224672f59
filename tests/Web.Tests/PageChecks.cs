using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>What every browser test does to a page: wait for the interactive circuit, save a screenshot, scan it with axe.</summary>
public static class PageChecks
{
    /// <summary>
    /// Opens a path and waits until the page is interactive (the layout's main region stops being busy once
    /// Blazor's circuit has rendered it), so that clicks reach the server.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("main[aria-busy='false']").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(WebFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });

    /// <summary>Runs axe-core (WCAG 2.x A and AA) and fails on any serious or critical violation, naming the rule and the elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(5).Select(n => n.Target + " " + n.Html))}")));
    }
}

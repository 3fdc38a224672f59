using Microsoft.Playwright;

namespace KhuyenCong.Web.Tests;

/// <summary>How a person works the MudBlazor form controls: by their visible labels.</summary>
public static class Ui
{
    public static Task FillFieldAsync(this ILocator scope, string label, string value) =>
        scope.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public static Task FillFieldAsync(this IPage page, string label, string value) =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>Opens a select by its label and picks the option with the given text.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    public static Task ClickButtonAsync(this ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static Task ClickButtonAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static ILocator Section(this IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });
}

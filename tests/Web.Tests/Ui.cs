using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KhuyenCong.Web.Tests;

/// <summary>How a person works the MudBlazor form controls: by their visible labels.</summary>
public static class Ui
{
    public static Task FillFieldAsync(this ILocator scope, string label, string value) =>
        scope.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>
    /// Types into a field and leaves it, as a person does, so that the form takes the value. A number may come
    /// back grouped in the user's language (300000000 as 300.000.000).
    /// </summary>
    public static async Task FillFieldAsync(this IPage page, string label, string value)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            await Assertions.Expect(field).ToHaveValueAsync(new Regex("^" + string.Join("[., ]?", value.ToCharArray()) + "$"));
        }
        else
        {
            await Assertions.Expect(field).ToHaveValueAsync(value);
        }
    }

    /// <summary>Opens a select by its label and picks the option with the given text.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        // The list closes once the choice is taken; the next field is filled after that render.
        await Assertions.Expect(choice).ToBeHiddenAsync();
    }

    public static Task ClickButtonAsync(this ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static Task ClickButtonAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static ILocator Section(this IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The confirmation a command asks before it is sent.</summary>
    public static ILocator Confirmation(this IPage page) => page.GetByRole(AriaRole.Dialog);

    /// <summary>Answers a command's confirmation with its confirm button and waits for the dialog to close.</summary>
    public static async Task ConfirmAsync(this IPage page, string button)
    {
        await page.Confirmation().GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Confirmation()).ToHaveCountAsync(0);
    }

    /// <summary>The message that says what a command did, shown (and read out) once it is taken.</summary>
    public static ILocator Told(this IPage page) => page.Locator(".mud-snackbar");
}

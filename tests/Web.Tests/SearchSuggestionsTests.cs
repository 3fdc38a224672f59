using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The app bar's search suggests records as a person types, and is worked with the keyboard alone.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchSuggestionsTests(WebFixture web)
{
    [Fact]
    public async Task Typing_suggests_records_by_kind_and_the_arrow_keys_and_Enter_open_the_one_chosen()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var tag = "Gốm Đông Triều " + Guid.NewGuid().ToString("N")[..6];
        var taxCode = await api.RegisterEstablishmentAsync("HTX " + tag);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/training");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tra cứu mã, tên hoặc mã số thuế" });

        await box.PressSequentiallyAsync(tag[..1], new() { Delay = 60 });
        await page.WaitForTimeoutAsync(600);
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.PressSequentiallyAsync(tag[1..], new() { Delay = 60 });
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Gợi ý tra cứu" });
        var establishments = suggestions.GetByRole(AriaRole.Group, new() { Name = "Cơ sở CNNT" });
        // The first lookup of a run wakes five services at once: it is given longer than the usual wait.
        // The list may first answer a part of the text, when the typing paused on the way: it is read once it answers the whole.
        await Expect(suggestions).ToHaveAttributeAsync("data-answers", tag, new() { Timeout = 30_000 });
        await Expect(establishments.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(establishments.GetByRole(AriaRole.Option)).ToContainTextAsync("HTX " + tag);
        await Expect(establishments.GetByRole(AriaRole.Option)).ToContainTextAsync(taxCode);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(suggestions.GetByRole(AriaRole.Option).Last).ToHaveTextAsync("Xem tất cả kết quả");
        await page.ScreenshotAsync("search-suggestions");
        await page.AssertAccessibleAsync();

        await box.PressAsync("Escape");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToHaveValueAsync(tag);

        await box.PressAsync("ArrowDown");
        var first = suggestions.GetByRole(AriaRole.Option).First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/establishments/[0-9a-f-]{36}$"));
        await Expect(page.GetByLabel("Mã số thuế / số ĐKKD")).ToHaveValueAsync(taxCode);
    }

    [Fact]
    public async Task The_last_suggestion_opens_every_result_of_the_text_typed()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var tag = "Mây tre Quảng Yên " + Guid.NewGuid().ToString("N")[..6];
        await api.RegisterEstablishmentAsync("HTX " + tag);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/fairs");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tra cứu mã, tên hoặc mã số thuế" });

        await box.PressSequentiallyAsync(tag, new() { Delay = 40 });
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Gợi ý tra cứu" });
        // Until the list answers the whole text, a later answer would drop the option chosen.
        await Expect(suggestions).ToHaveAttributeAsync("data-answers", tag, new() { Timeout = 30_000 });
        await Expect(suggestions.GetByRole(AriaRole.Option, new() { Name = "Xem tất cả kết quả" })).ToBeVisibleAsync();
        await box.PressAsync("ArrowUp");
        await Expect(suggestions.GetByRole(AriaRole.Option, new() { Name = "Xem tất cả kết quả" })).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));
        await Expect(page.GetByTestId("search-group-Establishments")).ToContainTextAsync("HTX " + tag);
    }

    [Fact]
    public async Task Typing_fast_and_pressing_Enter_at_once_opens_every_result_of_the_whole_text_and_no_suggestion_follows()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var tag = "Chè Đường Hoa " + Guid.NewGuid().ToString("N")[..6];
        await api.RegisterEstablishmentAsync("HTX " + tag);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tra cứu mã, tên hoặc mã số thuế" });

        await box.PressSequentiallyAsync(tag);
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($@"/search\?q={Regex.Escape(Uri.EscapeDataString(tag))}$"));
        await Expect(page.GetByTestId("search-group-Establishments")).ToContainTextAsync("HTX " + tag);
        // Well past the pause after which a lookup starts: a lookup left running would have opened the list by now.
        await page.WaitForTimeoutAsync(1_500);
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToHaveValueAsync(tag);
    }
}

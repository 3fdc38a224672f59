using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// What a person is told around a command: a sentence naming the record once it is done, read out to screen
/// readers; a confirmation stating the consequence before a step that cannot simply be taken back, where
/// cancelling sends nothing; and the rarely used stopping actions folded away from the main ones.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FeedbackTests(WebFixture web)
{
    [Fact]
    public async Task A_recorded_advance_is_told_with_its_amount_and_the_proposal_code_and_read_out()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        var journey = new ProposalJourney(web.Gateway);
        await journey.ApproveAsync(id, 300_000_000, Today.AddDays(-2).ToString("yyyy-MM-dd"));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-TB/{Today.Year}", signedOn = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        await page.OpenAsync($"/proposals/{id}");

        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "50000000");
        await payment.ClickButtonAsync("Ghi nhận chi trả");

        var told = page.Told();
        await Expect(told).ToHaveTextAsync($"Đã ghi khoản tạm ứng 50.000.000 ₫ cho đề án {code}.");
        // Announced as it appears, without moving the focus.
        await Expect(told.Locator("xpath=ancestor-or-self::*[@aria-live='polite' or @role='status' or @role='alert']")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync("feedback-advance-told");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_clicked_button_shows_its_progress_and_stays_disabled_while_its_command_runs_then_comes_back()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        var journey = new ProposalJourney(web.Gateway);
        await journey.ApproveAsync(id, 300_000_000, Today.AddDays(-2).ToString("yyyy-MM-dd"));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-BS/{Today.Year}", signedOn = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        await page.OpenAsync($"/proposals/{id}");
        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "40000000");

        // Every render the circuit sends is watched, so the busy state is seen however short the command is.
        await page.EvaluateAsync("""
            () => {
                window.busyButtons = [];
                new MutationObserver(() => {
                    for (const button of document.querySelectorAll('button')) {
                        const progress = button.querySelector('.mud-progress-circular');
                        if (progress) {
                            window.busyButtons.push({ text: button.textContent.trim(), disabled: button.disabled, label: progress.getAttribute('aria-label') });
                        }
                    }
                }).observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """);
        await payment.ClickButtonAsync("Ghi nhận chi trả");
        await Expect(page.Told()).ToHaveTextAsync($"Đã ghi khoản tạm ứng 40.000.000 ₫ cho đề án {code}.");

        var seen = (await page.EvaluateAsync<JsonElement>("() => window.busyButtons")).EnumerateArray()
            .Select(b => (b.GetProperty("text").GetString(), b.GetProperty("disabled").GetBoolean(), b.GetProperty("label").GetString()))
            .ToList();
        Assert.NotEmpty(seen);
        Assert.All(seen, b => Assert.Equal(("Ghi nhận chi trả", true, "Đang xử lý"), b));
        // Done: the button is back, without its progress, for the next payment.
        var button = payment.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận chi trả", Exact = true });
        await Expect(button).ToBeEnabledAsync();
        await Expect(page.Locator("button .mud-progress-circular")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Approving_first_states_the_amount_and_its_consequence_and_cancelling_sends_nothing()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "21/QĐ-SCT");
        await approval.ClickButtonAsync("Phê duyệt");

        var confirmation = page.Confirmation();
        await Expect(confirmation).ToContainTextAsync($"Phê duyệt đề án {code} với mức hỗ trợ 300.000.000 ₫?");
        await Expect(confirmation).ToContainTextAsync("mức hỗ trợ chỉ thay đổi được bằng quyết định điều chỉnh");
        await page.ScreenshotAsync("feedback-approval-confirmation");
        await page.AssertAccessibleAsync();

        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Không, quay lại", Exact = true }).ClickAsync();
        await Expect(confirmation).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đang thẩm định");
        Assert.Equal("UnderAppraisal", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");

        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã phê duyệt");
        await Expect(page.Told()).ToHaveTextAsync($"Đã phê duyệt đề án {code} với mức hỗ trợ 300.000.000 ₫.");
        Assert.Equal("Approved", await StatusAsync(id));
    }

    [Fact]
    public async Task Cancelling_a_proposal_is_folded_away_from_the_main_actions_and_confirmed_before_it_is_sent()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Hủy đề án", Exact = true });
        await Expect(cancel).ToBeHiddenAsync();

        var other = page.GetByRole(AriaRole.Button, new() { Name = "Thao tác khác", Exact = true });
        await Expect(other).ToHaveAttributeAsync("aria-expanded", "false");
        await other.ClickAsync();
        await Expect(other).ToHaveAttributeAsync("aria-expanded", "true");
        var form = page.Section("Trả lại, không phê duyệt hoặc hủy");
        await form.FillFieldAsync("Lý do", "Cơ sở xin rút đề án");
        await cancel.ClickAsync();

        await Expect(page.Confirmation()).ToContainTextAsync($"Hủy đề án {code}? Đề án dừng hẳn");
        await page.ConfirmAsync("Hủy đề án");

        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã hủy");
        await Expect(page.Told()).ToHaveTextAsync($"Đã hủy đề án {code}.");
        Assert.Equal("Cancelled", await StatusAsync(id));
    }

    [Fact]
    public async Task Locking_an_account_first_says_who_is_shut_out_and_cancelling_leaves_it_open()
    {
        var user = new WebUser($"khoa-{PlatformApi.NewTaxCode()[^6..]}", "Trần Thị Lan", "Kc-Khoa-2025-z", ["Officer"]);
        await web.EnsureUserAsync(user);
        var page = await web.SignedInPageAsync(web.Admin);
        await page.OpenAsync("/users");
        await page.FillFieldAsync("Tên đăng nhập, họ tên hoặc thư điện tử", user.UserName);
        await page.ClickButtonAsync("Tìm");
        // The search has answered once the table holds this user alone; a click before that may land on a row
        // of the first list that the answer then replaces.
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        var lockButton = page.GetByRole(AriaRole.Button, new() { Name = $"Khóa {user.UserName}", Exact = true });

        await lockButton.ClickAsync();
        await Expect(page.Confirmation()).ToContainTextAsync($"Khóa tài khoản {user.UserName} (Trần Thị Lan)? Người này không đăng nhập được nữa");
        await page.Confirmation().GetByRole(AriaRole.Button, new() { Name = "Không, quay lại", Exact = true }).ClickAsync();
        await Expect(page.Confirmation()).ToHaveCountAsync(0);
        Assert.False(await IsLockedAsync(user.UserName));

        await lockButton.ClickAsync();
        await page.ConfirmAsync("Khóa tài khoản");
        await Expect(page.Told()).ToHaveTextAsync($"Đã khóa tài khoản {user.UserName}.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Mở khóa {user.UserName}", Exact = true })).ToBeVisibleAsync();
        Assert.True(await IsLockedAsync(user.UserName));
    }

    private async Task<bool> IsLockedAsync(string userName)
    {
        var users = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/users?q={Uri.EscapeDataString(userName)}");
        return users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("isLocked").GetBoolean();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private async Task<string?> StatusAsync(string id) =>
        (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString();

    /// <summary>A proposal of 300 million of support, appraised and waiting for a decision, open on an officer's page.</summary>
    private async Task<(string Id, string Code, IPage Page)> AppraisedProposalAsync()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
        var code = (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("code").GetString()!;

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        return (id, code, page);
    }
}

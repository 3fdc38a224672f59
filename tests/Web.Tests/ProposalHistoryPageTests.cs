using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>A proposal's history reads for people: names, Vietnamese acts with their amounts and documents, business days, edits.</summary>
[Collection(WebCollection.Name)]
public sealed class ProposalHistoryPageTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task An_approval_in_the_history_names_the_officer_the_support_the_decision_and_its_day()
    {
        var id = await AppraisedProposalAsync();
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        var decisionDay = Today.AddDays(-3);
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "12/QĐ-SCT");
        await approval.FillFieldAsync("Ngày quyết định", decisionDay.ToString("dd/MM/yyyy"));
        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã phê duyệt");

        var entry = page.Locator(".history-entry", new() { HasText = "Phê duyệt: mức hỗ trợ 300.000.000 ₫, QĐ số 12/QĐ-SCT" });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync($"Ngày quyết định: {decisionDay:dd/MM/yyyy}");
        await Expect(entry).ToContainTextAsync(WebUsers.Officer.DisplayName);
        // Every entry names a person or the platform, never an account id; none reads in the service's English.
        var history = page.Locator(".history-entry");
        await Expect(history.GetByText("Decision", new() { Exact = false })).ToHaveCountAsync(0);
        await Expect(page.Locator(".history-entry", new() { HasText = "Chấm phiếu thẩm định: 80 điểm" })).ToHaveCountAsync(3);
        await page.ScreenshotAsync("proposal-history-approved");
    }

    [Fact]
    public async Task An_edit_in_the_history_shows_each_changed_field_from_its_old_to_its_new_value()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = (await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"))).GetProperty("id").GetString();

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}/edit");
        await page.FillFieldAsync("Kinh phí khuyến công hỗ trợ", "250000000");
        await page.ClickButtonAsync("Lưu thay đổi");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/proposals/{id}$"));

        var edit = page.Locator(".history-entry", new() { HasText = "Sửa đề án" });
        await Expect(edit).ToHaveCountAsync(1);
        await Expect(edit).ToContainTextAsync("Kinh phí khuyến công hỗ trợ: 300.000.000 ₫ → 250.000.000 ₫");
        await Expect(edit).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(edit).Not.ToContainTextAsync("Vốn đối ứng của cơ sở");
    }

    /// <summary>A proposal of this year for 300 million, appraised at 80 % by a council of three, awaiting its decision.</summary>
    private async Task<string> AppraisedProposalAsync()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        return await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
    }
}

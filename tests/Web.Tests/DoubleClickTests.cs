using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>A person who double-clicks a command gets one effect: the web UI sends both clicks with one Idempotency-Key.</summary>
[Collection(WebCollection.Name)]
public sealed class DoubleClickTests(WebFixture web)
{
    [Fact]
    public async Task A_double_clicked_advance_payment_is_recorded_once()
    {
        var (id, page) = await ProposalInImplementationAsync("HĐ-2x");
        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "100000000");
        await payment.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận chi trả", Exact = true }).DblClickAsync();

        await Expect(page.GetByText("Đã tạm ứng 100.000.000 ₫")).ToBeVisibleAsync();
        await page.ScreenshotAsync("double-clicked-advance");
        var proposal = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(1, proposal.GetProperty("finance").GetProperty("payments").GetArrayLength());
    }

    [Fact]
    public async Task A_second_click_after_the_payment_was_recorded_repeats_it_and_records_nothing_more()
    {
        var (id, page) = await ProposalInImplementationAsync("HĐ-3x");
        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "100000000");
        var record = payment.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận chi trả", Exact = true });
        await record.ClickAsync();
        await Expect(page.GetByText("Đã tạm ứng 100.000.000 ₫")).ToBeVisibleAsync();

        // The slow second click of a double click lands after the first answer: the form still holds what was sent.
        await Expect(payment.GetByLabel("Số tiền", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^100[.]?000[.]?000$"));
        await record.ClickAsync();
        // Time for the second command to be answered before the payments are counted.
        await page.WaitForTimeoutAsync(2000);
        await Expect(record).ToBeEnabledAsync();
        var proposal = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(1, proposal.GetProperty("finance").GetProperty("payments").GetArrayLength());
    }

    /// <summary>A proposal approved for 300 million (advances up to 210 million) under contract, open on an officer's page.</summary>
    private async Task<(string Id, IPage Page)> ProposalInImplementationAsync(string contract)
    {
        var taxCode = PlatformApi.NewTaxCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, today.Year, unit: "dk-van-don"));
        await journey.ApproveAsync(id, 300_000_000, today.AddDays(-2).ToString("yyyy-MM-dd"));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"{contract}/{today.Year}", signedOn = today.AddDays(-1).ToString("yyyy-MM-dd") });

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        return (id, page);
    }
}

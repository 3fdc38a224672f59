using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Submitting, returning, rejecting and closing a proposal ask first: the confirmation names the proposal and says
/// what can no longer be done afterwards; going back sends nothing, confirming takes the step and says so. A form
/// with a field that does not read asks nothing: it names the field.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProposalConfirmationTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task Submitting_first_says_the_proposal_can_no_longer_be_edited_and_going_back_leaves_the_draft()
    {
        var journey = await JourneyAsync();
        var (id, code) = await DraftAsync(journey);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");

        await page.ClickButtonAsync("Nộp đề án");
        await Expect(page.Confirmation()).ToContainTextAsync(
            $"Nộp đề án {code} cho Trung tâm? Sau khi nộp, đề án không sửa được nữa, trừ khi được trả lại để chỉnh sửa.");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Bản nháp");
        Assert.Equal("Draft", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Nộp đề án");
        await page.ConfirmAsync("Nộp đề án");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã nộp");
        await Expect(page.Told()).ToHaveTextAsync($"Đã nộp đề án {code}.");
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Returning_first_says_the_proposal_is_appraised_again_and_going_back_leaves_it_under_appraisal()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        await page.ClickButtonAsync("Thao tác khác");
        var form = page.Section("Trả lại, không phê duyệt hoặc hủy");
        await form.FillFieldAsync("Lý do", "Thiếu báo giá thiết bị");

        await form.ClickButtonAsync("Trả lại để chỉnh sửa");
        await Expect(page.Confirmation()).ToContainTextAsync($"Trả lại đề án {code} cho cơ sở chỉnh sửa? Đề án phải được nộp và thẩm định lại.");
        await GoBackAsync(page);
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đang thẩm định");
        Assert.Equal("UnderAppraisal", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await form.ClickButtonAsync("Trả lại để chỉnh sửa");
        await page.ConfirmAsync("Trả lại");
        await Expect(page.Told()).ToHaveTextAsync($"Đã trả lại đề án {code} để chỉnh sửa.");
        Assert.Equal("ReturnedForRevision", await StatusAsync(id));
        // The return reads in the history with the reason written and the officer who returned it.
        var returned = page.Locator(".history-entry", new() { HasText = "Trả lại để chỉnh sửa" });
        await Expect(returned).ToContainTextAsync("Lý do: Thiếu báo giá thiết bị");
        await Expect(returned).ToContainTextAsync(WebUsers.Officer.DisplayName);
    }

    [Fact]
    public async Task Rejecting_first_says_the_file_ends_without_support_and_going_back_leaves_it_under_appraisal()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        await page.ClickButtonAsync("Thao tác khác");
        var form = page.Section("Trả lại, không phê duyệt hoặc hủy");
        await form.FillFieldAsync("Lý do", "Không đạt điểm thẩm định tối thiểu");

        await form.ClickButtonAsync("Không phê duyệt");
        await Expect(page.Confirmation()).ToContainTextAsync(
            $"Không phê duyệt đề án {code}? Hồ sơ đề án kết thúc: đề án không được hỗ trợ và không nộp lại được.");
        await page.ScreenshotAsync("confirm-proposal-reject");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đang thẩm định");
        Assert.Equal("UnderAppraisal", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await form.ClickButtonAsync("Không phê duyệt");
        await page.ConfirmAsync("Không phê duyệt");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Không phê duyệt");
        await Expect(page.Told()).ToHaveTextAsync($"Đã ghi quyết định không phê duyệt đề án {code}.");
        Assert.Equal("Rejected", await StatusAsync(id));
    }

    [Fact]
    public async Task Closing_a_settled_proposal_first_says_nothing_more_can_be_recorded_and_going_back_leaves_it_settled()
    {
        var journey = await JourneyAsync();
        var (id, code) = await DraftAsync(journey);
        var (receivedOn, completedOn) = ProposalJourney.PaperDays(Today.Year);
        await journey.SubmitAsync(id, receivedOn);
        await journey.AppraiseAsync(id, completedOn: completedOn);
        await journey.ApproveAsync(id, 300_000_000, Day(-6));
        await journey.PostAsync(id, "implementation", new { contractNumber = $"HĐ-ĐHS/{Today.Year}", signedOn = Day(-5) });
        await journey.PostAsync(id, "payments", new { kind = "Advance", amount = 150_000_000, paidOn = Day(-4) });
        await journey.PostAsync(id, "accept", new
        {
            acceptedOn = Day(-3), actualTotalSpend = 1_000_000_000, actualSupportUsed = 300_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 12, averageWage = 6_000_000, outputs = "1 máy sấy chè",
        });
        await journey.PostAsync(id, "payments", new { kind = "Balance", amount = 150_000_000, paidOn = Day(-2) });
        await journey.PostAsync(id, "settle", new { settledSupport = 300_000_000, settledOn = Day(-1) });
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");

        await page.ClickButtonAsync("Đóng hồ sơ đề án");
        await Expect(page.Confirmation()).ToContainTextAsync(
            $"Đóng hồ sơ đề án {code}? Hồ sơ kết thúc, không ghi thêm chi trả, hoàn trả hay đánh giá nào được nữa.");
        await GoBackAsync(page);
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã quyết toán");
        Assert.Equal("Settled", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Đóng hồ sơ đề án");
        await page.ConfirmAsync("Đóng hồ sơ");
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Đã đóng");
        await Expect(page.Told()).ToHaveTextAsync($"Đã đóng hồ sơ đề án {code}.");
        Assert.Equal("Closed", await StatusAsync(id));
        // Each payment reads in the history with its kind, amount and the day it was paid.
        await Expect(page.Locator(".history-entry", new() { HasText = "Tạm ứng: 150.000.000 ₫" })).ToContainTextAsync($"Ngày chi: {Today.AddDays(-4):dd/MM/yyyy}");
        await Expect(page.Locator(".history-entry", new() { HasText = "Thanh toán phần còn lại: 150.000.000 ₫" })).ToContainTextAsync($"Ngày chi: {Today.AddDays(-2):dd/MM/yyyy}");
    }

    [Fact]
    public async Task Approving_with_a_day_that_does_not_exist_asks_nothing_and_says_the_field_and_asks_once_the_day_is_put_right()
    {
        var (id, code, page) = await AppraisedProposalAsync();
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "18/QĐ-SCT");
        var day = approval.GetByLabel("Ngày quyết định", new() { Exact = true });
        await day.ClickAsync();
        await day.PressAsync("Control+A");
        await day.PressSequentiallyAsync("31/02/2025");

        // Clicked straight from the field: no confirmation of a decision that cannot be sent, the field is named instead.
        await approval.ClickButtonAsync("Phê duyệt");
        await Expect(approval.GetByText("Chưa gửi: sửa ô nhập chưa đúng dạng: Ngày quyết định.")).ToBeVisibleAsync();
        await Expect(approval.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("Ngày quyết định", new() { Exact = true }) }))
            .ToContainTextAsync("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 25/03/2026.");
        await Expect(page.Confirmation()).ToHaveCountAsync(0);
        Assert.Equal("UnderAppraisal", await StatusAsync(id));

        // Put right, the approval asks first again, and going back still sends nothing.
        await day.PressAsync("Control+A");
        await day.PressSequentiallyAsync(Today.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await approval.ClickButtonAsync("Phê duyệt");
        await Expect(page.Confirmation()).ToContainTextAsync($"Phê duyệt đề án {code} với mức hỗ trợ 300.000.000 ₫?");
        await GoBackAsync(page);
        Assert.Equal("UnderAppraisal", await StatusAsync(id));
        await Expect(page.Told()).ToHaveCountAsync(0);
    }

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>Answers the confirmation with "Không, quay lại" and waits for it to close.</summary>
    private static async Task GoBackAsync(IPage page)
    {
        await page.Confirmation().GetByRole(AriaRole.Button, new() { Name = "Không, quay lại", Exact = true }).ClickAsync();
        await Expect(page.Confirmation()).ToHaveCountAsync(0);
    }

    private async Task<string?> StatusAsync(string id) =>
        (await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString();

    private async Task<ProposalJourney> JourneyAsync() => new(web.Gateway) { Council = await web.Accounts.CouncilAsync() };

    /// <summary>A draft of 300 million of support for a fresh establishment, with its code.</summary>
    private static async Task<(string Id, string Code)> DraftAsync(ProposalJourney journey)
    {
        var taxCode = PlatformApi.NewTaxCode();
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var draft = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, Today.Year, unit: "dk-van-don"));
        return (draft.GetProperty("id").GetString()!, draft.GetProperty("code").GetString()!);
    }

    /// <summary>A proposal appraised and waiting for a decision, open on an officer's page.</summary>
    private async Task<(string Id, string Code, IPage Page)> AppraisedProposalAsync()
    {
        var journey = await JourneyAsync();
        var (id, code) = await DraftAsync(journey);
        var (receivedOn, completedOn) = ProposalJourney.PaperDays(Today.Year);
        await journey.SubmitAsync(id, receivedOn);
        await journey.AppraiseAsync(id, completedOn: completedOn);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        return (id, code, page);
    }
}

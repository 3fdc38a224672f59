using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// An approval, and an amendment raising the support, beyond the year's budget envelope: refused in Vietnamese, then
/// given under a decision to exceed the plan.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OverPlanApprovalTests(WebFixture web)
{
    /// <summary>A plan year no other test approves in, so that its small envelope holds back only this test's proposal.</summary>
    private const int PlanYear = 2031;

    [Fact]
    public async Task An_officer_refused_for_going_beyond_the_envelope_records_the_decision_to_exceed_the_plan_and_approves()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, PlanYear, unit: "dk-van-don"));
        var allocation = await web.Gateway.PostAsJsonAsync("/api/proposals/budget-envelopes", new
        {
            planYear = PlanYear, fundingSource = "Local", amount = 100_000_000, decisionNumber = "31/QĐ-UBND", decisionDate = today.ToString("yyyy-MM-dd"),
        });
        Assert.True(allocation.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await allocation.Content.ReadAsStringAsync());

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "31/QĐ-SCT");
        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");

        await Expect(approval.GetByText("vượt số dự toán còn lại").First).ToBeVisibleAsync();
        var exceed = page.Section("Quyết định phê duyệt vượt kế hoạch");
        await exceed.FillFieldAsync("Số quyết định vượt kế hoạch", "45/QĐ-UBND");
        await exceed.FillFieldAsync("Lý do vượt kế hoạch", "Đề án cấp bách của tỉnh");
        await exceed.ClickButtonAsync("Phê duyệt vượt kế hoạch");

        await Expect(page.GetByTestId("plan-exceedance")).ToContainTextAsync("45/QĐ-UBND");
        await Expect(page.GetByTestId("approved-support")).ToHaveTextAsync("300.000.000 ₫");
        await page.AssertAccessibleAsync();
    }

    /// <summary>A plan year no other test amends or approves in, so that its envelope holds only this test's proposal.</summary>
    private const int AmendmentPlanYear = 2032;

    [Fact]
    public async Task An_officer_refused_for_raising_the_support_beyond_the_envelope_records_the_decision_to_exceed_the_plan_and_amends()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        var journey = new ProposalJourney(web.Gateway) { Council = await web.Accounts.CouncilAsync() };
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(taxCode, AmendmentPlanYear, unit: "dk-van-don"));
        var allocation = await web.Gateway.PostAsJsonAsync("/api/proposals/budget-envelopes", new
        {
            planYear = AmendmentPlanYear, fundingSource = "Local", amount = 150_000_000, decisionNumber = "32/QĐ-UBND", decisionDate = today,
        });
        Assert.True(allocation.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await allocation.Content.ReadAsStringAsync());
        await journey.PostAsync(id, "approve", new { approvedSupport = 100_000_000, decisionNumber = "32/QĐ-SCT", decisionDate = today });

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        await page.ClickButtonAsync("Thao tác khác");
        var amendment = page.Section("Điều chỉnh đề án");
        await amendment.FillFieldAsync("Kinh phí hỗ trợ được duyệt mới", "200000000");
        await amendment.FillFieldAsync("Số quyết định điều chỉnh", "33/QĐ-SCT");
        await amendment.FillFieldAsync("Lý do điều chỉnh", "Bổ sung thiết bị theo thiết kế điều chỉnh");
        await amendment.ClickButtonAsync("Ghi quyết định điều chỉnh");

        await Expect(amendment.GetByText("vượt số dự toán còn lại").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("approved-support")).ToHaveTextAsync("100.000.000 ₫");
        var exceed = page.Section("Quyết định điều chỉnh vượt kế hoạch");
        await exceed.FillFieldAsync("Số quyết định vượt kế hoạch", "46/QĐ-UBND");
        await exceed.FillFieldAsync("Lý do vượt kế hoạch", "Thiết bị tăng giá theo thị trường");
        await exceed.ClickButtonAsync("Điều chỉnh vượt kế hoạch");

        await Expect(page.GetByTestId("amendment-plan-exceedance")).ToContainTextAsync("46/QĐ-UBND");
        await Expect(page.GetByTestId("approved-support")).ToHaveTextAsync("200.000.000 ₫");
        await page.AssertAccessibleAsync();
    }
}

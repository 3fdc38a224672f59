using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>An approval beyond the year's budget envelope: refused in Vietnamese, then given under a decision to exceed the plan.</summary>
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
}

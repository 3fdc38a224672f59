using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ProposalJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_officer_takes_a_proposal_from_draft_to_acceptance()
    {
        var taxCode = PlatformApi.NewTaxCode();
        foreach (var member in WebUsers.Council)
        {
            await web.EnsureUserAsync(member);
        }
        // The council form offers the accounts the Proposals service has heard of from the identity service.
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromMinutes(1), async () =>
        {
            var known = await web.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals/appraisers");
            var names = known.EnumerateArray().Select(a => a.GetProperty("displayName").GetString()).ToHashSet();
            return WebUsers.Council.All(m => names.Contains(m.DisplayName));
        }));
        var page = await web.SignedInPageAsync(WebUsers.Officer);

        // The beneficiary enters the registry first.
        await page.OpenAsync("/establishments/new");
        await page.FillFieldAsync("Mã số thuế / số ĐKKD", taxCode);
        await page.FillFieldAsync("Tên cơ sở", "HTX Chè Đường Hoa " + taxCode);
        await page.ChooseAsync("Loại hình", "Hợp tác xã");
        await page.ChooseAsync("Ngành nghề", "Nông sản");
        await page.ChooseAsync("Đơn vị hành chính", "Đường Hoa");
        await page.FillFieldAsync("Địa chỉ", "Thôn 2, Đường Hoa");
        await page.FillFieldAsync("Người đại diện", "Nguyễn Văn An");
        await page.FillFieldAsync("Số lao động", "25");
        await page.ClickButtonAsync("Đăng ký");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thông tin cơ sở CNNT" })).ToBeVisibleAsync();

        // A draft proposal with its budget.
        await page.OpenAsync("/proposals/new");
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");
        await page.FillFieldAsync("Tên đề án", "Máy sấy chè " + taxCode);
        await page.ChooseAsync("Nhóm nội dung (Nghị định 45)", "3. Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến");
        await page.ChooseAsync("Hoạt động có định mức riêng", "Máy móc thiết bị tiên tiến");
        await page.FillFieldAsync("Đơn vị thực hiện", "Trung tâm XTPTCT");
        await page.FillFieldAsync("Mã số thuế cơ sở thụ hưởng", taxCode);
        await page.ChooseAsync("Địa bàn thực hiện", "Đường Hoa");
        await page.FillFieldAsync("Địa điểm", "Thôn 2");
        await page.FillFieldAsync("Mục tiêu, quy mô", "Nâng công suất sấy");
        await page.FillFieldAsync("Kinh phí khuyến công hỗ trợ", "300000000");
        await page.FillFieldAsync("Vốn đối ứng của cơ sở", "700000000");
        await page.FillFieldAsync("Số lao động dự kiến tạo việc làm", "12");
        await page.FillFieldAsync("Thu nhập bình quân dự kiến (đồng/người/tháng)", "6000000");
        await page.ClickButtonAsync("Lưu bản nháp");

        var status = page.GetByTestId("proposal-status");
        await Expect(status).ToHaveTextAsync("Bản nháp");
        await page.ScreenshotAsync("proposal-draft");

        await page.ClickButtonAsync("Nộp đề án");
        await page.ConfirmAsync("Nộp đề án");
        await Expect(status).ToHaveTextAsync("Đã nộp");

        var council = page.Section("Bắt đầu thẩm định");
        for (var i = 0; i < WebUsers.Council.Length; i++)
        {
            await page.ChooseAsync($"Thành viên {i + 1}: họ tên", WebUsers.Council[i].DisplayName);
        }
        await council.ClickButtonAsync("Bắt đầu thẩm định");
        await Expect(status).ToHaveTextAsync("Đang thẩm định");
        var proposalUrl = new Uri(page.Url).AbsolutePath;

        // The officer cannot fill a member's sheet; each member signs in and fills their own.
        await Expect(page.Section($"Phiếu chấm của {WebUsers.Council[0].DisplayName}").GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" })).ToHaveCountAsync(0);
        foreach (var member in WebUsers.Council)
        {
            var own = await web.SignedInPageAsync(member);
            await own.OpenAsync(proposalUrl);
            var others = WebUsers.Council.Where(m => m != member).Select(m => own.Section($"Phiếu chấm của {m.DisplayName}"));
            foreach (var other in others)
            {
                await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" })).ToHaveCountAsync(0);
            }
            var sheet = own.Section($"Phiếu chấm của {member.DisplayName}");
            await sheet.FillFieldAsync("Phù hợp quy định (tối đa 20)", "18");
            await sheet.FillFieldAsync("Mục tiêu và hiệu quả (tối đa 25)", "20");
            await sheet.FillFieldAsync("Dự toán hợp lý (tối đa 20)", "16");
            await sheet.FillFieldAsync("Năng lực đơn vị (tối đa 15)", "12");
            await sheet.FillFieldAsync("Lồng ghép chương trình khác (tối đa 10)", "8");
            await sheet.FillFieldAsync("Hồ sơ đầy đủ (tối đa 10)", "9");
            await sheet.ClickButtonAsync("Lưu phiếu chấm");
            await Expect(sheet.GetByText("83 điểm")).ToBeVisibleAsync();
            await own.CloseAsync();
        }
        await page.OpenAsync(proposalUrl);
        await page.ClickButtonAsync("Kết thúc thẩm định");

        var approval = page.Section("Phê duyệt");
        await approval.FillFieldAsync("Số quyết định", "12/QĐ-SCT");
        await approval.ClickButtonAsync("Phê duyệt");
        await page.ConfirmAsync("Phê duyệt");
        await Expect(status).ToHaveTextAsync("Đã phê duyệt");
        await Expect(page.GetByTestId("approved-support")).ToHaveTextAsync("300.000.000 ₫");

        var contract = page.Section("Ký hợp đồng thực hiện");
        await contract.FillFieldAsync("Số hợp đồng", "HĐ-12/" + DateTime.Today.Year);
        await contract.ClickButtonAsync("Bắt đầu thực hiện");
        await Expect(status).ToHaveTextAsync("Đang thực hiện");

        // An advance above 70 % of the approved support is refused, with the rule's words beside the action.
        var payment = page.Section("Chi trả kinh phí");
        await payment.FillFieldAsync("Số tiền", "250000000");
        await payment.ClickButtonAsync("Ghi nhận chi trả");
        await Expect(payment.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.ScreenshotAsync("proposal-advance-refused");
        await payment.FillFieldAsync("Số tiền", "210000000");
        await payment.ClickButtonAsync("Ghi nhận chi trả");
        await Expect(page.GetByText("Đã tạm ứng 210.000.000 ₫")).ToBeVisibleAsync();

        var acceptance = page.Section("Nghiệm thu");
        await acceptance.FillFieldAsync("Số lao động có việc làm", "15");
        await acceptance.ClickButtonAsync("Nghiệm thu đề án");
        await Expect(status).ToHaveTextAsync("Đã nghiệm thu");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lịch theo dõi sau hỗ trợ" })).ToBeVisibleAsync();

        await page.ScreenshotAsync("proposal-accepted");
        await page.AssertAccessibleAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The history of a course, a fair and a competition reads for people: after commands given through the pages, the
/// "Lịch sử" section shows each act in Vietnamese with its facts and the officer's name, never the service's codes.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RecordHistoryPageTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static ILocator Entry(IPage page, string text) => page.Locator(".history-entry", new() { HasText = text });

    [Fact]
    public async Task A_course_opened_and_cancelled_on_its_page_shows_both_acts_with_the_reason_and_the_officer()
    {
        var title = $"Chế biến chè {Guid.NewGuid():N}"[..22];
        var id = await new PlatformApi(web.Gateway, web.Accounts).PlanCourseAsync(title);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}");

        await page.ClickButtonAsync("Mở tuyển sinh");
        await Expect(Entry(page, "Mở ghi danh")).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await page.ClickButtonAsync("Thao tác khác");
        await page.FillFieldAsync("Lý do hủy", "Không đủ học viên đăng ký");
        await page.ClickButtonAsync("Hủy khóa học");
        await page.ConfirmAsync("Hủy khóa học");

        var cancelled = Entry(page, "Hủy khóa học");
        await Expect(cancelled).ToContainTextAsync("Lý do: Không đủ học viên đăng ký");
        await Expect(cancelled).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(cancelled).ToContainTextAsync($"Ghi nhận {Today:dd/MM/yyyy}");
        await Expect(Entry(page, "Lập kế hoạch khóa học")).ToHaveCountAsync(1);
        await Expect(page.Locator(".history-entry", new() { HasText = "course-" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_course_plan_edited_on_its_page_shows_each_changed_field_from_old_to_new()
    {
        var title = $"Chế biến chè {Guid.NewGuid():N}"[..22];
        var id = await new PlatformApi(web.Gateway, web.Accounts).PlanCourseAsync(title);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}/edit");
        await page.FillFieldAsync("Số chỗ", "25");
        await page.ClickButtonAsync("Lưu kế hoạch");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/training/courses/{id}$"));

        var edit = Entry(page, "Sửa kế hoạch khóa học");
        await Expect(edit).ToContainTextAsync("Số chỗ: 2 → 25");
        await Expect(edit).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(edit).Not.ToContainTextAsync("Kinh phí");
    }

    [Fact]
    public async Task A_fair_published_on_its_page_shows_the_publication_by_the_officer()
    {
        var id = await new PlatformApi(web.Gateway, web.Accounts).CreateFairAsync($"Hội chợ {Guid.NewGuid():N}"[..20]);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/fairs/{id}");

        await page.ClickButtonAsync("Mở đăng ký");

        await Expect(Entry(page, "Công bố, mở đăng ký")).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(Entry(page, "Tạo hội chợ")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_fairs_booths_allocated_on_its_page_show_the_allocation_day_beside_the_recording_time_and_the_establishment_by_name()
    {
        var platform = new PlatformApi(web.Gateway, web.Accounts);
        var name = $"Hội chợ {Guid.NewGuid():N}"[..20];
        var establishment = $"HTX chè {Guid.NewGuid():N}"[..18];
        var taxCode = await platform.RegisterEstablishmentAsync(establishment);
        var id = await platform.PublishFairAsync(name);
        await platform.RegisterForFairAsync(id, taxCode, booths: 2);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/fairs/{id}");

        await page.ClickButtonAsync("Đóng đăng ký");
        await page.ConfirmAsync("Đóng đăng ký");
        await page.ClickButtonAsync("Phân gian hàng");

        var allocated = Entry(page, "Phân gian hàng theo quy tắc: 2 gian đã phân");
        await Expect(allocated).ToContainTextAsync($"Ngày phân gian hàng: {Today:dd/MM/yyyy}");
        await Expect(allocated).ToContainTextAsync($"Ghi nhận {Today:dd/MM/yyyy}");
        await Expect(allocated).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(Entry(page, "Đóng đăng ký với 1 đăng ký")).ToContainTextAsync($"Ngày đóng đăng ký: {Today:dd/MM/yyyy}");
        await Expect(Entry(page, $"Nhận đăng ký của {establishment}: 2 gian hàng")).ToHaveCountAsync(1);
        await Expect(page.Locator(".history-entry", new() { HasText = "fair-" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_competition_announced_on_its_page_shows_the_council_and_the_announcement_by_the_officer()
    {
        var jury = await web.Accounts.JuryAsync(5);
        var opens = Today.AddDays(-10);
        var created = await web.Gateway.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn cấp huyện {Guid.NewGuid():N}"[..30], level = "District", year = opens.Year, district = "Hải Hà",
            registrationOpensOn = opens, registrationClosesOn = opens.AddDays(30), scheduleDecisionNumber = "15/QĐ-UBND", scheduleDecisionDate = opens.AddDays(-5),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var council = await web.Gateway.PutAsJsonAsync($"/api/products/competitions/{id}/council", new
        {
            members = jury.Select((juror, i) => new { userId = juror.UserId, position = i == 0 ? "Chủ tịch hội đồng" : "Ủy viên", chair = i == 0 }),
        });
        Assert.Equal(HttpStatusCode.OK, council.StatusCode);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/products/competitions/{id}");

        await page.ClickButtonAsync("Thông báo nhận hồ sơ");

        await Expect(Entry(page, "Công bố, mở nhận hồ sơ")).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await Expect(Entry(page, "Tạo cuộc bình chọn theo QĐ số 15/QĐ-UBND")).ToContainTextAsync($"Ngày quyết định: {opens.AddDays(-5):dd/MM/yyyy}");
        await Expect(Entry(page, "Lập hội đồng 5 thành viên")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_district_round_recorded_for_its_cycle_reads_on_the_provincial_competition_with_its_day_and_reason()
    {
        var opens = Today.AddDays(-10);
        var created = await web.Gateway.PostAsJsonAsync("/api/products/competitions", new
        {
            title = $"Bình chọn cấp tỉnh {Guid.NewGuid():N}"[..30], level = "Provincial", year = opens.Year,
            registrationOpensOn = opens, registrationClosesOn = opens.AddDays(30), scheduleDecisionNumber = "16/QĐ-UBND", scheduleDecisionDate = opens.AddDays(-5),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // District names are free text; a fresh one keeps the round the only one of its district and year.
        var district = $"Huyện {Guid.NewGuid():N}"[..16];
        var heldOn = new DateOnly(opens.Year, 1, 1);
        var round = await web.Gateway.PostAsJsonAsync("/api/products/district-rounds", new
        {
            district, year = opens.Year, heldOn, reason = "Tổ chức trên giấy trước khi có hệ thống",
        });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        var page = await web.SignedInPageAsync(WebUsers.Officer);

        await page.OpenAsync($"/products/competitions/{id}");

        var noted = Entry(page, $"Ghi nhận kỳ bình chọn cấp huyện đã tổ chức tại {district}");
        await Expect(noted).ToContainTextAsync($"Ngày tổ chức: {heldOn:dd/MM/yyyy}");
        await Expect(noted).ToContainTextAsync("Lý do: Tổ chức trên giấy trước khi có hệ thống");
        await Expect(page.Locator(".history-entry", new() { HasText = "competition-" })).ToHaveCountAsync(0);
    }
}

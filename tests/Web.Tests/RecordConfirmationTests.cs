using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The steps of a course, a fair and a competition that cannot simply be taken back ask first: the confirmation
/// names the record and says what follows; cancelling it sends nothing, confirming it takes the step and says so.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RecordConfirmationTests(WebFixture web)
{
    private PlatformApi Platform => new(web.Gateway, web.Accounts);

    [Fact]
    public async Task Cancelling_a_course_first_says_it_stops_for_good_and_going_back_leaves_it_planned()
    {
        var title = $"Chế biến chè {Guid.NewGuid():N}"[..22];
        var id = await Platform.PlanCourseAsync(title);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}");
        await page.ClickButtonAsync("Thao tác khác");
        await page.FillFieldAsync("Lý do hủy", "Không đủ học viên đăng ký");

        await page.ClickButtonAsync("Hủy khóa học");
        await Expect(page.Confirmation()).ToContainTextAsync($"Hủy khóa học «{title}»? Khóa học dừng hẳn, không ghi danh hay điểm danh được nữa");
        await page.ScreenshotAsync("confirm-course-cancel");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        Assert.Equal("Planned", await StatusAsync($"/api/training/courses/{id}", "course"));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Hủy khóa học");
        await page.ConfirmAsync("Hủy khóa học");
        await Expect(page.Told()).ToHaveTextAsync($"Đã hủy khóa học «{title}».");
        await Expect(page.Locator(".mud-chip", new() { HasText = "Đã hủy" })).ToBeVisibleAsync();
        Assert.Equal("Cancelled", await StatusAsync($"/api/training/courses/{id}", "course"));
    }

    [Fact]
    public async Task Ending_a_course_first_says_the_roster_is_closed_and_going_back_leaves_it_under_way()
    {
        var title = $"Chế biến chè {Guid.NewGuid():N}"[..22];
        var id = await Platform.CourseUnderWayAsync(title);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/training/courses/{id}");

        await page.ClickButtonAsync("Kết thúc khóa học");
        await Expect(page.Confirmation()).ToContainTextAsync(
            $"Kết thúc khóa học «{title}»? Sau khi kết thúc, không ghi danh hay điểm danh thêm được; học viên đủ chuyên cần được ghi là hoàn thành.");
        await page.ScreenshotAsync("confirm-course-complete");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        Assert.Equal("InProgress", await StatusAsync($"/api/training/courses/{id}", "course"));
        await Expect(page.Told()).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-chip", new() { HasText = "Đang học" })).ToBeVisibleAsync();

        await page.ClickButtonAsync("Kết thúc khóa học");
        await page.ConfirmAsync("Kết thúc khóa học");
        await Expect(page.Told()).ToHaveTextAsync($"Đã kết thúc khóa học «{title}».");
        await Expect(page.Locator(".mud-chip", new() { HasText = "Đã kết thúc" })).ToBeVisibleAsync();
        Assert.Equal("Completed", await StatusAsync($"/api/training/courses/{id}", "course"));
    }

    [Fact]
    public async Task Closing_a_fairs_registration_first_says_no_one_can_register_after_and_going_back_leaves_it_open()
    {
        var name = $"Hội chợ {Guid.NewGuid():N}"[..20];
        var id = await Platform.PublishFairAsync(name);
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/fairs/{id}");

        await page.ClickButtonAsync("Đóng đăng ký");
        await Expect(page.Confirmation()).ToContainTextAsync($"Đóng đăng ký hội chợ «{name}»? Sau khi đóng, cơ sở không đăng ký thêm được");
        await page.ScreenshotAsync("confirm-fair-close-registration");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        Assert.Equal("OpenForRegistration", await StatusAsync($"/api/fairs/{id}"));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Đóng đăng ký");
        await page.ConfirmAsync("Đóng đăng ký");
        await Expect(page.Told()).ToHaveTextAsync($"Đã đóng đăng ký hội chợ «{name}».");
        await Expect(page.Locator(".mud-chip", new() { HasText = "Hết hạn đăng ký" })).ToBeVisibleAsync();
        Assert.Equal("RegistrationClosed", await StatusAsync($"/api/fairs/{id}"));
    }

    [Fact]
    public async Task Publishing_a_competitions_results_first_counts_the_recognised_products_and_going_back_leaves_it_scoring()
    {
        var product = $"Chè Đường Hoa {Guid.NewGuid():N}"[..20];
        var taxCode = await Platform.RegisterEstablishmentAsync($"HTX {product}");
        var (id, _, opens) = await Platform.ScoredEntryAsync(taxCode, product);
        var title = $"Bình chọn sản phẩm CNNT tiêu biểu cấp huyện {opens.Year} ({product})";
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/products/competitions/{id}");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Công nhận {product}" }).CheckAsync();
        await page.FillFieldAsync("Số quyết định công nhận", "27/QĐ-UBND");

        await page.ClickButtonAsync("Công bố kết quả");
        await Expect(page.Confirmation()).ToContainTextAsync(
            $"Công bố kết quả cuộc bình chọn «{title}» với 1 sản phẩm được công nhận? Sau khi công bố, danh sách chỉ thay đổi được qua giải quyết khiếu nại.");
        await page.ScreenshotAsync("confirm-competition-publish-results");
        await page.AssertAccessibleAsync();
        await GoBackAsync(page);
        Assert.Equal("Scoring", await StatusAsync($"/api/products/competitions/{id}"));
        await Expect(page.Told()).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Công bố kết quả");
        await page.ConfirmAsync("Công bố kết quả");
        await Expect(page.Told()).ToHaveTextAsync($"Đã công bố kết quả cuộc bình chọn «{title}»: 1 sản phẩm được công nhận.");
        await Expect(page.Locator(".mud-chip", new() { HasText = "Đã công bố kết quả" })).ToBeVisibleAsync();
        Assert.Equal("ResultsPublished", await StatusAsync($"/api/products/competitions/{id}"));
    }

    /// <summary>Answers the confirmation with "Không, quay lại" and waits for it to close.</summary>
    private static async Task GoBackAsync(IPage page)
    {
        await page.Confirmation().GetByRole(AriaRole.Button, new() { Name = "Không, quay lại", Exact = true }).ClickAsync();
        await Expect(page.Confirmation()).ToHaveCountAsync(0);
    }

    /// <summary>The record's status as its service keeps it, read from <paramref name="path"/> (within <paramref name="within"/> when given).</summary>
    private async Task<string?> StatusAsync(string path, string? within = null)
    {
        var record = await web.Gateway.GetFromJsonAsync<JsonElement>(path);
        return (within is null ? record : record.GetProperty(within)).GetProperty("status").GetString();
    }
}

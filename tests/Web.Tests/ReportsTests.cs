using System.Text;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ReportsTests(WebFixture web)
{
    [Fact]
    public async Task The_reports_page_shows_the_2014_to_2020_figures_and_downloads_them_as_xlsx_and_csv()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/reports");

        await page.FillFieldAsync("Từ năm", "2014");
        await page.FillFieldAsync("Đến năm", "2020");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Năm" }).CheckAsync();
        await page.ClickButtonAsync("Xem báo cáo");

        await Expect(page.GetByTestId("total-approved")).ToHaveTextAsync("115");
        await Expect(page.GetByTestId("total-stateSupport")).ToHaveTextAsync("14.953.000.000 ₫");
        await Expect(page.GetByTestId("total-ownCapital")).ToHaveTextAsync("105.047.000.000 ₫");
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "2017", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("reports-2014-2020");
        await page.AssertAccessibleAsync();

        var xlsx = await DownloadAsync(page, "Tải Excel (.xlsx)");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var csv = await DownloadAsync(page, "Tải CSV");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Contains("2017", Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task The_period_comparison_downloads_as_a_spreadsheet()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/reports?report=periods");

        await page.ClickButtonAsync("Xem báo cáo");
        var comparison = page.GetByRole(AriaRole.Region, new() { Name = "So sánh kết quả các giai đoạn" });
        await Expect(comparison.GetByRole(AriaRole.Row, new() { Name = "Số đề án được phê duyệt" })).ToContainTextAsync("115");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải CSV" })).ToHaveCountAsync(0);
        var xlsx = await DownloadAsync(page, "Tải Excel (.xlsx)");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        await page.ScreenshotAsync("reports-periods");
    }

    [Fact]
    public async Task The_period_totals_read_in_ty_dong_with_the_exact_amount_as_their_tooltip()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/reports?report=summary&from=2014&to=2020");

        await page.ClickButtonAsync("Xem báo cáo");
        await Expect(page.GetByTestId("summary-state-support")).ToHaveTextAsync("14,95 tỷ đồng");
        await Expect(page.GetByTestId("summary-state-support")).ToHaveAttributeAsync("title", "14.953.000.000 ₫");
        await Expect(page.GetByTestId("summary-total")).ToHaveTextAsync("120,00 tỷ đồng");

        await page.OpenAsync("/reports?report=periods");
        await page.ClickButtonAsync("Xem báo cáo");
        var comparison = page.GetByRole(AriaRole.Region, new() { Name = "So sánh kết quả các giai đoạn" });
        var support = comparison.GetByRole(AriaRole.Row, new() { Name = "Kinh phí khuyến công hỗ trợ" });
        await Expect(support.GetByRole(AriaRole.Cell, new() { Name = "14,95 tỷ đồng", Exact = true })).ToHaveAttributeAsync("title", "14.953.000.000 ₫");
        await page.ScreenshotAsync("reports-periods-ty-dong");
        await page.AssertAccessibleAsync();
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The holders' yearly reports (Circular 26/2014/TT-BCT, Art. 22.2): the holder files the report on a year of its certificate
/// from the page and reads it there (the refusal of a second report on a year is the API's, tested in Products.Tests).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HolderReportsPageTests(WebFixture web)
{
    private static readonly LocatorAssertionsToContainTextOptions Answered = new() { Timeout = 30_000 };

    private static int ThisYear => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    [Fact]
    public async Task The_holder_files_its_yearly_report_from_the_page_and_reads_it_there()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var taxCode = await api.RegisterEstablishmentAsync("HTX Miến dong Bình Liêu");
        var product = "Miến dong " + taxCode;
        await api.RecogniseProductAsync(taxCode, product);
        var certificates = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/certificates?establishmentTaxCode={taxCode}");
        var number = certificates.GetProperty("items")[0].GetProperty("number").GetString()!;
        var year = ThisYear.ToString(CultureInfo.InvariantCulture);

        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));
        await page.OpenAsync("/products/certificates/reports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo hằng năm về sản phẩm được chứng nhận" })).ToBeVisibleAsync();
        await FillReportAsync(page, year);
        await page.ClickButtonAsync("Nộp báo cáo");
        await Expect(page.Told()).ToContainTextAsync($"Đã nộp báo cáo năm {year} của Giấy chứng nhận {number}.", Answered);

        var row = page.GetByTestId("report-filed-row").Filter(new() { HasText = number });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(year);
        await Expect(row).ToContainTextAsync("Được hỗ trợ máy đóng gói");
        await Expect(row).ToContainTextAsync("Sản xuất 40 tấn miến");
        await page.ScreenshotAsync("holder-report-filed");
        await page.AssertAccessibleAsync();
    }

    private static async Task FillReportAsync(IPage page, string year)
    {
        await page.FillFieldAsync("Năm báo cáo", year);
        await page.FillFieldAsync("Kết quả hỗ trợ từ khuyến công và các chính sách của Nhà nước", "Được hỗ trợ máy đóng gói");
        await page.FillFieldAsync("Tình hình sản xuất, kinh doanh (sản lượng, thị trường)", "Sản xuất 40 tấn miến");
        await page.FillFieldAsync("Doanh thu trong năm", "1200000000");
        await page.FillFieldAsync("Số lao động", "25");
    }
}

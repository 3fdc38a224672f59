using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The Reports page offers the report to the Ministry: a plan year typed in, a period and a source picked, the spreadsheet downloaded.</summary>
[Collection(WebCollection.Name)]
public sealed class MinistryReportPageTests(WebFixture web)
{
    [Fact]
    public async Task A_leader_picks_the_year_period_and_source_and_downloads_the_report_to_the_Ministry_with_the_figures_the_service_answers()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/reports");
        var ministry = page.GetByTestId("ministry-report");

        var year = ministry.GetByLabel("Năm kế hoạch", new() { Exact = true });
        await year.FillAsync("2017");
        await year.PressAsync("Tab");
        await ministry.GetByLabel("Kỳ báo cáo", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Cả năm", Exact = true }).ClickAsync();
        await ministry.GetByLabel("Nguồn kinh phí", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Khuyến công địa phương", Exact = true }).ClickAsync();
        var download = ministry.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo gửi Bộ (.xlsx)" });
        await Expect(download).ToHaveAttributeAsync("href", new Regex("year=2017.*period=year.*source=Local"));
        await page.ScreenshotAsync("reports-ministry");
        await page.AssertAccessibleAsync();

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Null(await file.FailureAsync());
        await using var stream = await file.CreateReadStreamAsync();
        using var xlsx = new MemoryStream();
        await stream.CopyToAsync(xlsx);
        xlsx.Position = 0;

        var rows = xlsx.Query(useHeaderRow: false, sheetName: "Báo cáo").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rows[0]["F"]);
        Assert.Contains(rows, r => (r["B"] as string)?.Contains("năm 2017 (nguồn khuyến công địa phương)", StringComparison.Ordinal) == true);
        Assert.Contains(rows, r => (r["B"] as string)?.StartsWith("Kính gửi: Cục Công nghiệp địa phương", StringComparison.Ordinal) == true);
        Assert.Contains(rows, r => r["F"] as string == "GIÁM ĐỐC");
        var report = await web.Gateway.GetFromJsonAsync<JsonElement>("/api/reports/ministry?year=2017&period=year&source=Local");
        var figures = report.GetProperty("total").GetProperty("figures");
        var committed = figures.GetProperty("committed").GetInt64();
        Assert.True(committed > 0, "the demo data approve local proposals of 2017");
        // The demo data approve the local plan of 2017: its planned figure stands beside the actual ones.
        var planned = figures.GetProperty("planned").GetInt64();
        Assert.True(planned > 0, "the demo data approve the local plan of 2017");
        var header = rows.First(r => r["A"] as string == "STT");
        string ColumnOf(string title) => header.Single(c => c.Value as string == title).Key;
        Assert.Equal(("C", "D", "E"), (ColumnOf("Dự toán được giao"), ColumnOf("Kế hoạch (được phê duyệt)"), ColumnOf("Đã cam kết (phê duyệt)")));
        var total = rows.First(r => r["B"] as string == "Tổng cộng");
        Assert.Equal(committed, Convert.ToInt64(total["E"], CultureInfo.InvariantCulture));
        Assert.Equal(planned, Convert.ToInt64(total["D"], CultureInfo.InvariantCulture));
    }
}

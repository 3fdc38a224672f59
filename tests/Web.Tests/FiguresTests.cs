extern alias WebApp;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp::KhuyenCong.Web.Components.Pages;
using WebApp::KhuyenCong.Web.Ui;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The figures a leader reads agree wherever they are shown: the dashboard, the reports and the lists
/// behind them count the same things over the same period, on the demo data.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class FiguresTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task<IPage> DashboardAsync(int from, int to)
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync($"/?from={from}&to={to}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Giai đoạn {from}–{to}" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Booths_and_trainees_on_the_dashboard_equal_the_reports_of_the_same_period()
    {
        var page = await DashboardAsync(2014, 2020);
        var booths = await page.GetByTestId("figure-booths").InnerTextAsync();
        var trainees = await page.GetByTestId("figure-trainees").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo hội chợ của giai đoạn" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("report=fairs&from=2014&to=2020", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội chợ, triển lãm hàng công nghiệp nông thôn (2014–2020)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("total-booths")).ToHaveTextAsync(booths);

        await page.OpenAsync("/reports?report=training&from=2014&to=2020");
        await Expect(page.GetByTestId("total-enrolled")).ToHaveTextAsync(trainees);
    }

    [Fact]
    public async Task The_leverage_note_says_the_periods_own_figure()
    {
        var page = await DashboardAsync(2014, 2020);

        await Expect(page.GetByTestId("figure-leverage")).ToHaveTextAsync("1 : 7,03");
        await Expect(page.GetByText("1 đồng khuyến công thu hút 7,0 đồng vốn đầu tư")).ToBeVisibleAsync();
        await Expect(page.GetByText("N đồng")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Choosing_2021_to_2025_shows_every_year_of_it_on_the_charts_with_their_units()
    {
        var page = await DashboardAsync(2014, 2020);

        await page.ClickButtonAsync("2021–2025");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giai đoạn 2021–2025" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "2021–2025" })).ToHaveAttributeAsync("aria-pressed", "true");
        var leverage = page.Locator("figure[aria-label='Biểu đồ hệ số thu hút vốn theo năm']");
        var labels = (await leverage.Locator("svg text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.All(Enumerable.Range(2021, 5), year => Assert.Contains(year.ToString(CultureInfo.InvariantCulture), labels));
        Assert.Contains("Đồng vốn trên 1 đồng hỗ trợ", labels);
        var budget = (await page.Locator("figure[aria-label='Biểu đồ kinh phí theo năm và nguồn']").Locator("svg text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains("Triệu đồng", budget);
        Assert.Contains("Năm", budget);
        await page.ScreenshotAsync("dashboard-2021-2025");
    }

    [Fact]
    public async Task A_district_drill_down_keeps_the_period_and_lists_as_many_proposals_as_the_dashboard_counts()
    {
        var page = await DashboardAsync(2014, 2020);
        var districts = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Địa bàn" }) });
        var first = districts.GetByRole(AriaRole.Row).Nth(1);
        var district = await first.GetByRole(AriaRole.Link).InnerTextAsync();
        var count = await first.GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync();

        await first.GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/proposals?from=2014&to=2020&district=", StringComparison.Ordinal));
        await Expect(page.GetByLabel("Từ năm", new() { Exact = true })).ToHaveValueAsync("2014");
        await Expect(page.GetByLabel("Đến năm", new() { Exact = true })).ToHaveValueAsync("2020");
        await Expect(page.GetByLabel("Địa bàn", new() { Exact = true })).ToHaveValueAsync(district);
        await Expect(page.GetByTestId("totals-count")).ToHaveTextAsync(count);
    }

    [Fact]
    public async Task The_reports_page_shows_the_period_a_link_carries_at_once()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);

        await page.OpenAsync("/reports?report=proposals&from=2014&to=2020");

        await Expect(page.GetByLabel("Từ năm", new() { Exact = true })).ToHaveValueAsync("2014");
        await Expect(page.GetByTestId("total-approved")).ToHaveTextAsync("115");
    }

    [Fact]
    public async Task A_district_of_the_proposals_report_drills_down_to_the_list_of_the_same_years()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/reports?report=proposals&from=2014&to=2020");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Địa bàn" }).CheckAsync();
        await page.ClickButtonAsync("Xem báo cáo");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Cô Tô", Exact = true }) });
        var approved = await row.GetByRole(AriaRole.Cell).First.InnerTextAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "Cô Tô", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/proposals?from=2014&to=2020&district=", StringComparison.Ordinal));
        // The address changes before the list replaces the report, whose grouping box has the same name.
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Địa bàn" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Địa bàn", new() { Exact = true })).ToHaveValueAsync("Cô Tô");
        await Expect(page.GetByTestId("totals-count")).ToHaveTextAsync(approved);
    }

    [Fact]
    public async Task Expired_certificates_never_read_valid_and_the_catalogue_shows_only_valid_ones()
    {
        await web.WaitForDemoDataAsync();
        var all = await web.Gateway.GetFromJsonAsync<JsonElement>("/api/products/certificates?pageSize=200");
        var expired = all.GetProperty("items").EnumerateArray()
            .Where(c => DateOnly.Parse(c.GetProperty("expiresOn").GetString()!, CultureInfo.InvariantCulture) < Today && c.GetProperty("status").GetString() != "Revoked")
            .ToList();
        Assert.NotEmpty(expired);
        Assert.All(expired, c => Assert.Equal("Expired", c.GetProperty("status").GetString()));

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        var year = expired[0].GetProperty("competitionYear").GetInt32();
        await page.OpenAsync("/products/certificates");
        await page.FillFieldAsync("Năm bình chọn", year.ToString(CultureInfo.InvariantCulture));
        await page.ClickButtonAsync("Lọc");
        var validity = page.Locator("td[data-label='Hiệu lực']");
        await Expect(validity.First).ToContainTextAsync(year.ToString(CultureInfo.InvariantCulture));
        foreach (var cell in await validity.AllInnerTextsAsync())
        {
            var until = Validity().Match(cell);
            Assert.True(until.Success, $"no validity dates in \"{cell}\"");
            var expiresOn = DateOnly.ParseExact(until.Groups["until"].Value, "dd/MM/yyyy", CultureInfo.InvariantCulture);
            if (expiresOn < Today)
            {
                Assert.DoesNotContain("Còn hiệu lực", cell);
            }
        }

        await page.OpenAsync("/catalogue");
        foreach (var line in await page.GetByText("Hiệu lực đến").AllInnerTextsAsync())
        {
            var until = DateOnly.ParseExact(line.Replace("Hiệu lực đến", "", StringComparison.Ordinal).Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture);
            Assert.True(until >= Today, $"the catalogue shows a certificate that expired on {until}");
        }
    }

    [Fact]
    public async Task The_leader_lands_on_the_current_period_with_what_needs_attention()
    {
        await web.WaitForDemoDataAsync();
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        var (from, to) = Dashboard.CurrentPeriod(Today);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Giai đoạn {from}–{to}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{from}–{to}" })).ToHaveAttributeAsync("aria-pressed", "true");
        var attention = page.GetByRole(AriaRole.Region, new() { Name = "Việc cần chú ý" });
        await Expect(attention).ToBeVisibleAsync();

        async Task<string> TotalAsync(string path) =>
            (await web.Gateway.GetFromJsonAsync<JsonElement>(path)).GetProperty("total").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        await Expect(attention.GetByTestId("figure-overdue")).ToHaveTextAsync(await TotalAsync("/api/proposals/follow-ups?status=Overdue&pageSize=1"));
        await Expect(attention.GetByTestId("alert-progress")).ToHaveTextAsync(await TotalAsync("/api/proposals/progress-reports/overdue?pageSize=1"));
        await Expect(attention.GetByTestId("alert-settlements")).ToHaveTextAsync(await TotalAsync("/api/proposals/settlements/overdue?pageSize=1"));
        await Expect(attention.GetByTestId("alert-awaiting")).ToHaveTextAsync(await TotalAsync("/api/proposals?status=UnderAppraisal&pageSize=1"));
        await page.ScreenshotAsync("dashboard-leader-home");
        await page.AssertAccessibleAsync();

        await attention.GetByRole(AriaRole.Link, new() { Name = "Lượt đánh giá sau hỗ trợ quá hạn" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/proposals/follow-ups?status=Overdue", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"–\s*(?<until>\d{2}/\d{2}/\d{4})")]
    private static partial Regex Validity();
}

/// <summary>The rules behind the figures, without a browser.</summary>
public sealed class FigureRulesTests
{
    [Theory]
    [InlineData(2026, 2026, 2030)]
    [InlineData(2030, 2026, 2030)]
    [InlineData(2025, 2021, 2025)]
    [InlineData(2014, 2014, 2020)]
    public void The_home_period_is_the_programme_period_containing_today(int year, int from, int to)
    {
        Assert.Equal((from, to), Dashboard.CurrentPeriod(new DateOnly(year, 12, 6)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(long.MaxValue, true)]
    [InlineData(500_000_000L, false)]
    public void A_ceiling_that_limits_nothing_is_shown_in_words(long? ceiling, bool unlimited)
    {
        Assert.Equal(unlimited, Format.IsUnlimited(ceiling));
    }
}

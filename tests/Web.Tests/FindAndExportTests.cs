using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The Centre's daily tool: one search box across the records, lists downloaded as they are filtered, and
/// establishments and communes picked by typing part of their name.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FindAndExportTests(WebFixture web)
{
    private static string Token() => $"{Guid.NewGuid():N}"[..8];

    private PlatformApi Platform => new(web.Gateway, web.Accounts);

    private async Task<(Guid Id, string Code)> DraftProposalAsync(string taxCode)
    {
        var response = await web.Gateway.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(taxCode));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var proposal = JsonDocument.Parse(body).RootElement;
        return (proposal.GetProperty("id").GetGuid(), proposal.GetProperty("code").GetString()!);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tra cứu mã, tên hoặc mã số thuế" });
        await box.ClickAsync();
        await box.FillAsync("");
        await box.PressSequentiallyAsync(text);
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($@"/search\?q={Regex.Escape(Uri.EscapeDataString(text))}$"));
        await Expect(page.GetByTestId("search-summary")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_app_bar_search_finds_a_proposal_by_its_code_and_an_establishment_by_its_tax_code()
    {
        var name = $"HTX Tra cứu {Token()}";
        var taxCode = await Platform.RegisterEstablishmentAsync(name);
        var (id, code) = await DraftProposalAsync(taxCode);
        var page = await web.SignedInPageAsync(WebUsers.Officer);

        await SearchAsync(page, code);
        var proposals = page.GetByTestId("search-group-Proposals");
        await Expect(proposals.GetByRole(AriaRole.Link, new() { Name = code })).ToHaveAttributeAsync("href", $"/proposals/{id}");

        await SearchAsync(page, taxCode);
        var establishments = page.GetByTestId("search-group-Establishments");
        await Expect(establishments.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(establishments.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await establishments.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/establishments/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task An_establishment_searching_finds_its_own_records_and_not_another_establishments()
    {
        var token = Token();
        var own = await Platform.RegisterEstablishmentAsync($"Cơ sở Gốm {token} Một");
        var other = await Platform.RegisterEstablishmentAsync($"Cơ sở Gốm {token} Hai");
        var (_, otherCode) = await DraftProposalAsync(other);
        var page = await web.SignedInPageAsync(WebUsers.Establishment(own));

        await SearchAsync(page, token);
        var establishments = page.GetByTestId("search-group-Establishments");
        await Expect(establishments.GetByRole(AriaRole.Link, new() { Name = $"Cơ sở Gốm {token} Một" })).ToBeVisibleAsync();
        await Expect(establishments.GetByRole(AriaRole.Link, new() { Name = $"Cơ sở Gốm {token} Hai" })).ToHaveCountAsync(0);

        await SearchAsync(page, other);
        await Expect(page.GetByTestId("search-group-Establishments").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await SearchAsync(page, otherCode);
        await Expect(page.GetByTestId("search-group-Proposals").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_filtered_list_downloads_as_xlsx_csv_and_vietnamese_csv_with_exactly_the_rows_shown()
    {
        var token = Token();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        foreach (var (name, share) in new[] { ($"Hội chợ {token} Hạ Long", 37.5m), ($"Hội chợ {token} Móng Cái", 50m) })
        {
            var created = await web.Gateway.PostAsJsonAsync("/api/fairs", new
            {
                name, kind = "DomesticProgramme", organiser = "Trung tâm XTPTCT Quảng Ninh", venue = "Cung Quy hoạch, Hội chợ và Triển lãm",
                province = "Quảng Ninh", startDate = today.AddDays(40), endDate = today.AddDays(44), registrationDeadline = today.AddDays(20),
                boothCount = 20, boothRent = 12_000_000, rentSharePercent = share,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        await Platform.CreateFairAsync($"Hội chợ khác {Token()}");
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/fairs");
        await page.FillFieldAsync("Tên hội chợ", token);
        await page.ClickButtonAsync("Lọc");
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var shown = (await rows.Locator("td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).Order().ToList();

        var (xlsx, xlsxName) = await DownloadAsync(page, "Tải Excel (.xlsx)");
        Assert.Matches($"^hoi-cho-trien-lam_{token}\\.xlsx$", xlsxName);
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(shown, sheet.Select(r => (string)r["Tên hội chợ, triển lãm"]).Order());
        Assert.Equal([37.5, 50.0], sheet.Select(r => Convert.ToDouble(r["Tỷ lệ hỗ trợ tiền thuê (%)"])).Order());

        var (csv, csvName) = await DownloadAsync(page, "Tải CSV");
        Assert.Equal($"hoi-cho-trien-lam_{token}.csv", csvName);
        var plain = Lines(Encoding.UTF8.GetString(csv));
        Assert.StartsWith("\"Tên hội chợ, triển lãm\",Loại,", plain[0]);
        Assert.Equal(shown, plain.Skip(1).Select(l => l.Split(',')[0]).Order());
        Assert.Contains(plain, l => l.Contains(",37.5,", StringComparison.Ordinal));

        var (vietnamese, vietnameseName) = await DownloadAsync(page, "Tải CSV cho Excel tiếng Việt");
        Assert.Equal($"hoi-cho-trien-lam_{token}_excel-vi.csv", vietnameseName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), vietnamese[..3]);
        var semicolons = Lines(Encoding.UTF8.GetString(vietnamese[3..]));
        Assert.StartsWith("Tên hội chợ, triển lãm;Loại;", semicolons[0]);
        Assert.Equal(shown, semicolons.Skip(1).Select(l => l.Split(';')[0]).Order());
        Assert.Contains(semicolons, l => l.Contains(";37,5;", StringComparison.Ordinal));
        Assert.All(semicolons.Skip(1), l => Assert.Equal("Hội chợ trong nước của chương trình", l.Split(';')[1]));
    }

    [Fact]
    public async Task The_users_list_downloads_as_xlsx_csv_and_vietnamese_csv_named_in_Vietnamese_with_the_day()
    {
        var user = new WebUser($"xuat-{PlatformApi.NewTaxCode()[^6..]}", "Đỗ Thị Xuân", "Kc-Xuat-2025-z", ["DistrictOfficer"],
            UnitCode: "x-duong-hoa", District: "Hải Hà");
        await web.EnsureUserAsync(user);
        var page = await web.SignedInPageAsync(web.Admin);
        await page.OpenAsync("/users");
        await page.FillFieldAsync("Tên đăng nhập, họ tên hoặc thư điện tử", user.UserName);
        await page.ClickButtonAsync("Tìm");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (xlsx, xlsxName) = await DownloadAsync(page, "Tải Excel (.xlsx)");
        Assert.Equal($"nguoi-dung_{user.UserName}_{day}.xlsx", xlsxName);
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(sheet);
        Assert.Equal(user.UserName, row["Tên đăng nhập"]);
        Assert.Equal("Đỗ Thị Xuân", row["Họ tên"]);
        Assert.Equal("Đang hoạt động", row["Trạng thái"]);

        var (csv, csvName) = await DownloadAsync(page, "Tải CSV");
        Assert.Equal($"nguoi-dung_{user.UserName}_{day}.csv", csvName);
        var plain = Lines(Encoding.UTF8.GetString(csv));
        Assert.StartsWith("Tên đăng nhập,Họ tên,", plain[0].TrimStart('\uFEFF'));
        Assert.StartsWith($"{user.UserName},Đỗ Thị Xuân,", Assert.Single(plain.Skip(1)));

        var (vietnamese, vietnameseName) = await DownloadAsync(page, "Tải CSV cho Excel tiếng Việt");
        Assert.Equal($"nguoi-dung_{user.UserName}_{day}_excel-vi.csv", vietnameseName);
        var semicolons = Lines(Encoding.UTF8.GetString(vietnamese[3..]));
        Assert.StartsWith("Tên đăng nhập;Họ tên;", semicolons[0]);
        Assert.StartsWith($"{user.UserName};Đỗ Thị Xuân;", Assert.Single(semicolons.Skip(1)));
    }

    private static List<string> Lines(string text) => [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private static async Task<(byte[] Content, string FileName)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return (bytes.ToArray(), download.SuggestedFilename);
    }

    [Fact]
    public async Task An_officer_picks_a_beneficiary_by_typing_part_of_its_name_and_the_implementing_unit_from_the_list()
    {
        var token = Token();
        var taxCode = await Platform.RegisterEstablishmentAsync($"HTX Chè Búp {token}");
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/proposals/new");

        var picker = page.GetByLabel("Thêm cơ sở thụ hưởng", new() { Exact = true });
        await picker.ClickAsync();
        await picker.PressSequentiallyAsync($"búp {token}");
        await page.GetByRole(AriaRole.Option, new() { Name = $"HTX Chè Búp {token}" }).ClickAsync();

        await Expect(page.GetByLabel("Mã số thuế cơ sở thụ hưởng", new() { Exact = true })).ToHaveValueAsync(taxCode);
        await Expect(picker).ToHaveValueAsync("");

        // The implementing unit is picked the same way; the Centre is offered by part of its name.
        var unit = page.GetByLabel("Đơn vị thực hiện", new() { Exact = true });
        await unit.ClickAsync();
        await unit.PressSequentiallyAsync("xúc tiến");
        await page.GetByRole(AriaRole.Option, new() { Name = "Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh" }).ClickAsync();
        await Expect(unit).ToHaveValueAsync("Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh");
    }

    [Fact]
    public async Task Communes_are_found_by_typing_their_or_their_districts_name_without_diacritics_and_listed_under_the_district()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/establishments/new");
        var unit = page.GetByLabel("Đơn vị hành chính", new() { Exact = true });

        await unit.ClickAsync();
        await unit.PressSequentiallyAsync("hai ha");
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.Filter(new() { HasText = "Thuộc Hải Hà" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Quảng Hà", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Đường Hoa", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "An Sinh", Exact = true })).ToHaveCountAsync(0);

        await unit.FillAsync("");
        await unit.PressSequentiallyAsync("duong hoa");
        await Expect(options.Filter(new() { HasNotText = "Thuộc" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Option, new() { Name = "Đường Hoa", Exact = true }).ClickAsync();
        await Expect(unit).ToHaveValueAsync("Đường Hoa");
    }
}

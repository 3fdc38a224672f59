using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// A competition run on its pages from the first field to the first score sheet, with no dead end on the way: the
/// announcement waits for the council and says so, the council form stays while it may change, entries come in
/// with their photos, and a juror scores on the same page; the history reads each act with its day.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CompetitionJourneyTests(WebFixture web)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Typed(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_creates_seats_the_council_announces_and_takes_an_entry_and_a_juror_scores_it()
    {
        var suffix = PlatformApi.NewTaxCode()[^5..];
        var jurors = await JuryAsync(suffix);
        var product = $"Chè Đường Hoa {suffix}";
        var taxCode = await new PlatformApi(web.Gateway, web.Accounts).RegisterEstablishmentAsync($"HTX {product}");
        var title = $"Bình chọn sản phẩm tiêu biểu Hải Hà {suffix}";
        var page = await web.SignedInPageAsync(WebUsers.Officer);

        await page.OpenAsync("/products/competitions/new");
        await page.FillFieldAsync("Tên cuộc bình chọn", title);
        await page.ChooseAsync("Cấp", "Cấp huyện");
        await page.FillFieldAsync("Huyện, thị xã, thành phố tổ chức", "Hải Hà");
        if (Today.Year % 2 == 0)
        {
            // District rounds are usually held in odd years (Art. 14); in an even year the province's decision names it.
            await page.FillFieldAsync("Số quyết định tổ chức ngoài năm định kỳ", "15/QĐ-UBND");
            await page.FillFieldAsync("Ngày quyết định", Typed(Today.AddDays(-10)));
        }
        await page.FillFieldAsync("Bắt đầu nhận hồ sơ", Typed(Today.AddDays(-5)));
        await page.FillFieldAsync("Hết hạn nhận hồ sơ", Typed(Today.AddDays(25)));
        await page.ClickButtonAsync("Lưu");
        await ToldAsync(page, $"Đã lưu cuộc bình chọn «{title}».");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội đồng bình chọn" })).ToBeVisibleAsync();

        // Before the council is seated, the page says what comes first instead of offering the announcement.
        await Expect(page.GetByTestId("open-needs-council")).ToHaveTextAsync("Lập và lưu Hội đồng bình chọn trước, rồi mới thông báo nhận hồ sơ.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Thông báo nhận hồ sơ" })).ToHaveCountAsync(0);
        for (var i = 0; i < jurors.Count; i++)
        {
            await page.ChooseAsync($"Thành viên {i + 1}: họ tên", jurors[i].DisplayName);
        }
        await page.ClickButtonAsync("Lưu hội đồng");
        await ToldAsync(page, $"Đã lưu hội đồng chấm điểm cuộc bình chọn «{title}».");
        await Expect(page.GetByTestId("open-needs-council")).ToHaveCountAsync(0);

        await page.ClickButtonAsync("Thông báo nhận hồ sơ");
        await ToldAsync(page, $"Đã thông báo nhận hồ sơ cuộc bình chọn «{title}».");
        await Expect(page.Locator(".mud-chip", new() { HasText = "Đang nhận hồ sơ" })).ToBeVisibleAsync();
        // Still open for entries, the council may still be changed.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu hội đồng" })).ToBeVisibleAsync();

        await page.FillFieldAsync("Mã số thuế cơ sở", taxCode);
        await page.ChooseAsync("Nhóm sản phẩm", "Chế biến nông, lâm, thủy sản và thực phẩm");
        await page.FillFieldAsync("Tên sản phẩm", product);
        await page.FillFieldAsync("Mô tả sản phẩm", "Chè búp tươi sao khô thủ công");
        await page.ClickButtonAsync("Đăng ký sản phẩm");
        await ToldAsync(page, $"Đã đăng ký sản phẩm «{product}»");

        // The product's photos are the entry's attachments of that kind: the dossier counts them, and there is no other upload.
        var entry = page.Section(product);
        await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Thêm ảnh" })).ToHaveCountAsync(0);
        await Expect(entry.Locator("input[type=file]")).ToHaveCountAsync(1);
        await page.ChooseAsync($"Loại tài liệu cho sản phẩm {product}", "Ảnh sản phẩm");
        foreach (var name in new[] { "front.png", "side.png", "top.png" })
        {
            await entry.Locator("input[type=file][id^='entry-file-']").SetInputFilesAsync(
                new FilePayload { Name = name, MimeType = "image/png", Buffer = PlatformApi.Photo });
            await ToldAsync(page, $"Đã đính kèm {name}.");
        }
        await Expect(entry).ToContainTextAsync("3 ảnh;");
        await entry.ClickButtonAsync("Nộp hồ sơ");
        await ToldAsync(page, $"Đã nộp hồ sơ sản phẩm «{product}».");

        await page.ClickButtonAsync("Bắt đầu chấm điểm");
        await ToldAsync(page, $"Đã bắt đầu chấm điểm cuộc bình chọn «{title}».");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu hội đồng" })).ToHaveCountAsync(0);
        var id = new Uri(page.Url).Segments[^1];

        var juror = await web.SignedInPageAsync(jurors[0]);
        await juror.OpenAsync($"/products/competitions/{id}");
        var sheet = juror.Section(product);
        await juror.FillFieldAsync("Thị trường, sản xuất (40)", "36");
        await juror.FillFieldAsync("Kinh tế, kỹ thuật, xã hội, môi trường (40)", "31");
        await juror.FillFieldAsync("Văn hóa, thẩm mỹ (10)", "9");
        await juror.FillFieldAsync("Khác (10)", "8");
        await sheet.ClickButtonAsync("Lưu phiếu chấm");
        await Expect(sheet).ToContainTextAsync("phiếu chấm 1/5");

        var scored = juror.Locator(".history-entry", new() { HasText = $"{jurors[0].DisplayName} chấm sản phẩm {product}: 84 điểm" });
        await Expect(scored).ToContainTextAsync($"Ngày chấm: {Typed(Today)}");
        await Expect(scored).ToContainTextAsync($"Ghi nhận {Typed(Today)}");
        await Expect(juror.Locator(".history-entry", new() { HasText = "Bắt đầu chấm điểm" })).ToContainTextAsync(WebUsers.Officer.DisplayName);
        await juror.AssertAccessibleAsync();
        var stored = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/products/competitions/{id}");
        Assert.Equal("Scoring", stored.GetProperty("status").GetString());
    }

    /// <summary>What a command told, among the messages still on screen from the steps before; an upload crosses the circuit and the gateway, so it may take a while.</summary>
    private static Task ToldAsync(IPage page, string text) =>
        Expect(page.Told().Filter(new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 45_000 });

    /// <summary>
    /// Five appraiser accounts a person can sign in with, the first the appraiser of the other tests, each known to the
    /// Products service before the page lists them.
    /// </summary>
    private async Task<IReadOnlyList<WebUser>> JuryAsync(string suffix)
    {
        IReadOnlyList<WebUser> jurors =
        [
            WebUsers.Appraiser,
            .. Enumerable.Range(2, 4).Select(i => new WebUser($"giam-khao-{suffix}-{i}", $"Giám khảo {suffix} số {i}", "Kc-Giam-Khao-2025-z", ["Appraiser"])),
        ];
        var seats = new List<CouncilMember>();
        foreach (var juror in jurors)
        {
            await web.EnsureUserAsync(juror);
            var found = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/users?q={juror.UserName}&role=Appraiser");
            var id = found.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == juror.UserName).GetProperty("id").GetString()!;
            seats.Add(new CouncilMember(id, web.Gateway));
        }
        Assert.True(await web.Accounts.KnownToAsync("/api/products/appraisers", seats), "the Products service never learnt of the jurors");
        return jurors;
    }
}

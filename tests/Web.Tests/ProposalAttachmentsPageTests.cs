using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The papers of a proposal on its page: a person chooses the kind and a file, sees it listed under its kind with who
/// added it and when, previews a picture full size in a dialog and a PDF in the browser, is told in Vietnamese why a disguised
/// page is refused, and withdraws a file after giving the reason, which leaves it listed as withdrawn.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProposalAttachmentsPageTests(WebFixture web)
{
    [Fact]
    public async Task An_officer_uploads_previews_is_refused_a_disguised_page_and_withdraws_a_file()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = (await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, DateTime.Today.Year, unit: "dk-van-don"))).GetProperty("id").GetString()!;
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/proposals/{id}");
        var attach = page.Section("Đính kèm tài liệu");
        var file = page.Locator("#attachment-file");

        await page.ChooseAsync("Loại tài liệu", "Hình ảnh");
        await file.SetInputFilesAsync(new FilePayload { Name = "xuong-san-xuat.png", MimeType = "image/png", Buffer = SampleFiles.Png() });

        // The file crosses the circuit, then the gateway: on a busy machine that takes longer than a click's answer.
        var photos = page.GetByTestId("attachments-Photo");
        await Expect(photos).ToContainTextAsync("xuong-san-xuat.png", new() { Timeout = 45_000 });
        await Expect(page.Told()).ToContainTextAsync("Đã đính kèm xuong-san-xuat.png.");
        await Expect(photos).ToContainTextAsync("xuong-san-xuat.png");
        await Expect(photos).ToContainTextAsync("Nguyễn Thị Hạnh");
        await photos.GetByRole(AriaRole.Button, new() { Name = "Xem trước xuong-san-xuat.png" }).ClickAsync();
        var picture = page.GetByTestId("attachment-preview").Locator("img");
        await Expect(picture).ToBeVisibleAsync();
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", 1);
        // The picture opens full size in a dialog, which Escape closes.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.ChooseAsync("Loại tài liệu", "Thuyết minh đề án");
        await file.SetInputFilesAsync(new FilePayload { Name = "thuyet-minh.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        var description = page.GetByTestId("attachments-ProposalDescription");
        await Expect(description).ToContainTextAsync("thuyet-minh.pdf", new() { Timeout = 45_000 });
        var viewer = await description.GetByRole(AriaRole.Link, new() { Name = "Xem trước thuyet-minh.pdf" }).GetAttributeAsync("href");
        var shown = await page.APIRequest.GetAsync(viewer!);
        Assert.Equal(200, shown.Status);
        Assert.StartsWith("application/pdf", shown.Headers["content-type"]);
        Assert.StartsWith("inline", shown.Headers["content-disposition"]);
        Assert.Equal("nosniff", shown.Headers["x-content-type-options"]);
        Assert.Equal(SampleFiles.Pdf(), await shown.BodyAsync());

        await file.SetInputFilesAsync(new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Html() });
        await Expect(attach.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nội dung tệp không thuộc các loại được nhận", new() { Timeout = 45_000 });
        await page.ScreenshotAsync("attachments-refused");
        await page.AssertAccessibleAsync();

        await photos.GetByRole(AriaRole.Button, new() { Name = "Rút tệp xuong-san-xuat.png" }).ClickAsync();
        await page.FillFieldAsync("Lý do rút tệp", "Ảnh chụp nhầm xưởng");
        await page.ClickButtonAsync("Xác nhận rút tệp");

        await Expect(photos).ToContainTextAsync("đã rút", new() { Timeout = 45_000 });
        await Expect(page.Told().Filter(new() { HasText = "Đã rút tệp xuong-san-xuat.png." })).ToBeVisibleAsync();
        await Expect(photos).ToContainTextAsync("đã rút");
        await Expect(photos).ToContainTextAsync("Ảnh chụp nhầm xưởng");
        await Expect(page.GetByText("Rút tài liệu đính kèm: Hình ảnh — xuong-san-xuat.png")).ToBeVisibleAsync();
        var listed = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/attachments");
        Assert.Equal(["xuong-san-xuat.png:True", "thuyet-minh.pdf:False"],
            listed.EnumerateArray().Select(a => $"{a.GetProperty("fileName").GetString()}:{a.GetProperty("withdrawn").GetBoolean()}"));
        await page.ScreenshotAsync("attachments-withdrawn");
    }
}

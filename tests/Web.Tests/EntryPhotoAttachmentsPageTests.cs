using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The papers of a competition's entry on the competition's page: an officer attaches a photo of the product, sees it
/// in the entry's list as the service's small copy, counted with the dossier's photos, (320 pixels wide, not the picture scaled by the browser), opens it
/// full size in a dialog that Escape closes, and the page stays accessible.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EntryPhotoAttachmentsPageTests(WebFixture web)
{
    [Fact]
    public async Task An_officer_attaches_a_product_photo_to_an_entry_sees_its_thumbnail_and_opens_it_full_size()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var taxCode = await api.RegisterEstablishmentAsync("HTX Miến dong Bình Liêu");
        var (competition, entry, _, _) = await api.EntryUnderScoringAsync(taxCode, "Miến dong Bình Liêu");
        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync($"/products/competitions/{competition}");
        var section = page.Section("Miến dong Bình Liêu");
        await Expect(section).ToContainTextAsync("3 ảnh;");

        await page.ChooseAsync("Loại tài liệu cho sản phẩm Miến dong Bình Liêu", "Ảnh sản phẩm");
        await page.Locator($"#entry-file-{entry}").SetInputFilesAsync(new FilePayload { Name = "mien-dong.png", MimeType = "image/png", Buffer = SampleFiles.Picture(1600, 1200) });

        // The file crosses the circuit, then the gateway: on a busy machine that takes longer than a click's answer.
        var photos = page.GetByTestId($"attachments-of-products-competitions-{competition}-entries-{entry}").GetByTestId("attachments-ProductPhoto");
        await Expect(photos).ToContainTextAsync("mien-dong.png", new() { Timeout = 45_000 });
        await Expect(page.Told()).ToContainTextAsync("Đã đính kèm mien-dong.png.");
        await Expect(section).ToContainTextAsync("4 ảnh;");
        var thumbnail = photos.GetByRole(AriaRole.Img, new() { Name = "Ảnh thu nhỏ mien-dong.png" });
        await Expect(thumbnail).ToBeVisibleAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalHeight", 240);

        await photos.GetByRole(AriaRole.Button, new() { Name = "Phóng to ảnh mien-dong.png" }).ClickAsync();
        var lightbox = page.GetByRole(AriaRole.Dialog);
        var full = lightbox.GetByRole(AriaRole.Img, new() { Name = "Xem trước mien-dong.png" });
        await Expect(full).ToBeVisibleAsync();
        await Expect(full).ToHaveJSPropertyAsync("complete", true);
        await Expect(full).ToHaveJSPropertyAsync("naturalWidth", 1600);
        await Expect(lightbox).ToContainTextAsync("Nguyễn Thị Hạnh");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("entry-photo-lightbox");

        await page.Keyboard.PressAsync("Escape");
        await Expect(lightbox).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }
}

using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class CatalogueTests(WebFixture web)
{
    [Fact]
    public async Task The_public_catalogue_shows_a_recognised_product_with_its_photos_as_thumbnails_that_open_full_size()
    {
        var api = new PlatformApi(web.Gateway, web.Accounts);
        var taxCode = await api.RegisterEstablishmentAsync("HTX Chè Đường Hoa");
        var product = "Chè Đường Hoa " + taxCode;
        await api.RecogniseProductAsync(taxCode, product);

        var page = await web.NewPageAsync();
        await page.OpenAsync("/catalogue");
        await page.GetByLabel("Tên sản phẩm hoặc cơ sở", new() { Exact = true }).FillAsync(product);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = product })).ToBeVisibleAsync();
        await Expect(page.GetByText("1 sản phẩm")).ToBeVisibleAsync();
        await Expect(page.GetByText("Cấp huyện", new() { Exact = false }).First).ToBeVisibleAsync();
        // The card shows the service's small copy of the first photo, read without signing in, not the picture scaled down.
        var photo = page.GetByRole(AriaRole.Img, new() { Name = $"Ảnh sản phẩm {product}", Exact = true });
        await Expect(photo).ToBeVisibleAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        await Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Expect(photo).ToHaveJSPropertyAsync("naturalHeight", 240);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Ảnh 3 của sản phẩm {product}", Exact = true })).ToHaveJSPropertyAsync("naturalWidth", 320);

        // A click opens the photo full size; the others follow, and Escape closes it.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Phóng to ảnh sản phẩm {product}", Exact = true }).ClickAsync();
        var lightbox = page.GetByRole(AriaRole.Dialog);
        var full = lightbox.GetByRole(AriaRole.Img, new() { Name = $"Ảnh 1 của sản phẩm {product}, kích thước đầy đủ", Exact = true });
        await Expect(full).ToHaveJSPropertyAsync("complete", true);
        await Expect(full).ToHaveJSPropertyAsync("naturalWidth", 800);
        await Expect(lightbox).ToContainTextAsync($"Ảnh 1/3 — {product}, HTX Chè Đường Hoa");
        await page.AssertAccessibleAsync();
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Ảnh sau", Exact = true }).ClickAsync();
        await Expect(lightbox.GetByRole(AriaRole.Img, new() { Name = $"Ảnh 2 của sản phẩm {product}, kích thước đầy đủ", Exact = true }))
            .ToHaveJSPropertyAsync("naturalWidth", 800);
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Ảnh trước", Exact = true }).ClickAsync();
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Ảnh trước", Exact = true }).ClickAsync();
        await Expect(lightbox).ToContainTextAsync("Ảnh 3/3");
        await page.ScreenshotAsync("catalogue-lightbox");
        await page.Keyboard.PressAsync("Escape");
        await Expect(lightbox).ToHaveCountAsync(0);

        await page.ScreenshotAsync("catalogue");
        await page.AssertAccessibleAsync();
    }
}

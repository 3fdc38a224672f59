using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class CatalogueTests(WebFixture web)
{
    [Fact]
    public async Task The_public_catalogue_shows_a_recognised_product_with_its_photo_and_certificate()
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
        var photo = page.GetByAltText($"Ảnh sản phẩm {product}");
        await Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the product's photo did not load through the gateway");

        await page.ScreenshotAsync("catalogue");
        await page.AssertAccessibleAsync();
    }
}

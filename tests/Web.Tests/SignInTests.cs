using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_sees_only_the_catalogue_and_is_asked_to_sign_in_elsewhere()
    {
        var page = await web.NewPageAsync();
        await page.OpenAsync("/catalogue");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng" });
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Danh mục sản phẩm (công khai)" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("anonymous-catalogue");

        await page.GotoAsync("/proposals");
        await page.ShowsLoginFormAsync();
        await page.ScreenshotAsync("sign-in-page");
    }

    [Fact]
    public async Task An_officer_signs_in_sees_their_name_and_role_and_signs_out_of_the_web_and_the_identity_service()
    {
        var page = await web.SignedInPageAsync(WebUsers.Officer);

        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync("Cán bộ Trung tâm");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("signed-in-officer");

        await page.ClickButtonAsync("Đăng xuất");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/catalogue");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();

        // Signed out at the identity service too: the next page asks for the password again.
        await page.GotoAsync("/proposals");
        await page.ShowsLoginFormAsync();
    }
}

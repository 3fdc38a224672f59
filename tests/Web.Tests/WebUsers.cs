using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>A person who signs in to the web UI, with the roles and scope an administrator gave them.</summary>
public sealed record WebUser(string UserName, string DisplayName, string Password, string[] Roles, string? TaxCode = null, string? UnitCode = null, string? District = null);

/// <summary>The people of the browser tests, one for each role.</summary>
public static class WebUsers
{
    public const string AdminUserName = "admin";
    private const string Password = "Kc-Web-Tests-2024";

    public static WebUser Admin(string password) => new(AdminUserName, "Quản trị hệ thống", password, ["Admin"]);
    public static readonly WebUser Officer = new("can-bo-trung-tam", "Nguyễn Thị Hạnh", Password, ["Officer"]);
    public static readonly WebUser Leader = new("lanh-dao-so", "Trần Văn Minh", Password, ["Leader"]);
    public static readonly WebUser Appraiser = new("tham-dinh-vien", "Lê Thị Thu", Password, ["Appraiser"]);

    /// <summary>An appraisal council of three: seats are accounts, and each member scores their own seat.</summary>
    public static readonly WebUser[] Council =
    [
        Appraiser,
        new("tham-dinh-vien-2", "Trần Văn Bình", Password, ["Appraiser"]),
        new("tham-dinh-vien-3", "Phạm Thị Dung", Password, ["Appraiser"]),
    ];

    public static WebUser Establishment(string taxCode) => new($"co-so-{taxCode}", $"Cơ sở {taxCode}", Password, ["Establishment"], TaxCode: taxCode);
}

/// <summary>Signing in as a person does: through the identity service's login page.</summary>
public static class SignIn
{
    /// <summary>A fresh page on which the user (created first when needed) has signed in and sees the home page.</summary>
    public static async Task<IPage> SignedInPageAsync(this WebFixture web, WebUser user, int width = 1366, int height = 768)
    {
        await web.EnsureUserAsync(user);
        var page = await web.NewPageAsync(width, height);
        await page.SignInAsync(user);
        return page;
    }

    /// <summary>Asks to sign in, fills the login form and waits until the web UI shows the user in its app bar.</summary>
    public static async Task SignInAsync(this IPage page, WebUser user)
    {
        await page.GotoAsync("/auth/login?returnUrl=%2F");
        await page.ShowsLoginFormAsync();
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(user.UserName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(user.Password);
        // Signing in goes through four round trips (the login form, the authorization, the code's exchange, the
        // first render): more patience than a single step gets.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync(new() { Timeout = 60_000 });
        await page.Locator("main[aria-busy='false']").WaitForAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);
    }

    /// <summary>The identity service's login page is on screen.</summary>
    public static async Task ShowsLoginFormAsync(this IPage page)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hệ thống quản lý khuyến công" })).ToBeVisibleAsync();
    }
}
